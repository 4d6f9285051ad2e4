// Tests a run's test results: the confusion matrix a trained run keeps equals a brute-force count of its kept
// weights' predictions one sample at a time, and per-class scores read off a matrix match hand-computed ones.
#include "TestSupport.h"
#include "neurite/ClassScores.h"
#include "neurite/RunTraining.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

class TestRunTestResults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theRunsMatrixCountsEachTestSamplesPrediction()
    {
        // Few epochs on overlapping blobs, so that the matrix has mistakes off its diagonal to get right.
        const Dataset data = blobs(40, 3, 6, 7);
        const NetworkSpec design = chainSpec(6, {dense("dense1", 4, "relu"), dense("dense2", 3, "softmax")});
        TrainingSettings settings;
        settings.epochs = 1;
        settings.batchSize = 8;
        settings.threads = 1;
        settings.optimizer.learningRate = 0.002f;
        const RunRecord run = trainRun(design, settings, data);
        QVERIFY(run.weights.has_value());

        Network network(run.design, 1);
        network.setWeights(*run.weights);
        std::vector<std::vector<int>> counted(3, std::vector<int>(3, 0));
        Matrix x, out;
        int right = 0;
        for (std::uint32_t i = 0; i < data.test.count(); ++i) {
            gatherBatch(data.test, &i, 1, x); // x: (1, 6)
            network.predict(x, out);          // out: (1, 3)
            Eigen::Index predicted = 0;
            out.row(0).maxCoeff(&predicted);
            ++counted[data.test.labels[i]][std::size_t(predicted)];
            right += predicted == data.test.labels[i];
        }
        QCOMPARE(run.test.confusion, counted);
        QCOMPARE(run.test.accuracy, float(right) / float(data.test.count()));
        QVERIFY(!run.test.regression);
    }

    void scoresAreReadOffTheMatrix()
    {
        // Rows: true class; columns: predicted. Class 2 is never predicted and class 1 never occurs.
        const std::vector<std::vector<int>> confusion = {{5, 3, 2}, {0, 0, 0}, {1, 4, 0}};
        const ClassScores scores = classScores(confusion);
        // Class 0: precision 5/6, recall 5/10, F1 2*(5/6)(1/2)/(5/6+1/2) = 0.625.
        QCOMPARE(scores.precision[0], 5.0f / 6.0f);
        QCOMPARE(scores.recall[0], 0.5f);
        QCOMPARE(scores.f1[0], 0.625f);
        // Class 1: predicted 7 times, never right; no true samples, so recall 0.
        QCOMPARE(scores.precision[1], 0.0f);
        QCOMPARE(scores.recall[1], 0.0f);
        QCOMPARE(scores.f1[1], 0.0f);
        // Class 2: never predicted (precision 0), 5 samples.
        QCOMPARE(scores.precision[2], 0.0f);
        QCOMPARE(scores.support, (std::vector<long>{10, 0, 5}));
    }
};

QTEST_APPLESS_MAIN(TestRunTestResults)
#include "tst_runtestresults.moc"
