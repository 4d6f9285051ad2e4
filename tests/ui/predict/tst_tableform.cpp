// The Predict tab for table models: the form has a field per input column (spin boxes for numbers, combo
// boxes of categories), replaces the canvas, predicts live as a field changes, and its prediction for a
// row of the file equals the engine's (TableEncoder over the file's cells, then Network::predictOne), for
// iris' classes and for a regressed value. "Show why" puts each column's share beside its field, equal to the
// engine's attributions of its inputs.
#include "TestSupport.h"
#include "charts/ProbabilityChart.h"
#include "predict/DigitCanvas.h"
#include "predict/PredictPanel.h"
#include "predict/ColumnShareBar.h"
#include "predict/SaliencyBar.h"
#include "predict/TableForm.h"

#include <neurite/DesignForData.h>
#include <neurite/Saliency.h>
#include <neurite/TableData.h>
#include <neurite/TableEncoder.h>
#include <neurite/Trainer.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

struct FileRow {
    std::vector<std::string> header;
    std::vector<std::string> cells;
};

// Data row `wanted` (spreadsheet numbering: the first data row is 2) of a table, as text.
FileRow fileRow(const std::string& table, std::size_t wanted)
{
    FileRow out;
    readTableRows(
        table, [&](const std::vector<std::string>& header, char) { out.header = header; },
        [&](std::size_t row, const std::vector<std::string_view>& cells) {
            if (row == wanted)
                out.cells.assign(cells.begin(), cells.end());
        });
    return out;
}

std::map<std::string, std::string> named(const FileRow& row)
{
    std::map<std::string, std::string> cells;
    for (std::size_t i = 0; i < row.header.size(); ++i)
        cells[row.header[i]] = row.cells[i];
    return cells;
}

// The engine's own encoding of a file row: a TableEncoder bound to the file's header.
std::vector<float> engineEncoding(const DataSchema& schema, const FileRow& row)
{
    TableEncoder encoder(schema);
    encoder.bindHeader(row.header, "test");
    std::vector<std::string_view> cells(row.cells.begin(), row.cells.end());
    std::vector<float> input(std::size_t(encoder.width()));
    encoder.encodeRow(cells, 2, input.data());
    return input;
}

// The engine's own prediction for a file row.
std::vector<float> enginePrediction(Network& network, const DataSchema& schema, const FileRow& row)
{
    const std::vector<float> input = engineEncoding(schema, row);
    std::vector<float> output(std::size_t(network.outputSize()));
    network.predictOne(input.data(), output.data());
    return output;
}

std::shared_ptr<Network> trained(const Dataset& data)
{
    auto network = std::make_shared<Network>(designForData(data), 3);
    TrainingSettings settings;
    settings.epochs = 30;
    settings.batchSize = 16;
    settings.optimizer.learningRate = 0.01f;
    train(*network, data, settings);
    return network;
}

} // namespace

class TestTableForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void irisFormPredictsAsTheEngine();
    void aRegressionShowsTheValueInTheTargetsUnits();
    void showWhyPutsEachColumnsShareBesideItsField();
    void aRegressionsSharesAreInTheTargetsUnits();
};

void TestTableForm::irisFormPredictsAsTheEngine()
{
    const Dataset data = loadTable("iris", DataOptions{});
    std::shared_ptr<Network> network = trained(data);
    PredictPanel panel;
    panel.setSchema(data.schema);
    panel.setModel(network, "iris", std::nan(""), {"setosa", "versicolor", "virginica"});
    QVERIFY(panel.showsTableForm());
    TableForm* form = panel.tableForm();
    QVERIFY(form->numberField("petal_length"));
    QVERIFY(!form->categoryField("species")); // the target is not asked for
    // Prefilled with the training medians: a prediction is there at once.
    QCOMPARE(form->numberField("petal_length")->value(), data.schema.columns[2].fill);
    QCOMPARE(int(panel.currentProbabilities().size()), 3);

    // Row 120 of the file (a virginica), typed into the form, predicts what the engine predicts for it.
    const FileRow row = fileRow("iris", 120);
    QCOMPARE(row.cells.back(), std::string("virginica"));
    form->setRow(named(row));
    const std::vector<float> expected = enginePrediction(*network, data.schema, row);
    const std::vector<float> shown = panel.currentProbabilities();
    QCOMPARE(shown.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(shown[i] - expected[i]) < 1e-6f, qPrintable(QString::number(i)));

    // A short petal makes it a setosa: the prediction follows the field.
    QSignalSpy updated(&panel, &PredictPanel::predictionUpdated);
    form->numberField("petal_length")->setValue(1.2);
    form->numberField("petal_width")->setValue(0.2);
    QVERIFY(updated.count() >= 2);
    QVERIFY(panel.currentProbabilities() != shown);
    QCOMPARE(panel.predictedClass(), 0);
    QVERIFY(!panel.canvas()->isVisibleTo(&panel));
}

void TestTableForm::aRegressionShowsTheValueInTheTargetsUnits()
{
    DataOptions options;
    options.target = "petal_width"; // numbers: a regression, species becomes a categorical input
    const Dataset data = loadTable("iris", options);
    QCOMPARE(data.task(), TaskKind::Regression);
    std::shared_ptr<Network> network = trained(data);
    PredictPanel panel;
    panel.setSchema(data.schema);
    panel.setModel(network, "iris petal width", std::nan(""), {});
    TableForm* form = panel.tableForm();
    QComboBox* species = form->categoryField("species");
    QVERIFY(species);
    QCOMPARE(species->count(), 3);

    const FileRow row = fileRow("iris", 10);
    form->setRow(named(row));
    const std::vector<float> output = enginePrediction(*network, data.schema, row);
    const double expected = TableEncoder(data.schema).targetValue(output[0]);
    QVERIFY2(std::abs(panel.predictedValue() - expected) < 1e-9, qPrintable(QString::number(panel.predictedValue())));
    QVERIFY(panel.chart()->isHidden());

    const double before = panel.predictedValue();
    species->setCurrentIndex(species->findText("virginica"));
    QVERIFY(panel.predictedValue() != before);
}

// Iris's four numbers: each column's bar shows the engine's attribution of its one input, for the answer and,
// after a click in the chart, for another class; hiding the overlay hides the bars.
void TestTableForm::showWhyPutsEachColumnsShareBesideItsField()
{
    const Dataset data = loadTable("iris", DataOptions{});
    std::shared_ptr<Network> network = trained(data);
    PredictPanel panel;
    panel.setSchema(data.schema);
    panel.setModel(network, "iris", std::nan(""), {"setosa", "versicolor", "virginica"});
    TableForm* form = panel.tableForm();
    const FileRow row = fileRow("iris", 120);
    form->setRow(named(row));
    panel.saliencyBar()->setOverlayShown(true);
    panel.updateSaliency();
    const std::vector<std::string> columns = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
    for (int explained : {panel.predictedClass(), 0}) {
        if (explained != panel.predictedClass())
            panel.explainClass(explained);
        QCOMPARE(panel.explainedClass(), explained);
        // The reference: the explainer on the engine's encoding of the file row (one input per column).
        const std::vector<float> input = engineEncoding(data.schema, row);
        SaliencyExplainer explainer;
        const std::vector<float> expected = explainer.explain(*network, input.data(), explained).values;
        QCOMPARE(expected.size(), columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            ColumnShareBar* bar = form->shareBar(QString::fromStdString(columns[i]));
            QVERIFY(bar && bar->isVisibleTo(form));
            QVERIFY2(std::abs(bar->share() - expected[i]) < 1e-5f, columns[i].c_str());
        }
    }
    panel.saliencyBar()->setOverlayShown(false);
    panel.updateSaliency();
    QVERIFY(!form->shareBar("petal_length")->isVisibleTo(form));
}

// Predicting petal width: species is a one-hot block of three inputs, its share their sum; shares are in
// centimetres (the network's standardised output times the target's deviation).
void TestTableForm::aRegressionsSharesAreInTheTargetsUnits()
{
    DataOptions options;
    options.target = "petal_width";
    const Dataset data = loadTable("iris", options);
    std::shared_ptr<Network> network = trained(data);
    PredictPanel panel;
    panel.setSchema(data.schema);
    panel.setModel(network, "iris petal width", std::nan(""), {});
    TableForm* form = panel.tableForm();
    form->setRow(named(fileRow("iris", 130)));
    panel.saliencyBar()->setOverlayShown(true);
    panel.updateSaliency();
    const std::vector<float> input = form->encodedRow();
    QCOMPARE(input.size(), std::size_t(6)); // sepal length, sepal width, petal length, species x 3
    SaliencyExplainer explainer;
    const std::vector<float> a = explainer.explain(*network, input.data(), 0).values;
    const double deviation = data.schema.targetDeviation;
    QVERIFY(deviation != 1.0);
    QVERIFY(std::abs(form->shareBar("petal_length")->share() - a[2] * deviation) < 1e-5);
    QVERIFY(std::abs(form->shareBar("species")->share() - (double(a[3]) + a[4] + a[5]) * deviation) < 1e-5);
}

QTEST_MAIN(TestTableForm)
#include "tst_tableform.moc"
