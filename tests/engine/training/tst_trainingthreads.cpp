// Tests the default thread count of a training run: threads the settings give are kept; without them a
// batch too small to split trains on one thread and a large one on all cores.
#include "neurite/NetworkSpec.h"
#include "training/TrainingThreads.h"

#include <QtTest>

using namespace neurite;

class TestTrainingThreads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void givenThreadsAreKept()
    {
        TrainingSettings settings;
        settings.batchSize = 32;
        settings.threads = 3;
        QCOMPARE(trainingThreads(settings, *preset("mlp")), 3);
    }

    void smallBatchesOfSmallModelsUseOneThread()
    {
        TrainingSettings settings;
        settings.batchSize = 32; // about 7 million training multiply-adds a batch for the reference MLP
        QCOMPARE(trainingThreads(settings, *preset("mlp")), 1);
    }

    void largeBatchesUseAllCores()
    {
        TrainingSettings settings;
        settings.batchSize = 256; // about 58 million
        QCOMPARE(trainingThreads(settings, *preset("mlp")), 0);
        settings.batchSize = 64;
        QCOMPARE(trainingThreads(settings, *preset("lenet")), 0);
    }
};

QTEST_APPLESS_MAIN(TestTrainingThreads)
#include "tst_trainingthreads.moc"
