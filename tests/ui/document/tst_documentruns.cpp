// The window keeps runs: each training the Train tab finishes becomes a run of the document, with the
// design, settings, history and test accuracy it had; they are saved with the project and come back when it
// is opened again.
#include "document/ProjectDocument.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

#include <neurite/ProjectFile.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestDocumentRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void finishedTrainingsAreKeptAndSaved()
    {
        ProjectDocument document;
        const NetworkSpec design = test::chainSpec(784, {test::dense("hidden", 16, "relu"),
                                                         test::dense("out", 10, "softmax")});
        document.newDesign(design);
        QVERIFY(document.runs().empty());
        TrainingPanel panel(&document);
        panel.setDataSetOverride(std::make_shared<const Dataset>(test::syntheticImages(28, 10, 6, 2, 5)));
        panel.resize(1280, 800);
        panel.show();
        QSignalSpy runsChanged(&document, &ProjectDocument::runsChanged);
        TrainingSettings settings;
        settings.batchSize = 30;
        for (int epochs : {2, 3}) {
            settings.epochs = epochs;
            document.setSettings(settings);
            QTest::mouseClick(panel.startButton(), Qt::LeftButton);
            QVERIFY(panel.controller()->waitUntilIdle(60000));
            QTRY_COMPARE(document.runs().size(), std::size_t(epochs - 1));
            const RunRecord& run = document.runs().back();
            QCOMPARE(run.name, "run " + std::to_string(epochs - 1));
            QCOMPARE(run.settings.epochs, epochs);
            QCOMPARE(run.history.epochs.size(), std::size_t(epochs));
            QVERIFY(run.design == design);
            QCOMPARE(double(run.test.accuracy), panel.testAccuracy());
            QVERIFY(run.weights && *run.weights == *document.trainedWeights());
        }
        QCOMPARE(runsChanged.count(), 2);
        QVERIFY(document.isModified());

        QTemporaryDir dir;
        const QString path = dir.filePath("runs.neurite");
        document.save(path);
        const Project saved = loadProject(path.toStdString());
        QCOMPARE(saved.runs.size(), std::size_t(2));
        QCOMPARE(saved.runs[1].history.epochs.size(), std::size_t(3));
        ProjectDocument reopened;
        reopened.loadProject(saved, path);
        QCOMPARE(reopened.runs().size(), std::size_t(2));
        QCOMPARE(reopened.runs()[0].test.accuracy, document.runs()[0].test.accuracy);
        // A new design starts a project without runs.
        reopened.newDesign(design);
        QVERIFY(reopened.runs().empty());
    }
};

QTEST_MAIN(TestDocumentRuns)
#include "tst_documentruns.moc"
