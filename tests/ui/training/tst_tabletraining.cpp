// The Train tab on tables: iris through the data chooser shows its columns, roles and statistics, another
// target loads it again as a regression, a fitting MLP trains to >= 90% test accuracy, a regression table
// (y = 3a - 2b + noise, written here) shows R² and the predicted-vs-true plot, a design that does not fit is
// adapted in one undoable step, and the table settings survive saving the project.
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "results/RegressionResultsView.h"
#include "results/MisclassifiedGallery.h"
#include "results/TrainingResultsView.h"
#include "training/DataSetPreview.h"
#include "training/DesignFitBar.h"
#include "training/TablePreview.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"
#include "charts/AccuracyChart.h"

#include <neurite/ProjectFile.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace neurite;
using namespace neurite::ui;

namespace {

NetworkSpec irisMlp()
{
    return test::chainSpec(4, {test::dense("hidden", 16, "relu"), test::dense("out", 3, "softmax")});
}

// 400 rows of y = 3a - 2b + N(0, 0.1), a and b uniform in [-2, 2]; seeded.
void writeRegressionCsv(const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(-2.0, 2.0);
    std::normal_distribution<double> noise(0.0, 0.1);
    QByteArray text = "a,b,y\n";
    for (int i = 0; i < 400; ++i) {
        const double a = x(random), b = x(random);
        text += QByteArray::number(a, 'g', 9) + ',' + QByteArray::number(b, 'g', 9) + ',' +
                QByteArray::number(3 * a - 2 * b + noise(random), 'g', 9) + '\n';
    }
    file.write(text);
}

} // namespace

class TestTableTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void irisShowsItsColumnsRolesAndStatistics();
    void anotherTargetLoadsTheTableAgain();
    void irisTrainsToNinetyPercent();
    void aRegressionTableShowsR2AndTheScatterPlot();
    void adaptingMakesAMismatchedDesignFit();
    void tableSettingsAreSavedInTheProject();

private:
    // Chooses `dataSet` in the form and waits for its table preview.
    const TableReport& choose(const QString& dataSet);
    void train(const NetworkSpec& spec, int epochs);

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

void TestTableTraining::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_document->setDataFitChecked(true);
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
}

void TestTableTraining::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

const TableReport& TestTableTraining::choose(const QString& dataSet)
{
    TablePreview* preview = m_panel->dataSetPreview()->tablePreview();
    const TableReportHandle before = preview->report();
    m_panel->settingsForm()->chooseDataSet(dataSet);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(preview->report() && preview->report() != before, 20000); }();
    return *preview->report();
}

void TestTableTraining::train(const NetworkSpec& spec, int epochs)
{
    m_document->newDesign(spec);
    TrainingSettings settings = m_document->settings();
    settings.epochs = epochs;
    settings.batchSize = 16;
    settings.optimizer.learningRate = 0.01f;
    m_document->setSettings(settings);
    QVERIFY(m_panel->startButton()->isEnabled());
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome().has_value(), 120000);
    QVERIFY(m_panel->controller()->waitUntilIdle(10000));
}

void TestTableTraining::irisShowsItsColumnsRolesAndStatistics()
{
    const TableReport& report = choose(QStringLiteral("iris"));
    TablePreview* preview = m_panel->dataSetPreview()->tablePreview();
    QVERIFY(!preview->isHidden());
    QTableWidget* columns = preview->columnsTable();
    QCOMPARE(columns->rowCount(), 5);
    QCOMPARE(columns->item(0, TablePreview::NameColumn)->text(), QString("sepal_length"));
    QCOMPARE(preview->roleBox("sepal_length")->currentData().toString(), QString("numeric"));
    QCOMPARE(preview->roleBox("species")->currentData().toString(), QString("target-classes"));
    // Fisher's iris: sepal lengths from 4.3 to 7.9 cm, no missing cell, three species of 50 flowers.
    QCOMPARE(columns->item(0, TablePreview::MinColumn)->text(), QString("4.3"));
    QCOMPARE(columns->item(0, TablePreview::MaxColumn)->text(), QString("7.9"));
    QCOMPARE(columns->item(0, TablePreview::MissingColumn)->text(), QString("0"));
    QVERIFY(!columns->item(0, TablePreview::HistogramColumn)->data(Qt::DecorationRole).value<QPixmap>().isNull());
    QCOMPARE(report.classCounts, (std::vector<std::size_t>{50, 50, 50}));
    QVERIFY2(preview->targetText().contains("Class balance"), qPrintable(preview->targetText()));
    QCOMPARE(preview->rowsView()->model()->rowCount(), int(report.firstRows.size()));
    QCOMPARE(preview->rowsView()->model()->index(0, 0).data().toString(), QString("5.1"));
    QVERIFY(!m_panel->settingsForm()->testSplitBox()->isHidden());
    // The wheel over a role box the user has not clicked into scrolls the sidebar: the role stays.
    QSignalSpy edited(preview, &TablePreview::tableSettingsEdited);
    QWheelEvent wheel(QPointF(5, 5), QPointF(5, 5), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(preview->roleBox("sepal_length"), &wheel);
    QCOMPARE(preview->roleBox("sepal_length")->currentData().toString(), QString("numeric"));
    QCOMPARE(edited.count(), 0);
}

void TestTableTraining::anotherTargetLoadsTheTableAgain()
{
    choose(QStringLiteral("iris"));
    TablePreview* preview = m_panel->dataSetPreview()->tablePreview();
    const TableReportHandle before = preview->report();
    QComboBox* box = preview->roleBox("petal_width");
    box->setCurrentIndex(box->findData(QStringLiteral("target")));
    Q_EMIT box->activated(box->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(preview->report() != before, 20000);
    QCOMPARE(preview->report()->target, std::string("petal_width"));
    QCOMPARE(preview->report()->task, TaskKind::Regression);
    QCOMPARE(m_document->settings().table.target, std::string("petal_width"));
    // species is now an input: one-hot over its three categories, 3 numbers + 3 values.
    QCOMPARE(preview->report()->encodedWidth, 6);
    QCOMPARE(preview->roleBox("species")->currentData().toString(), QString("categorical"));
    QVERIFY2(preview->targetText().contains("histogram"), qPrintable(preview->targetText()));
}

void TestTableTraining::irisTrainsToNinetyPercent()
{
    choose(QStringLiteral("iris"));
    train(irisMlp(), 60);
    QCOMPARE(m_panel->lastOutcome()->outcome, TrainingResult::Outcome::Completed);
    qInfo("iris test accuracy in the GUI: %.4f", m_panel->testAccuracy());
    QVERIFY2(m_panel->testAccuracy() >= 0.9, qPrintable(QString::number(m_panel->testAccuracy())));
    TrainingResultsView* results = m_panel->results();
    QVERIFY(!results->showsRegression());
    QVERIFY(results->gallery()->isHidden()); // no images in a table
    QVERIFY(!m_panel->accuracyChart()->isHidden());
    QCOMPARE(m_document->dataSchema()->kind, DataSchema::Kind::Table);
    QVERIFY2(m_panel->statusText().contains("Test accuracy"), qPrintable(m_panel->statusText()));
}

void TestTableTraining::aRegressionTableShowsR2AndTheScatterPlot()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath("linear.csv");
    writeRegressionCsv(path);
    const TableReport& report = choose(path);
    QCOMPARE(report.task, TaskKind::Regression);
    QCOMPARE(report.target, std::string("y"));
    train(test::chainSpec(2, {test::dense("hidden", 16, "relu"), test::dense("out", 1, "linear")}, "mse"), 60);
    const TestEvaluation& test = m_panel->lastOutcome()->test;
    QVERIFY(test.valid && test.regression);
    TrainingResultsView* results = m_panel->results();
    QVERIFY(results->showsRegression());
    QVERIFY(m_panel->accuracyChart()->isHidden()); // a regression has no accuracy
    RegressionResultsView* view = results->regression();
    QVERIFY2(view->metricsText().contains("R²"), qPrintable(view->metricsText()));
    // The scatter plot's points are (true, predicted) of every test row; R² from them, computed here, is
    // the one shown, and a linear target is learnt well.
    const QList<QPointF> points = view->predictionSeries()->points();
    QCOMPARE(points.size(), int(report.testRows));
    double mean = 0;
    for (const QPointF& p : points)
        mean += p.x() / double(points.size());
    double residual = 0, total = 0;
    for (const QPointF& p : points) {
        residual += (p.y() - p.x()) * (p.y() - p.x());
        total += (p.x() - mean) * (p.x() - mean);
    }
    const double r2 = 1.0 - residual / total;
    QVERIFY(std::abs(r2 - test.regressionResult.metrics.r2) < 1e-6);
    qInfo("y = 3a - 2b + noise: test R2 %.4f", r2);
    QVERIFY2(r2 > 0.95, qPrintable(QString::number(r2)));
    QVERIFY(view->metricsText().contains(QString::number(test.regressionResult.metrics.r2, 'f', 4)));
    QCOMPARE(view->identityLine()->count(), 2);
    QCOMPARE(view->identityLine()->at(0).x(), view->identityLine()->at(0).y());
    QCOMPARE(view->residualSeries()->count(), points.size());
    QVERIFY2(m_panel->statusText().contains("Test R²"), qPrintable(m_panel->statusText()));
}

void TestTableTraining::adaptingMakesAMismatchedDesignFit()
{
    m_document->newDesign(test::chainSpec(784, {test::dense("hidden", 16, "relu"), test::dense("out", 10, "softmax")}));
    choose(QStringLiteral("iris"));
    DesignFitBar* bar = m_panel->designFitBar();
    QTRY_VERIFY(!bar->isHidden());
    QVERIFY2(bar->problemsText().contains("iris"), qPrintable(bar->problemsText()));
    QVERIFY(!m_document->validation().ok()); // the Problems list says the same
    QVERIFY(!m_panel->startButton()->isEnabled());
    QTest::mouseClick(bar->adaptButton(), Qt::LeftButton);
    QVERIFY(bar->isHidden());
    QVERIFY(m_document->validation().ok());
    QCOMPARE(m_document->spec().find("out")->number("units", 0), 3.0);
    QCOMPARE(m_document->spec().find("input")->number("channels", 0) *
                 m_document->spec().find("input")->number("height", 0) *
                 m_document->spec().find("input")->number("width", 0),
             4.0);
    // One step of the undo stack takes it all back.
    m_document->undoStack()->undo();
    QCOMPARE(m_document->spec().find("out")->number("units", 0), 10.0);
    QVERIFY(!bar->isHidden());
}

void TestTableTraining::tableSettingsAreSavedInTheProject()
{
    QVERIFY(m_dir.isValid());
    const QString csv = m_dir.filePath("saved.csv");
    writeRegressionCsv(csv);
    choose(csv);
    TablePreview* preview = m_panel->dataSetPreview()->tablePreview();
    const TableReportHandle before = preview->report();
    QComboBox* box = preview->roleBox("b");
    box->setCurrentIndex(box->findData(QStringLiteral("ignored")));
    Q_EMIT box->activated(box->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(preview->report() != before, 20000);
    QCOMPARE(preview->report()->encodedWidth, 1);
    m_document->newDesign(irisMlp());
    const QString path = m_dir.filePath("table.neurite");
    m_document->save(path);
    const Project project = loadProject(path.toStdString());
    QCOMPARE(project.settings.dataSet, csv.toStdString());
    QCOMPARE(project.settings.table.target, std::string("y"));
    QCOMPARE(project.settings.table.columnRoles.at("b"), ColumnRole::Ignored);
    QCOMPARE(project.settings.table.testSplit, m_document->settings().table.testSplit);
    // Reopened, the form and the preview use them again.
    ProjectDocument reopened;
    TrainingPanel panel(&reopened);
    reopened.loadProject(project, path);
    QCOMPARE(panel.settingsForm()->settings().table, project.settings.table);
}

QTEST_MAIN(TestTableTraining)
#include "tst_tabletraining.moc"
