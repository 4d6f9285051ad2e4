// What a run's live updates make the window do. Every report changes texts (the speed, the plane's caption);
// a label asks for its layout to be redone on each, the request climbs to the window's tabs, and a tab
// widget that is laid out again repaints all of itself: a fast run did that hundreds of times. The run here
// trains the playground template in the Train tab of tabs like the main window's and counts the layout
// requests the tabs receive; only the run's few changes of state (buttons, the results) may cause them.
#include "document/ProjectDocument.h"
#include "playground/PlanePanel.h"
#include "training/TrainingPanel.h"

#include "BuiltinTemplateByPreset.h"

#include <neurite/BuiltinTemplates.h>

#include <QTabWidget>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Counts the layout requests one widget receives.
class LayoutRequestCounter : public QObject {
public:
    explicit LayoutRequestCounter(QObject* watched) { watched->installEventFilter(this); }
    int count() const { return m_count; }
    void reset() { m_count = 0; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++m_count;
        return false;
    }

private:
    int m_count = 0;
};

} // namespace

class TestLiveRepaints : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRunDoesNotLayTheWindowOutAgainPerReport();
};

void TestLiveRepaints::aRunDoesNotLayTheWindowOutAgainPerReport()
{
    const BuiltinTemplate& preset = test::builtinTemplate("playground");
    QVERIFY(preset.settings);
    ProjectDocument document;
    document.newDesign(preset.design);
    TrainingSettings settings = *preset.settings;
    settings.epochs = 60; // 1,500 batches at the playground's 1,000 a second: some 40 reports and planes
    settings.threads = 1;
    document.setSettings(settings);
    QTabWidget tabs;
    tabs.setDocumentMode(true);
    auto* panel = new TrainingPanel(&document);
    panel->setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; });
    tabs.addTab(panel, QStringLiteral("Train"));
    tabs.resize(1400, 900);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    QTRY_VERIFY_WITH_TIMEOUT(panel->planePanel()->hasData(), 20000);
    QTest::qWait(500); // the resting plane and the first layout settle

    LayoutRequestCounter requests(&tabs);
    const QString firstCaption = panel->planePanel()->captionText();
    panel->start();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isTraining(), 20000);
    QVERIFY(panel->controller()->waitUntilIdle(120000));
    QTest::qWait(200);
    QVERIFY2(panel->planePanel()->captionText() != firstCaption, qPrintable(firstCaption)); // the texts did change
    qInfo("%d layout requests reached the tabs during a run of %d epochs", requests.count(), settings.epochs);
    QVERIFY2(requests.count() < 25, qPrintable(QString::number(requests.count())));
}

QTEST_MAIN(TestLiveRepaints)
#include "tst_liverepaints.moc"
