// The learning-rate range test: its exponential sweep, the smoothed loss recomputed from the raw losses, the
// first loss equal to the trainer's first batch loss, tables with a numeric target, the caller's weights left bit
// for bit, divergence and cancellation, the suggestion rule on curves whose steepest point is known, and the
// suggestions on the reference MLP with mnist-10k for Adam and SGD.
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/DesignForData.h"
#include "neurite/Error.h"
#include "neurite/LearningRateFinder.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace neurite;
using namespace neurite::test;

namespace {

NetworkSpec blobSpec()
{
    return chainSpec(4, {dense("d1", 16, "relu"), dense("d2", 3, "softmax")});
}

// A curve over rates 1e-6 .. 1e0 (61 points, ten a decade) whose smoothed loss is 2 - tanh(2 (x - x0)) in
// x = log10(rate), then climbs past x1: the steepest descent is exactly at x0 by symmetry.
std::vector<LearningRatePoint> syntheticCurve(double x0, double x1)
{
    std::vector<LearningRatePoint> points;
    for (int i = 0; i <= 60; ++i) {
        const double x = -6.0 + i / 10.0;
        const double climb = x > x1 ? 8.0 * (x - x1) * (x - x1) : 0.0;
        const float loss = float(2.0 - std::tanh(2.0 * (x - x0)) + climb);
        points.push_back({float(std::pow(10.0, x)), loss, loss});
    }
    return points;
}

// The mnist-10k reference MLP (preset mlp) with `settings`' optimiser, swept with the default range.
LearningRateFinderResult sweepReferenceMlp(const OptimizerSettings& optimizer)
{
    const Dataset data = loadDataset("mnist-10k");
    TrainingSettings settings = settingsForData(data);
    settings.optimizer = optimizer;
    Network network(adaptDesignToData(*preset("mlp"), data), settings.seed);
    return findLearningRate(network, data, settings);
}

// y = 2 x0 - x1 on standard normal inputs, as a table with a numeric (standardised) target.
Dataset linearTable(int rows, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> unit(0.0f, 1.0f);
    Dataset d;
    d.name = "linear";
    d.schema.kind = DataSchema::Kind::Table;
    d.schema.task = TaskKind::Regression;
    d.train.kind = SampleKind::TableRow;
    d.train.rows = d.train.channels = 1;
    d.train.cols = 2;
    for (int i = 0; i < rows; ++i) {
        const float x0 = unit(rng), x1 = unit(rng);
        d.train.values.insert(d.train.values.end(), {x0, x1});
        d.train.targets.push_back((2 * x0 - x1) / 2.236f);
    }
    return d;
}

} // namespace

class TestLearningRateFinder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sweepIsExponentialBetweenTheBounds()
    {
        LearningRateFinderSettings finder;
        finder.minLearningRate = 1e-6f;
        finder.maxLearningRate = 1.0f;
        finder.steps = 50;
        QCOMPARE(finderLearningRate(finder, 0), 1e-6f);
        QCOMPARE(finderLearningRate(finder, 49), 1.0f);
        const double ratio = std::pow(1e6, 1.0 / 49.0); // the same factor from step to step
        for (int i = 1; i < finder.steps; ++i) {
            const double step = double(finderLearningRate(finder, i)) / double(finderLearningRate(finder, i - 1));
            QVERIFY2(std::abs(step - ratio) < 1e-5, qPrintable(QString("step %1: ratio %2").arg(i).arg(step)));
        }
        // The sweep uses exactly these rates, one per recorded step.
        const Dataset data = blobs(60, 3, 4, 7);
        Network network(blobSpec(), 3);
        TrainingSettings settings;
        settings.optimizer.kind = "sgd";
        const LearningRateFinderResult result = findLearningRate(network, data, settings, finder);
        QVERIFY(result.points.size() >= 10);
        for (std::size_t i = 0; i < result.points.size(); ++i)
            QCOMPARE(result.points[i].learningRate, finderLearningRate(finder, int(i)));
    }

    void smoothedLossIsTheBiasCorrectedAverageOfTheLosses()
    {
        const Dataset data = blobs(60, 3, 4, 7);
        Network network(blobSpec(), 3);
        LearningRateFinderSettings finder;
        finder.steps = 40;
        finder.smoothing = 0.9f;
        const LearningRateFinderResult result = findLearningRate(network, data, TrainingSettings{}, finder);
        QVERIFY(!result.points.empty());
        double average = 0;
        for (std::size_t i = 0; i < result.points.size(); ++i) {
            average = 0.9 * average + 0.1 * double(result.points[i].loss);
            const double expected = average / (1.0 - std::pow(0.9, double(i + 1)));
            QVERIFY(std::abs(double(result.points[i].smoothedLoss) - expected) <= 1e-5 * std::max(1.0, expected));
        }
        QCOMPARE(result.points.front().smoothedLoss, result.points.front().loss);
    }

    void regressionTablesAreSweptToo()
    {
        const Dataset data = linearTable(400, 5);
        Network network(chainSpec(2, {dense("hidden", 8, "tanh"), dense("out", 1, "linear")}, "mse"), 2);
        const Weights before = network.weights();
        TrainingSettings settings;
        settings.batchSize = 16;
        const LearningRateFinderResult result = findLearningRate(network, data, settings);
        QVERIFY(network.weights() == before);
        QVERIFY2(result.suggestion.found, result.suggestion.reason.c_str());
        // Adam's usual rates are where a linear target's loss falls.
        float lowest = result.points.front().smoothedLoss;
        for (const LearningRatePoint& p : result.points)
            lowest = std::min(lowest, p.smoothedLoss);
        qInfo("regression: smoothed loss from %g down to %g, suggested %g", double(result.points.front().smoothedLoss),
              double(lowest), double(result.suggestion.learningRate));
        QVERIFY(lowest < result.points.front().smoothedLoss);
        QVERIFY(result.suggestion.learningRate >= 1e-4f && result.suggestion.learningRate <= 0.3f);
    }

    void firstLossIsTheTrainersFirstBatchLoss()
    {
        // Same seed, same weights, same shuffled first batch: the loss before any update is the trainer's.
        const Dataset data = linearTable(400, 5);
        const NetworkSpec spec = chainSpec(2, {dense("hidden", 8, "tanh"), dense("out", 1, "linear")}, "mse");
        TrainingSettings settings;
        settings.batchSize = 16;
        settings.epochs = 1;
        settings.threads = 1;
        Network swept(spec, 2), trained(spec, 2);
        const LearningRateFinderResult result = findLearningRate(swept, data, settings);
        const TrainingResult run = train(trained, data, settings);
        QCOMPARE(result.points.front().loss, run.history.batches.front().loss);
    }

    void callersWeightsAreUntouched()
    {
        const Dataset data = blobs(60, 3, 4, 7);
        for (const char* kind : {"sgd", "adam", "adamw", "rmsprop"}) {
            Network network(blobSpec(), 3);
            const Weights before = network.weights();
            TrainingSettings settings;
            settings.optimizer.kind = kind;
            settings.optimizer.momentum = std::string(kind) == "sgd" ? 0.9f : 0.0f;
            const LearningRateFinderResult result = findLearningRate(network, data, settings);
            QVERIFY2(result.points.size() > 5, kind);
            QVERIFY2(network.weights() == before, kind); // bit for bit: NamedTensor compares every float
        }
    }

    void stopsWhenTheLossDiverges()
    {
        const Dataset data = blobs(60, 3, 4, 7);
        Network network(blobSpec(), 3);
        TrainingSettings settings;
        settings.optimizer.kind = "sgd";
        LearningRateFinderSettings finder;
        finder.maxLearningRate = 1e4f;
        finder.steps = 300;
        std::size_t reported = 0;
        const auto sink = [&](const LearningRateFinderProgress&) { ++reported; };
        const LearningRateFinderResult result = findLearningRate(network, data, settings, finder, sink);
        QCOMPARE(result.outcome, LearningRateFinderResult::Outcome::Diverged);
        QVERIFY(int(result.points.size()) < finder.steps);
        QCOMPARE(reported, result.points.size()); // the point that showed the divergence is reported too
        float best = result.points.front().smoothedLoss;
        for (const LearningRatePoint& p : result.points)
            best = std::min(best, p.smoothedLoss);
        // Either the last recorded smoothed loss passed 4x the best, or the next loss was not finite.
        QVERIFY(result.points.back().smoothedLoss > 4 * best || result.points.back().learningRate > 1.0f);
    }

    void cancelKeepsThePointsSoFar()
    {
        const Dataset data = blobs(60, 3, 4, 7);
        Network network(blobSpec(), 3);
        std::stop_source stop;
        int calls = 0;
        const auto sink = [&](const LearningRateFinderProgress& progress) {
            ++calls;
            QCOMPARE(progress.plannedSteps, LearningRateFinderSettings{}.steps);
            QCOMPARE(progress.step, calls);
            if (progress.step == 12)
                stop.request_stop();
        };
        const LearningRateFinderResult result = findLearningRate(network, data, TrainingSettings{},
                                                                 LearningRateFinderSettings{}, sink, stop.get_token());
        QCOMPARE(result.outcome, LearningRateFinderResult::Outcome::Cancelled);
        QCOMPARE(int(result.points.size()), 12);
        QCOMPARE(calls, 12);
    }

    void badSettingsNameTheField_data()
    {
        QTest::addColumn<float>("minimum");
        QTest::addColumn<float>("maximum");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("field");
        QTest::newRow("steps") << 1e-7f << 10.0f << 9 << "steps";
        QTest::newRow("zero minimum") << 0.0f << 10.0f << 100 << "minimum learning rate";
        QTest::newRow("maximum below") << 1e-2f << 1e-3f << 100 << "maximum learning rate";
    }

    void badSettingsNameTheField()
    {
        QFETCH(float, minimum);
        QFETCH(float, maximum);
        QFETCH(int, steps);
        QFETCH(QString, field);
        const Dataset data = blobs(10, 3, 4, 7);
        Network network(blobSpec(), 3);
        try {
            findLearningRate(network, data, TrainingSettings{}, {minimum, maximum, steps});
            QFAIL("no error");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).startsWith(field), e.what());
        }
    }

    void dataThatDoesNotFitIsRefused()
    {
        const Dataset data = blobs(10, 3, 5, 7); // five features for a four-input design
        Network network(blobSpec(), 3);
        QVERIFY_THROWS_EXCEPTION(NeuriteError, findLearningRate(network, data, TrainingSettings{}));
    }

    void suggestionIsTheSteepestPointBeforeTheMinimum()
    {
        // Steepest at 10^-3 (index 30); the climb after 10^-1 makes the minimum lie near there.
        const LearningRateSuggestion s = suggestLearningRate(syntheticCurve(-3.0, -1.0));
        QVERIFY2(s.found, s.reason.c_str());
        QCOMPARE(s.index, 30);
        QCOMPARE(s.learningRate, float(std::pow(10.0, -3.0)));
        // A steeper fall after the minimum (a spike, then back to just above the minimum) is not chosen: only
        // the points up to the minimum count. Steepest at 10^-4 (index 20).
        std::vector<LearningRatePoint> curve = syntheticCurve(-4.0, -2.5);
        curve[54].smoothedLoss = 1e6f;
        for (std::size_t i = 55; i < curve.size(); ++i)
            curve[i].smoothedLoss = 1.5f;
        const LearningRateSuggestion t = suggestLearningRate(curve);
        QVERIFY2(t.found, t.reason.c_str());
        QCOMPARE(t.index, 20);
    }

    void curveWithoutDescentGetsNoSuggestion()
    {
        std::vector<LearningRatePoint> rising, flat;
        std::mt19937 rng(5);
        std::uniform_real_distribution<float> noise(-0.01f, 0.01f);
        for (int i = 0; i < 100; ++i) {
            const float lr = float(std::pow(10.0, -7.0 + i * 0.08));
            rising.push_back({lr, 1.0f + 0.02f * float(i), 1.0f + 0.02f * float(i)});
            const float f = 2.3f + noise(rng);
            flat.push_back({lr, f, f});
        }
        for (const auto& curve : {rising, flat}) {
            const LearningRateSuggestion s = suggestLearningRate(curve);
            QVERIFY(!s.found);
            QVERIFY(!s.reason.empty());
        }
        std::vector<LearningRatePoint> shortCurve = syntheticCurve(-3, -1);
        shortCurve.resize(5); // too few points after the skipped start
        QVERIFY(!suggestLearningRate(shortCurve).found);
    }

    void adamOnTheReferenceMlpSuggestsAUsualRate()
    {
        if (!mnist10kAvailable())
            QSKIP("mnist-10k is not prepared (neurite data prepare mnist-10k)");
        const LearningRateFinderResult result = sweepReferenceMlp(OptimizerSettings{});
        qInfo("Adam: suggested %g after %zu steps in %.2f s", double(result.suggestion.learningRate),
              result.points.size(), result.seconds);
        QVERIFY2(result.suggestion.found, result.suggestion.reason.c_str());
        QVERIFY(result.suggestion.learningRate >= 1e-4f && result.suggestion.learningRate <= 3e-2f);
    }

    void sgdOnTheReferenceMlpSuggestsAUsualRate()
    {
        if (!mnist10kAvailable())
            QSKIP("mnist-10k is not prepared (neurite data prepare mnist-10k)");
        OptimizerSettings sgd;
        sgd.kind = "sgd";
        const LearningRateFinderResult result = sweepReferenceMlp(sgd);
        qInfo("SGD: suggested %g after %zu steps in %.2f s", double(result.suggestion.learningRate),
              result.points.size(), result.seconds);
        QVERIFY2(result.suggestion.found, result.suggestion.reason.c_str());
        // Plain SGD moves each weight by lr times its gradient rather than by about lr (Adam's normalised
        // step), so it needs larger rates: MNIST MLPs train with 0.01 to 0.5 (PyTorch's examples use 0.01
        // with momentum, classic tutorials 0.1). 1e-3 to 1 allows the rule's usual factor either side.
        QVERIFY(result.suggestion.learningRate >= 1e-3f && result.suggestion.learningRate <= 1.0f);
        // SGD's suggestion lies above Adam's: the optimiser's kind is what the sweep trains with.
        QVERIFY(result.suggestion.learningRate > sweepReferenceMlp(OptimizerSettings{}).suggestion.learningRate);
    }
};

QTEST_APPLESS_MAIN(TestLearningRateFinder)
#include "tst_learningratefinder.moc"
