// The epoch log keeps following new lines across tab switches (lines that came while another tab was on
// top included) and stops following only when the user scrolls up, until they scroll back to the end.
#include "document/ProjectDocument.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/EpochLog.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// The last line lies inside the viewport (read from the QPlainTextEdit the log is).
bool lastLineVisible(const QPlainTextEdit* log)
{
    const QRect viewport = log->viewport()->rect();
    const QTextCursor end(log->document()->lastBlock());
    const QRect line = log->cursorRect(end);
    return viewport.contains(line.topLeft()) && viewport.contains(line.bottomLeft());
}

QString lastLine(const QPlainTextEdit* log)
{
    return log->document()->lastBlock().text();
}

void appendEpochs(EpochLog* log, int from, int to)
{
    for (int e = from; e <= to; ++e)
        log->appendLine(QStringLiteral("Epoch %1/300  loss 0.1234  acc 96.00%").arg(e));
}

// A log on the first tab of a shown tab widget, a second tab to switch to.
struct Tabs {
    QTabWidget tabs;
    EpochLog* log = new EpochLog;
    Tabs()
    {
        tabs.addTab(log, QStringLiteral("Live"));
        tabs.addTab(new QWidget, QStringLiteral("Results"));
        tabs.resize(600, 300);
        tabs.show();
    }
};

} // namespace

class TestEpochLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsAcrossATabSwitch()
    {
        Tabs t;
        QVERIFY(QTest::qWaitForWindowExposed(&t.tabs));
        appendEpochs(t.log, 1, 120);
        // A click in the log (to read or copy a line) puts the text cursor there.
        QTest::mouseClick(t.log->viewport(), Qt::LeftButton, {}, t.log->viewport()->rect().center());
        appendEpochs(t.log, 121, 127);
        QVERIFY(lastLineVisible(t.log));
        t.tabs.setCurrentIndex(1);
        appendEpochs(t.log, 128, 188);
        t.tabs.setCurrentIndex(0);
        QCOMPARE(lastLine(t.log), QStringLiteral("Epoch 188/300  loss 0.1234  acc 96.00%"));
        QVERIFY(lastLineVisible(t.log));
        QCOMPARE(t.log->verticalScrollBar()->value(), t.log->verticalScrollBar()->maximum());
        appendEpochs(t.log, 189, 200); // and goes on following once back
        QVERIFY(lastLineVisible(t.log));
        QVERIFY(t.log->showsLastLine());
    }

    void aUserWhoScrolledUpKeepsTheirPlace()
    {
        Tabs t;
        QVERIFY(QTest::qWaitForWindowExposed(&t.tabs));
        appendEpochs(t.log, 1, 100);
        QScrollBar* bar = t.log->verticalScrollBar();
        bar->triggerAction(QAbstractSlider::SliderPageStepSub); // as a click above the handle does
        QVERIFY(!t.log->isFollowing());
        const int reading = bar->value();
        appendEpochs(t.log, 101, 120);
        t.tabs.setCurrentIndex(1);
        appendEpochs(t.log, 121, 130);
        t.tabs.setCurrentIndex(0);
        QCOMPARE(bar->value(), reading);
        QVERIFY(!lastLineVisible(t.log));
        // Back at the end (the handle dragged down), the log follows again.
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QVERIFY(t.log->isFollowing());
        appendEpochs(t.log, 131, 140);
        QVERIFY(lastLineVisible(t.log));
    }

    void followsWhileHiddenAndResized()
    {
        Tabs t;
        QVERIFY(QTest::qWaitForWindowExposed(&t.tabs));
        appendEpochs(t.log, 1, 60);
        t.tabs.setCurrentIndex(1);
        t.tabs.resize(600, 180);
        appendEpochs(t.log, 61, 90);
        t.tabs.resize(700, 420);
        t.tabs.setCurrentIndex(0);
        QVERIFY(lastLineVisible(t.log));
    }

    // The Train tab itself: a run whose epochs arrive while its Results tab is on top.
    void trainTabLogFollowsARunWatchedFromAnotherTab()
    {
        ProjectDocument document;
        document.newDesign(
            test::chainSpec(784, {test::dense("hidden", 16, "relu"), test::dense("out", 10, "softmax")}));
        TrainingPanel panel(&document);
        panel.setDataSetOverride(std::make_shared<const Dataset>(test::syntheticImages(28, 10, 6, 2, 5)));
        panel.resize(1280, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* log = panel.findChild<QPlainTextEdit*>();
        auto* tabs = panel.findChild<QTabWidget*>();
        QVERIFY(log && tabs);
        TrainingSettings settings;
        settings.epochs = 40;
        settings.batchSize = 30;
        settings.validationSplit = 0.0f;
        document.setSettings(settings);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(panel.controller()->waitUntilIdle(60000));
        QVERIFY(lastLineVisible(log)); // 40 epoch lines: more than the log shows at once
        QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, log->viewport()->rect().center());

        settings.epochs = 60;
        document.setSettings(settings);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        tabs->setCurrentIndex(1); // the user looks at the previous run's results meanwhile
        QVERIFY(panel.controller()->waitUntilIdle(60000));
        tabs->setCurrentIndex(0);
        QVERIFY2(lastLine(log).contains(QStringLiteral("Test accuracy")), qPrintable(lastLine(log)));
        QVERIFY(lastLineVisible(log));
    }
};

QTEST_MAIN(TestEpochLog)
#include "tst_epochlog.moc"
