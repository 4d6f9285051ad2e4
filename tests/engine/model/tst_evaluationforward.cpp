// The evaluation's forward pass (model/EvaluationForward.cpp): evaluateBatch runs a batch through the whole
// network a chunk of rows at a time and, with two threads, each half of it through its own copy of the
// layers. Its predictions, loss and correct count must be predict()'s over the whole batch on one thread (up
// to the order of float sums) for batches of one chunk, several chunks, halves of several chunks and odd
// halves; for regression targets; after the weights change; and for networks that must not split (BatchNorm).
#include "CyclingLabels.h"
#include "TestSupport.h"
#include "neurite/Network.h"

#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

// LeNet's layers (the Input included) hold 8,090 activations a sample, so its evaluation chunks are
// 2^20 / 8,090 = 129 rows.
constexpr int kLeNetChunkRows = 129;

// (rows, 784) values in [0, 1]: pictures' pixels.
Matrix picturesOf(int rows, std::uint64_t seed)
{
    return randomMatrix(rows, 784, seed, 0.0f, 1.0f);
}

// LeNet whose last layer gives one linear value, with the MSE loss: a regression over pictures.
NetworkSpec leNetRegression()
{
    NetworkSpec spec = *preset("lenet");
    spec.find("dense1")->options["units"] = 1.0;
    spec.find("dense1")->options["activation"] = std::string("linear");
    spec.find("output")->options["loss"] = std::string("mse");
    return spec;
}

// What predict gives for x on one thread: the plain forward pass over the whole batch.
Matrix predictedOnOneThread(const NetworkSpec& spec, const Weights& weights, const Matrix& x)
{
    Network plain(spec, weights);
    plain.setThreads(1);
    Matrix out;
    plain.predict(x, out);
    return out;
}

void compareRows(const Matrix& evaluated, const Matrix& predicted)
{
    QCOMPARE(evaluated.rows(), predicted.rows());
    QCOMPARE(evaluated.cols(), predicted.cols());
    const double difference = double((evaluated - predicted).cwiseAbs().maxCoeff());
    const double scale = std::max(1.0, double(predicted.cwiseAbs().maxCoeff()));
    QVERIFY2(difference <= 1e-5 * scale, qPrintable(QString("predictions differ by %1").arg(difference)));
}

double meanCrossEntropy(const Matrix& probabilities, const std::vector<std::uint8_t>& labels)
{
    double sum = 0;
    for (Eigen::Index r = 0; r < probabilities.rows(); ++r)
        sum -= std::log(std::max(double(probabilities(r, labels[std::size_t(r)])), 1e-30));
    return sum / double(probabilities.rows());
}

int correctOf(const Matrix& probabilities, const std::vector<std::uint8_t>& labels)
{
    int correct = 0;
    for (Eigen::Index r = 0; r < probabilities.rows(); ++r) {
        Eigen::Index best = 0;
        probabilities.row(r).maxCoeff(&best);
        correct += best == labels[std::size_t(r)];
    }
    return correct;
}

} // namespace

class TestEvaluationForward : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluationEqualsPredictOnOneThread_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("rows");
        QTest::newRow("two threads, 5 rows (one chunk, no split)") << 2 << 5;
        QTest::newRow("two threads, 150 rows (halves of one chunk)") << 2 << 150;
        QTest::newRow("two threads, 601 rows (odd halves of three chunks)") << 2 << 601;
        QTest::newRow("one thread, 300 rows (three chunks)") << 1 << 300;
        QTest::newRow("one thread, 129 rows (exactly one chunk)") << 1 << kLeNetChunkRows;
    }

    void evaluationEqualsPredictOnOneThread()
    {
        QFETCH(int, threads);
        QFETCH(int, rows);
        Network network(*preset("lenet"), 7);
        network.setThreads(threads);
        const Matrix x = picturesOf(rows, 11);
        const std::vector<std::uint8_t> labels = cyclingLabels(rows);
        const Matrix expected = predictedOnOneThread(network.spec(), network.weights(), x);
        Matrix predictions;
        int correct = -1;
        const float loss = network.evaluateBatch(x, labels.data(), &correct, &predictions);
        compareRows(predictions, expected);
        QCOMPARE(correct, correctOf(expected, labels));
        const double reference = meanCrossEntropy(expected, labels);
        QVERIFY2(std::abs(double(loss) - reference) <= 1e-5 * std::max(1.0, reference),
                 qPrintable(QString("loss %1, expected %2").arg(loss).arg(reference)));
    }

    void regressionTargetsAreEvaluatedInChunksToo()
    {
        Network network(leNetRegression(), 3);
        network.setThreads(2);
        const int rows = 401;
        const Matrix x = picturesOf(rows, 5);
        const Matrix targets = randomMatrix(rows, 1, 9);
        const Matrix expected = predictedOnOneThread(network.spec(), network.weights(), x);
        Matrix predictions;
        const float loss = network.evaluateBatch(x, targets.data(), &predictions);
        compareRows(predictions, expected);
        const double reference = double((expected - targets).squaredNorm()) / rows;
        QVERIFY2(std::abs(double(loss) - reference) <= 1e-5 * std::max(1.0, reference),
                 qPrintable(QString("loss %1, expected %2").arg(loss).arg(reference)));
    }

    // The second half runs through the replica: it must compute with the weights as they are now, not as
    // they were when it was built.
    void theSecondHalfSeesWeightsSetAfterAnEarlierEvaluation()
    {
        Network network(*preset("lenet"), 1);
        network.setThreads(2);
        const int rows = 400;
        const Matrix x = picturesOf(rows, 2);
        const std::vector<std::uint8_t> labels = cyclingLabels(rows);
        Matrix before, after;
        network.evaluateBatch(x, labels.data(), nullptr, &before);
        const Network other(*preset("lenet"), 99);
        network.setWeights(other.weights());
        network.evaluateBatch(x, labels.data(), nullptr, &after);
        compareRows(after, predictedOnOneThread(network.spec(), other.weights(), x));
        QVERIFY(double((after - before).cwiseAbs().maxCoeff()) > 1e-3); // the new weights did change the result
    }

    // BatchNorm evaluates on its running statistics, which only this network's layers hold: no split, and
    // the chunks must still give predict's values.
    void aNetworkWithBatchNormIsEvaluatedInChunksWithoutSplitting()
    {
        NetworkSpec spec = *preset("lenet");
        LayerSpec norm{"norm", "BatchNorm", {}};
        spec.layers.insert(spec.layers.begin() + 2, norm); // after conv1
        for (Connection& c : spec.connections)
            if (c.from == "conv1")
                c.from = "norm";
        spec.connections.push_back({"conv1", "norm", 0});
        Network network(spec, 4);
        network.setThreads(2);
        // Running statistics away from their initial 0 and 1, so that a copy of the layers that lacked them
        // would give other values.
        const Matrix batch = picturesOf(64, 8);
        const std::vector<std::uint8_t> batchLabels = cyclingLabels(64);
        for (int step = 0; step < 3; ++step)
            network.forwardBackward(batch, batchLabels.data());
        const Matrix x = picturesOf(300, 6);
        const std::vector<std::uint8_t> labels = cyclingLabels(300);
        Matrix predictions;
        network.evaluateBatch(x, labels.data(), nullptr, &predictions);
        compareRows(predictions, predictedOnOneThread(network.spec(), network.weights(), x));
    }
};

QTEST_APPLESS_MAIN(TestEvaluationForward)
#include "tst_evaluationforward.moc"
