// A design that does not fit the chosen data set is not "ready to train": the Problems list says what to
// change, the status bar counts it, Train stays disabled and a refused start is not logged as a run.
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "editor/GraphCommands.h"
#include "editor/ProblemsPanel.h"
#include "SyntheticImages.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "Workspace.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTreeWidget>
#include <QHeaderView>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

QStringList problemTexts(ProblemsPanel* problems)
{
    QStringList texts;
    for (int i = 0; i < problems->list()->topLevelItemCount(); ++i)
        texts << problems->list()->topLevelItem(i)->text(1);
    return texts;
}

QString validationLabelText(MainWindow& window)
{
    QStringList texts;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        texts << label->text();
    return texts.join('\n');
}

} // namespace

class TestDesignDataFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void anInputOfThreeChannelsIsAProblemOnMnist();
    void tooFewUnitsBeforeTheOutputIsAProblem();
    void aFolderIsJudgedOnceLoaded();
    void aLongProblemCanBeReadWhole();

private:
    QTemporaryDir m_dir;
};

void TestDesignDataFit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserState(m_dir);
}

void TestDesignDataFit::anInputOfThreeChannelsIsAProblemOnMnist()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    auto* training = window.findChild<TrainingPanel*>();
    ProblemsPanel* problems = window.designEditor()->problems();
    ProjectDocument* document = window.document();
    NetworkSpec spec = *preset("mlp");
    const std::string input = spec.layers.front().id;
    spec.layers.front().options["channels"] = 3.0;
    document->newDesign(spec);
    QCOMPARE(document->settings().dataSet, std::string("mnist-10k"));
    const QString expected = QString("Input '%1' is 3x28x28 but mnist-10k has 1x28x28 images: set Channels to 1")
                                 .arg(QString::fromStdString(input));
    QVERIFY2(problemTexts(problems).contains(expected), qPrintable(problemTexts(problems).join('\n')));
    QVERIFY(!document->canTrain());
    QVERIFY(!training->startButton()->isEnabled());
    QVERIFY2(!validationLabelText(window).contains("Ready to train"), qPrintable(validationLabelText(window)));
    training->start(); // refused: not a run
    QVERIFY(!training->isTraining());
    QVERIFY2(!training->logText().contains("Run 1"), qPrintable(training->logText()));

    QVERIFY(document->execute(new SetOptionCommand(document->model(), QString::fromStdString(input), "channels", 1.0)));
    QVERIFY(document->canTrain());
    QVERIFY(training->startButton()->isEnabled());
    QVERIFY(validationLabelText(window).contains("Ready to train"));
    document->setModified(false);
}

void TestDesignDataFit::tooFewUnitsBeforeTheOutputIsAProblem()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    ProjectDocument* document = window.document();
    NetworkSpec spec = *preset("mlp");
    spec.find("dense3")->options["units"] = 4.0;
    document->newDesign(spec);
    const QStringList texts = problemTexts(window.designEditor()->problems());
    QVERIFY2(texts.contains("The Output receives 4 values from 'dense3' but mnist-10k has 10 classes: "
                            "set Units of 'dense3' to 10"),
             qPrintable(texts.join('\n')));
    QVERIFY(!document->canTrain());
    document->setModified(false);
}

void TestDesignDataFit::aFolderIsJudgedOnceLoaded()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    ProjectDocument* document = window.document();
    NetworkSpec spec = *preset("mlp");
    spec.layers.front().options["channels"] = 3.0;
    document->newDesign(spec);
    QVERIFY(!document->canTrain());
    TrainingSettings settings = document->settings();
    settings.dataSet = m_dir.filePath("some-folder").toStdString();
    document->setSettings(settings); // a folder's images are known only once loaded
    QVERIFY(document->canTrain());
    // The Train tab's preview loads it: from then on the design is checked against its 8 x 8 images.
    auto* training = window.findChild<TrainingPanel*>();
    Q_EMIT training->controller()->dataSetLoaded(QString::fromStdString(settings.dataSet),
                                                 std::make_shared<const Dataset>(test::syntheticImages(8, 4, 5, 2, 1)));
    QVERIFY(!document->canTrain());
    const QStringList texts = problemTexts(window.designEditor()->problems());
    QVERIFY2(texts.join('\n').contains("has 1x8x8 images: set Channels to 1, Height to 8 and Width to 8"),
             qPrintable(texts.join('\n')));
    document->setModified(false);
}

// The messages say what to change, so they are long: the tooltip holds the whole text as rich text, which
// Qt wraps (a plain tooltip is one line, cut at the screen's edge), and the row itself wraps.
void TestDesignDataFit::aLongProblemCanBeReadWhole()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    NetworkSpec spec = *preset("mlp");
    spec.find("dense3")->options["units"] = 4.0;
    window.document()->newDesign(spec);
    QTreeWidget* list = window.designEditor()->problems()->list();
    QTreeWidgetItem* row = list->topLevelItem(0);
    const QString message = row->text(1);
    QVERIFY(message.size() > 80);
    for (int column : {0, 1}) {
        const QString tip = row->toolTip(column);
        QVERIFY2(Qt::mightBeRichText(tip), qPrintable(tip));
        QVERIFY2(tip.contains(message.toHtmlEscaped()), qPrintable(tip));
    }
    // In a narrow Problems list the row grows to show the message on several lines.
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int width = list->header()->sectionSize(1);
    QVERIFY2(width < list->fontMetrics().horizontalAdvance(message), qPrintable(QString::number(width)));
    QTRY_VERIFY2(list->visualItemRect(row).height() >= 2 * list->fontMetrics().height(),
                 qPrintable(QString("row %1 px high").arg(list->visualItemRect(row).height())));
    window.document()->setModified(false);
}

QTEST_MAIN(TestDesignDataFit)
#include "tst_designdatafit.moc"
