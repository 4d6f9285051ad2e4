// The batch split (model/BatchSplitStep.cpp): with two threads a training step runs each half of the batch
// through its own copy of the layers. Its loss, correct count and gradients must be those of one pass over
// the whole batch on one thread (up to the order of float sums), for every loss, for odd batches whose halves
// differ in size, and after the weights changed between steps; networks with BatchNorm must not split.
#include "CyclingLabels.h"
#include "TestSupport.h"
#include "neurite/Network.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

// A network wide enough that a two-thread step splits its batch (see kSplitThreshold).
NetworkSpec wideSpec(const std::string& loss, const std::string& last = "softmax")
{
    return chainSpec(300, {dense("d1", 256, "relu"), dense("d2", 64, "tanh"), dense("d3", 10, last)}, loss);
}

struct Step {
    float loss = 0;
    int correct = 0;
    std::vector<Matrix> gradients;
};

Step stepOf(Network& net, const Matrix& x, const std::vector<std::uint8_t>& labels, const float* targets)
{
    Step s;
    s.loss = targets ? net.forwardBackward(x, targets) : net.forwardBackward(x, labels.data(), &s.correct);
    for (const ParameterRef& p : net.parameters())
        s.gradients.push_back(*p.grad);
    return s;
}

double largestDifference(const Matrix& a, const Matrix& b)
{
    return double((a - b).cwiseAbs().maxCoeff());
}

void compareSteps(const Step& split, const Step& whole)
{
    QVERIFY(std::abs(split.loss - whole.loss) <= 1e-5f * std::max(1.0f, std::abs(whole.loss)));
    QCOMPARE(split.correct, whole.correct);
    QCOMPARE(split.gradients.size(), whole.gradients.size());
    for (std::size_t i = 0; i < whole.gradients.size(); ++i) {
        const double scale = std::max(1e-3, double(whole.gradients[i].cwiseAbs().maxCoeff()));
        QVERIFY2(largestDifference(split.gradients[i], whole.gradients[i]) <= 1e-4 * scale,
                 qPrintable(QString("gradient %1 differs by %2 (largest %3)")
                                .arg(i)
                                .arg(largestDifference(split.gradients[i], whole.gradients[i]))
                                .arg(scale)));
    }
}

} // namespace

class TestBatchSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitStepEqualsOneWholeStep_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("regression");
        QTest::newRow("cross-entropy, 32 rows") << "cross_entropy" << 32 << false;
        QTest::newRow("cross-entropy, 33 rows (halves of 16 and 17)") << "cross_entropy" << 33 << false;
        QTest::newRow("mse on classes, 64 rows") << "mse" << 64 << false;
        QTest::newRow("regression targets, 45 rows") << "mse" << 45 << true;
    }

    void splitStepEqualsOneWholeStep()
    {
        QFETCH(QString, loss);
        QFETCH(int, rows);
        QFETCH(bool, regression);
        const NetworkSpec spec = wideSpec(loss.toStdString(), loss == "mse" ? "linear" : "softmax");
        Network split(spec, 11), whole(spec, 11);
        split.setThreads(2);
        whole.setThreads(1);
        const Matrix x = randomMatrix(rows, 300, 3);
        const Matrix targets = randomMatrix(rows, 10, 4);
        const std::vector<std::uint8_t> labels = cyclingLabels(rows);
        const float* values = regression ? targets.data() : nullptr;
        compareSteps(stepOf(split, x, labels, values), stepOf(whole, x, labels, values));
        // The weights change between steps (as the optimiser changes them): the second half must see the new ones.
        for (Network* net : {&split, &whole})
            for (const ParameterRef& p : net->parameters())
                p.value->array() -= 0.05f * p.grad->array();
        const Matrix next = randomMatrix(rows, 300, 5);
        compareSteps(stepOf(split, next, labels, values), stepOf(whole, next, labels, values));
    }

    // The split must be able to fail this test: the second half's gradient missing, or its weights stale,
    // changes the gradients by far more than the tolerance (checked by the first test's second step).
    void oddHalvesAreWeighedByTheirRows()
    {
        const NetworkSpec spec = wideSpec("cross_entropy");
        Network split(spec, 2), whole(spec, 2);
        split.setThreads(2);
        whole.setThreads(1);
        // 17 rows: halves of 8 and 9; only the last row has a label the network gets right rarely.
        const Matrix x = randomMatrix(17, 300, 9, -3.0f, 3.0f);
        const std::vector<std::uint8_t> labels = cyclingLabels(17);
        compareSteps(stepOf(split, x, labels, nullptr), stepOf(whole, x, labels, nullptr));
    }

    void sameSeedAndThreadsGiveBitIdenticalGradients()
    {
        const NetworkSpec spec = wideSpec("cross_entropy");
        Network a(spec, 7), b(spec, 7);
        a.setThreads(2);
        b.setThreads(2);
        const Matrix x = randomMatrix(40, 300, 1);
        const std::vector<std::uint8_t> labels = cyclingLabels(40);
        const Step first = stepOf(a, x, labels, nullptr), second = stepOf(b, x, labels, nullptr);
        QCOMPARE(first.loss, second.loss);
        for (std::size_t i = 0; i < first.gradients.size(); ++i)
            QVERIFY(first.gradients[i] == second.gradients[i]);
    }
};

QTEST_APPLESS_MAIN(TestBatchSplit)
#include "tst_batchsplit.moc"
