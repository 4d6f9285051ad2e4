// Training convolutional designs end to end: the LeNet and residual presets learn, results are
// reproducible, and LeNet reaches a sensible accuracy on mnist-10k in a few epochs.
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/Trainer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

TrainingSettings quickSettings(int epochs)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.batchSize = 32;
    s.seed = 3;
    s.threads = 2;
    return s;
}

} // namespace

class TestCnnTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsLearnSyntheticImages_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::newRow("lenet") << "lenet";
        QTest::newRow("resnet-small") << "resnet-small";
    }

    // 28x28 images of 5 blended prototypes: chance is 20%, the networks must get well above 90%.
    void presetsLearnSyntheticImages()
    {
        QFETCH(QString, preset);
        const Dataset data = syntheticImages(28, 5, 120, 40, 11);
        Network network(*neurite::preset(preset.toStdString()), 2);
        const TrainingResult result = train(network, data, quickSettings(4));
        QCOMPARE(result.outcome, TrainingResult::Outcome::Completed);
        const auto& epochs = result.history.epochs;
        QVERIFY(epochs.back().trainLoss < epochs.front().trainLoss);
        QVERIFY2(result.history.testAccuracy > 0.9f, qPrintable(QString::number(result.history.testAccuracy)));
        // Eval mode (BatchNorm's running statistics) agrees with the reported test accuracy.
        QVERIFY(std::abs(evaluate(network, data.test, 5).accuracy - result.history.testAccuracy) < 1e-6f);
    }

    // Same seed and thread count: bit-identical weights (BatchNorm's running statistics included).
    void trainingIsReproducible()
    {
        const Dataset data = syntheticImages(28, 3, 40, 10, 12);
        Network a(*preset("resnet-small"), 4), b(*preset("resnet-small"), 4);
        train(a, data, quickSettings(1));
        train(b, data, quickSettings(1));
        QVERIFY(a.weights() == b.weights());
        bool hasRunningStatistics = false;
        for (const NamedTensor& t : a.weights())
            hasRunningStatistics = hasRunningStatistics || t.name == "block_bn1.running_var";
        QVERIFY(hasRunningStatistics);
    }

    // The designer's template files describe the same designs as the command line's presets.
    void templatesMatchPresets()
    {
        // CTest sets NEURITE_SOURCE_DIR; by hand, run from the source folder.
        const QString root = qEnvironmentVariable("NEURITE_SOURCE_DIR", QStringLiteral("."));
        for (const auto& [file, name] : {std::pair{"lenet-cnn", "lenet"}, std::pair{"residual-cnn", "resnet-small"}}) {
            QFile f(root + "/resources/templates/" + file + ".json");
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
            const QByteArray design = QJsonDocument(json.value("design").toObject()).toJson();
            QVERIFY(specFromJson(design.toStdString(), file) == *preset(name));
        }
    }

    void lenetOnMnist10k()
    {
        if (!mnist10kAvailable())
            QFAIL("mnist-10k is not prepared: run ./test.sh (it prepares the data set) first");
        const Dataset data = loadDataset("mnist-10k");
        Network network(*preset("lenet"), 1);
        TrainingSettings s; // Adam 1e-3, batch 32
        s.epochs = 3;
        const TrainingResult result = train(network, data, s);
        qInfo("lenet on mnist-10k, 3 epochs: test accuracy %.2f%%, %.0f samples/s", result.history.testAccuracy * 100.0,
              result.history.epochs.back().samplesPerSecond);
        QVERIFY2(result.history.testAccuracy >= 0.93f, qPrintable(QString::number(result.history.testAccuracy)));
    }
};

QTEST_APPLESS_MAIN(TestCnnTraining)
#include "tst_cnntraining.moc"
