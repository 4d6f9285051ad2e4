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

    // A convolution reuses each weight hundreds of times a sample: even LeNet's batch of 16 (about 14
    // million multiply-adds, 2,300 a weight) splits, where the reference MLP's batch of 64 (15 million, 130 a
    // weight) does not.
    void convolutionsSplitSmallBatchesMlpsDoNot()
    {
        TrainingSettings settings;
        settings.batchSize = 16;
        QCOMPARE(trainingThreads(settings, *preset("lenet")), 0);
        settings.batchSize = 64;
        QCOMPARE(trainingThreads(settings, *preset("mlp")), 1);
        settings.batchSize = 2; // too little work in all, whatever its share per weight
        QCOMPARE(trainingThreads(settings, *preset("lenet")), 1);
    }
};

QTEST_APPLESS_MAIN(TestTrainingThreads)
#include "tst_trainingthreads.moc"
