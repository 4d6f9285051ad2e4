// Regression: the MSE loss on real targets (by hand and against finite differences, alone and through a
// network), training a table with a numeric target, R²/MAE/RMSE against hand values, and the checks that
// tell a user what to change when a design does not suit a regression.
#include "ErrorCapture.h"
#include "TestSupport.h"
#include "kernels/Losses.h"
#include "neurite/DataFit.h"
#include "neurite/DesignForData.h"
#include "neurite/Error.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace neurite;
using namespace neurite::test;

namespace {

// y = 3 x0 - 2 x1 + 0.5 x2 + small noise, targets standardised as a table's are (mean 10, deviation 4).
Dataset linearTable(int rows, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> unit(0.0f, 1.0f);
    Dataset d;
    d.name = "linear";
    d.schema.kind = DataSchema::Kind::Table;
    d.schema.task = TaskKind::Regression;
    d.schema.targetMean = 10;
    d.schema.targetDeviation = 4;
    for (SampleSet* set : {&d.train, &d.test}) {
        set->kind = SampleKind::TableRow;
        set->rows = set->channels = 1;
        set->cols = 3;
        for (int i = 0; i < (set == &d.train ? rows : rows / 4); ++i) {
            const float x0 = unit(rng), x1 = unit(rng), x2 = unit(rng);
            set->values.insert(set->values.end(), {x0, x1, x2});
            set->targets.push_back((3 * x0 - 2 * x1 + 0.5f * x2 + 0.05f * unit(rng)) / 3.6f);
        }
    }
    return d;
}

NetworkSpec regressionSpec()
{
    return chainSpec(3, {dense("d1", 16, "tanh"), dense("d2", 1, "linear")}, "mse");
}

} // namespace

class TestRegression : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossByHand()
    {
        Matrix out(2, 1);
        out << 1, 3;
        const float targets[] = {0, 1};
        Matrix d;
        QCOMPARE(meanSquaredErrorOfValues(out, targets, &d), 2.5f); // (1 + 4) / 2
        QCOMPARE(d(0, 0), 1.0f);                                    // 2 (1 - 0) / 2
        QCOMPARE(d(1, 0), 2.0f);
    }

    void lossGradientMatchesFiniteDifferences()
    {
        Matrix out = randomMatrix(5, 2, 3, -2, 2);
        const Matrix wanted = randomMatrix(5, 2, 4, -2, 2);
        Matrix d;
        meanSquaredErrorOfValues(out, wanted.data(), &d);
        const auto loss = [&] { return double(meanSquaredErrorOfValues(out, wanted.data(), nullptr)); };
        QVERIFY(maxRelativeError(d, numericGradient(out, loss, 1e-2f)) < 1e-3);
    }

    void networkGradientCheckOnRealTargets()
    {
        const NetworkSpec spec = chainSpec(4,
                                           {dense("d1", 6, "tanh"), dense("d2", 5, "relu"), dense("d3", 1, "linear")},
                                           "mse");
        Network net(spec, 9);
        const Matrix x = randomMatrix(7, 4, 10);
        const float targets[] = {0.5f, -1.2f, 2.0f, 0.0f, 0.3f, -0.7f, 1.1f};
        net.forwardBackward(x, targets);
        for (const ParameterRef& p : net.parameters()) {
            const Matrix analytic = *p.grad;
            const Matrix numeric = numericGradient(*p.value, [&] { return double(net.evaluateBatch(x, targets)); });
            QVERIFY2(maxRelativeError(analytic, numeric) < 2e-3, p.name.c_str());
        }
        Network classifier(chainSpec(4, {dense("d1", 3, "softmax")}), 1);
        QVERIFY(errorOf([&] {
                    classifier.forwardBackward(x, targets);
                }).startsWith("Regression targets need the MSE loss"));
    }

    void metricsByHand()
    {
        const RegressionMetrics m = regressionMetrics({2, 4, 7}, {1, 5, 6}); // errors 1, -1, 1; mean of y 4
        QVERIFY(std::abs(m.mae - 1.0) < 1e-12);
        QVERIFY(std::abs(m.rmse - 1.0) < 1e-12);
        QVERIFY(std::abs(m.r2 - (1 - 3.0 / 14.0)) < 1e-12); // SS_tot = 9 + 1 + 4
        QCOMPARE(regressionMetrics({3, 3}, {3, 3}).r2, 1.0);
    }

    void trainsAndEvaluatesInTheTargetsUnits()
    {
        const Dataset data = linearTable(800, 5);
        Network net(regressionSpec(), 2);
        TrainingSettings settings;
        settings.epochs = 40;
        settings.batchSize = 32;
        settings.validationSplit = 0.2f;
        settings.earlyStoppingPatience = 5;
        const TrainingResult result = train(net, data, settings);
        QVERIFY(std::isnan(result.history.testAccuracy));
        QVERIFY(std::isnan(result.history.epochs.front().trainAccuracy));
        QVERIFY(!std::isnan(result.history.epochs.front().validationLoss));
        const RegressionEvaluation e = evaluateRegression(net, data.test, 10, 4);
        QVERIFY2(e.metrics.r2 > 0.97, qPrintable(QString::number(e.metrics.r2)));
        QCOMPARE(e.predicted.size(), data.test.count());
        // The metrics are those of the returned values, which are the network's outputs mapped back.
        const RegressionMetrics again = regressionMetrics(e.predicted, e.actual);
        QCOMPARE(again.rmse, e.metrics.rmse);
        std::vector<float> one(1);
        net.predictOne(data.test.row(3), one.data());
        // One sample and a batch take different products: equal to float rounding.
        QVERIFY(std::abs(double(one[0]) * 4 + 10 - e.predicted[3]) < 1e-5 * std::abs(e.predicted[3]));
        QVERIFY(std::abs(e.actual[3] - (double(data.test.targets[3]) * 4 + 10)) < 1e-9);
        // The standardised test loss is the RMSE in units squared over the deviation squared.
        QVERIFY(std::abs(std::sqrt(double(e.loss)) * 4 - e.metrics.rmse) < 1e-3 * e.metrics.rmse);
    }

    void aClassifierIsToldWhatToChange()
    {
        const Dataset data = linearTable(20, 1);
        Network classifier(chainSpec(3, {dense("d1", 4, "softmax")}), 1);
        QCOMPARE(errorOf([&] { checkDataFitsNetwork(classifier, data); }),
                 QString("Data set 'linear' is a regression (it predicts a number), but the Output receives 4 values "
                         "with the cross-entropy loss: give the last Dense layer 1 unit with a linear activation and "
                         "set the Output's loss to MSE."));
        Network wide(chainSpec(5, {dense("d1", 1, "linear")}, "mse"), 1);
        QCOMPARE(errorOf([&] { checkDataFitsNetwork(wide, data); }),
                 QString("The Input layer takes 5 values (5) but data set 'linear' has rows of 3 values (its encoded "
                         "columns): set the Input's Channels to 3 (height and width 1)."));
        Network fits(regressionSpec(), 1);
        QCOMPARE(errorOf([&] { checkDataFitsNetwork(fits, data); }), QString());
    }

    void designChecksKnowRegression()
    {
        const DataFacts facts{"prices.csv", Shape::flat(3), 0, TaskKind::Regression, true};
        const auto issues = checkDesignAgainstData(chainSpec(3, {dense("d1", 4, "softmax")}), facts);
        QCOMPARE(issues.size(), std::size_t(3));
        QCOMPARE(issues[0].message, std::string("The Output receives 4 values from 'd1' but prices.csv is a regression "
                                                "(one number to predict): set Units of 'd1' to 1"));
        QCOMPARE(issues[1].field, std::string("loss"));
        QCOMPARE(issues[2].severity, ValidationIssue::Severity::Warning);
        QVERIFY(checkDesignAgainstData(regressionSpec(), facts).empty());
        const auto input = checkDesignAgainstData(chainSpec(5, {dense("d1", 1, "linear")}, "mse"), facts);
        QCOMPARE(input.size(), std::size_t(1));
        QCOMPARE(input[0].message, std::string("Input 'input' is 5x1x1 but prices.csv has rows of 3 values: set "
                                               "Channels to 3"));
    }

    void presetsAdaptToARegression()
    {
        const Dataset data = linearTable(50, 3);
        const NetworkSpec adapted = adaptDesignToData(*preset("mlp"), data);
        QVERIFY(checkDesignAgainstData(adapted, dataFactsOf(data)).empty());
        Network net(adapted, 1);
        QCOMPARE(net.outputSize(), 1);
        QCOMPARE(net.loss(), LossKind::MeanSquaredError);
        QCOMPARE(net.inputShape(), Shape::flat(3));
        const NetworkSpec chosen = designForData(data);
        QCOMPARE(Network(chosen, 1).loss(), LossKind::MeanSquaredError);
        QVERIFY(checkDesignAgainstData(chosen, dataFactsOf(data)).empty());
    }
};

QTEST_APPLESS_MAIN(TestRegression)
#include "tst_regression.moc"
