// A table row's saliency per column: on a linear model the column's share is its weights times its encoded
// values (a category's one-hot block summed), through a form row the encoder fills in; integrated gradients'
// column shares add up to the score's change from the average row; a wrong count is refused.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/Saliency.h"
#include "neurite/TableSaliency.h"

#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

// age (numeric), colour (red, green, blue: one-hot), height (numeric), and the class: 1 + 3 + 1 = 5 inputs.
DataSchema schemaOfThreeColumns()
{
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    ColumnEncoding age{"age", ColumnRole::Numeric, 40, 10, 40, {}, {}};
    ColumnEncoding colour{"colour", ColumnRole::Categorical, 0, 1, 0, {"red", "green", "blue"}, "red"};
    ColumnEncoding height{"height", ColumnRole::Numeric, 170, 5, 170, {}, {}};
    ColumnEncoding label{"label", ColumnRole::Target, 0, 1, 0, {"no", "yes"}, {}};
    schema.columns = {age, label, colour, height};
    return schema;
}

} // namespace

class TestTableSaliency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearModelColumnsAreWeightsTimesEncodedValues()
    {
        const TableEncoder encoder(schemaOfThreeColumns());
        QCOMPARE(encoder.width(), 5);
        Network network(chainSpec(5, {dense("linear", 2, "softmax")}), 4);
        const Weights weights = network.weights();
        const NamedTensor& w = weights.front().name == "linear.weight" ? weights.front() : weights.back();
        QCOMPARE(w.name, std::string("linear.weight")); // (5, 2) row-major
        // age 55 -> 1.5, green -> (0, 1, 0), height 160 -> -2.
        const std::vector<float> row = encoder.encodeNamed({{"age", "55"}, {"colour", "green"}, {"height", "160"}});
        QCOMPARE(row, (std::vector<float>{1.5f, 0, 1, 0, -2}));
        SaliencyExplainer explainer;
        for (int k = 0; k < 2; ++k) {
            const Attribution& a = explainer.explain(network, row.data(), k);
            const std::vector<ColumnAttribution> columns = columnSaliency(a.values, encoder);
            QCOMPARE(columns.size(), std::size_t(3));
            QCOMPARE(columns[0].column, std::string("age"));
            QCOMPARE(columns[1].column, std::string("colour"));
            QCOMPARE(columns[2].column, std::string("height"));
            const auto weight = [&](int input) { return double(w.values[std::size_t(input * 2 + k)]); };
            QCOMPARE(columns[0].value, float(1.5 * weight(0)));
            QCOMPARE(columns[1].value, float(weight(2))); // only green's input is 1
            QCOMPARE(columns[2].value, float(-2.0 * weight(4)));
        }
    }

    void integratedGradientsColumnsAddUpToTheScoreChange()
    {
        const TableEncoder encoder(schemaOfThreeColumns());
        Network network(chainSpec(5, {dense("hidden", 8, "tanh"), dense("out", 2, "softmax")}), 6);
        const std::vector<float> row = encoder.encodeNamed({{"age", "23"}, {"colour", "blue"}, {"height", "181"}});
        SaliencyExplainer explainer({SaliencyMethod::IntegratedGradients, 64});
        const Attribution& a = explainer.explain(network, row.data(), 1);
        double sum = 0;
        for (const ColumnAttribution& column : columnSaliency(a.values, encoder))
            sum += column.value;
        const double change = double(a.score) - double(a.baselineScore);
        QVERIFY2(std::fabs(sum - change) <= 2e-3 * std::max(1.0, std::fabs(change)),
                 qPrintable(QString("columns add up to %1, the score changed by %2").arg(sum).arg(change)));
    }

    void wrongCountIsRefused()
    {
        const TableEncoder encoder(schemaOfThreeColumns());
        QVERIFY_THROWS_EXCEPTION(NeuriteError, columnSaliency(std::vector<float>(4, 0.0f), encoder));
    }
};

QTEST_GUILESS_MAIN(TestTableSaliency)
#include "tst_tablesaliency.moc"
