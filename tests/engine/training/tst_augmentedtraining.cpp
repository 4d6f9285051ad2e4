// The trainer with data augmentation on: bit-identical runs for the same settings and seed, validation and
// test samples measured as they are, tables refused, and the reference MLP still learning mnist-10k.
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

TrainingSettings augmented(int epochs)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.augmentation.enabled = true;
    s.augmentation.horizontalFlip = true; // every kind of change is exercised
    return s;
}

NetworkSpec smallMlp(int inputs, int classes)
{
    return chainSpec(inputs, {dense("h", 32, "relu"), dense("o", classes, "softmax")});
}

// `count` copies of one 10x10 picture, all of class 0 (of two).
Dataset oneImage(int count)
{
    Dataset d;
    d.name = "one image";
    d.classNames = {"a", "b"};
    for (SampleSet* set : {&d.train, &d.test}) {
        set->rows = set->cols = 10;
        for (int i = 0; i < count; ++i) {
            for (int p = 0; p < 100; ++p)
                set->pixels.push_back(std::uint8_t((p * 37) % 256));
            set->labels.push_back(0);
        }
    }
    return d;
}

} // namespace

class TestAugmentedTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSettingsAndSeedGiveBitIdenticalWeights()
    {
        const Dataset data = syntheticImages(12, 3, 40, 10, 3);
        TrainingSettings s = augmented(2);
        s.threads = 2;
        s.seed = 5;
        const auto trained = [&](const TrainingSettings& settings) {
            Network net(smallMlp(144, 3), 5);
            train(net, data, settings);
            return net.weights();
        };
        const Weights first = trained(s);
        QVERIFY(first == trained(s));
        TrainingSettings plain = s;
        plain.augmentation.enabled = false;
        QVERIFY(!(first == trained(plain))); // the augmentation did change what was trained on
        TrainingSettings otherSeed = s;
        otherSeed.seed = 6;
        QVERIFY(!(first == trained(otherSeed)));
    }

    // Every sample is the same picture, so the validation and test losses are the loss of that picture as
    // it is, whichever samples were held out; had they been augmented they would differ.
    void validationAndTestSamplesAreNotAugmented()
    {
        const Dataset data = oneImage(50);
        TrainingSettings s = augmented(2);
        s.augmentation.noise = 0.2f;
        s.augmentation.shift = 0.3f;
        s.validationSplit = 0.4f;
        s.batchSize = 10;
        Network net(smallMlp(100, 2), 1);
        const TrainingResult result = train(net, data, s);
        const Evaluation asItIs = evaluate(net, data.test, 2);
        QVERIFY2(std::abs(result.history.epochs.back().validationLoss - asItIs.loss) < 1e-6f,
                 qPrintable(QString("%1 vs %2").arg(result.history.epochs.back().validationLoss).arg(asItIs.loss)));
        QVERIFY(std::abs(result.history.testLoss - asItIs.loss) < 1e-6f);
        QVERIFY(asItIs.loss > 1e-3f); // not trivially zero
    }

    void tablesWithAugmentationAreRefused()
    {
        Dataset table = blobs(10, 3, 8, 1);
        for (SampleSet* set : {&table.train, &table.test}) {
            set->kind = SampleKind::TableRow;
            set->values.assign(set->pixels.begin(), set->pixels.end());
            set->pixels.clear();
        }
        table.name = "blobs.csv";
        Network net(smallMlp(8, 3), 1);
        try {
            train(net, table, augmented(1));
            QFAIL("expected an error");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("Augmentation works on images only, and 'blobs.csv' is a table"),
                     e.what());
        }
        TrainingSettings off = augmented(1);
        off.augmentation.enabled = false;
        train(net, table, off); // the same table trains with augmentation off
    }

    // Three epochs of the reference MLP with the default ranges: augmentation slows learning a little but
    // must not break it (10 epochs without augmentation reach about 96%).
    void referenceMlpStillLearnsMnist10k()
    {
        if (!mnist10kAvailable())
            QFAIL("mnist-10k is not prepared: run ./test.sh (it prepares the data set) first");
        const Dataset data = loadDataset("mnist-10k");
        Network net(*preset("mlp"), 1);
        TrainingSettings s;
        s.epochs = 3;
        s.augmentation.enabled = true;
        const TrainingResult result = train(net, data, s);
        qInfo("mlp on mnist-10k, 3 epochs with augmentation: test accuracy %.2f%%, %.0f samples/s",
              result.history.testAccuracy * 100.0, result.history.epochs.back().samplesPerSecond);
        QVERIFY2(result.history.testAccuracy >= 0.90f, qPrintable(QString::number(result.history.testAccuracy)));
    }
};

QTEST_GUILESS_MAIN(TestAugmentedTraining)
#include "tst_augmentedtraining.moc"
