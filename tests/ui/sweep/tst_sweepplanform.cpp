// The sweep window's experiment form plans what the engine plans (Sweep.h's planSweep) for the same axes,
// search, budget, seed and repeats, counts the runs before they start, offers every training setting and
// every layer option of the design with its current value, and refuses bad values naming the axis.
#include "TestSupport.h"
#include "sweep/SweepKeyChoices.h"
#include "sweep/SweepPlanForm.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include <algorithm>

using namespace neurite;
using namespace neurite::ui;

namespace {

NetworkSpec baseDesign()
{
    return test::chainSpec(8, {test::dense("dense1", 8, "relu"), test::dense("dense2", 3, "softmax")});
}

TrainingSettings baseSettings()
{
    TrainingSettings settings;
    settings.epochs = 3;
    settings.batchSize = 16;
    settings.optimizer.learningRate = 0.002f;
    return settings;
}

Experiment engineExperiment(const std::vector<std::string>& axes)
{
    Experiment experiment;
    experiment.design = baseDesign();
    experiment.settings = baseSettings();
    for (const std::string& axis : axes)
        experiment.axes.push_back(parseSweepAxis(axis));
    return experiment;
}

void compareRuns(const std::vector<PlannedRun>& actual, const std::vector<PlannedRun>& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].name, expected[i].name);
        QVERIFY(actual[i].swept == expected[i].swept);
        QVERIFY(actual[i].settings == expected[i].settings);
        QVERIFY(actual[i].design == expected[i].design);
    }
}

} // namespace

class TestSweepPlanForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gridPlanIsTheEnginesPlan()
    {
        SweepPlanForm form;
        form.setBase(baseDesign(), baseSettings());
        form.setAxis("lr", "0.001, 0.01, 0.1");
        form.setAxis("dense1.units", "4,16");
        form.setAxis("optimizer", "sgd, adam");
        form.setRepeats(2);
        QVERIFY2(form.plan().has_value(), qPrintable(form.problem()));
        Experiment expected = engineExperiment({"lr=0.001,0.01,0.1", "dense1.units=4,16", "optimizer=sgd,adam"});
        expected.repeats = 2;
        compareRuns(*form.plan(), planSweep(expected));
        QCOMPARE(form.plan()->size(), std::size_t(3 * 2 * 2 * 2));
        QCOMPARE(form.summaryLabel()->text(), QStringLiteral("24 runs planned"));
        // The values reached the runs' settings and designs (not only their names).
        const PlannedRun& last = form.plan()->back();
        QCOMPARE(last.settings.optimizer.learningRate, 0.1f);
        QCOMPARE(last.settings.optimizer.kind, std::string("adam"));
        QCOMPARE(last.design.layers[1].number("units", 0), 16.0);
        QCOMPARE(last.settings.seed, baseSettings().seed + 1); // the second repeat
    }

    void randomSearchKeepsItsBudgetAndSeed()
    {
        SweepPlanForm form;
        form.setBase(baseDesign(), baseSettings());
        form.setAxis("lr", "0.001,0.003,0.01,0.03");
        form.setAxis("batch", "8,16,32");
        form.setRandomSearch(true, 5, 7);
        QVERIFY2(form.plan().has_value(), qPrintable(form.problem()));
        Experiment expected = engineExperiment({"lr=0.001,0.003,0.01,0.03", "batch=8,16,32"});
        expected.search = SearchKind::Random;
        expected.budget = 5;
        expected.searchSeed = 7;
        compareRuns(*form.plan(), planSweep(expected));
        QCOMPARE(form.summaryLabel()->text(), QStringLiteral("5 runs planned"));
        const std::vector<PlannedRun> seven = *form.plan();
        form.setRandomSearch(true, 5, 8);
        expected.searchSeed = 8;
        compareRuns(*form.plan(), planSweep(expected));
        QVERIFY(form.plan()->front().name != seven.front().name || form.plan()->back().name != seven.back().name);
        // A range is drawn log-uniformly within its ends, budget runs of it.
        form.setAxis("lr", "1e-4..1e-2");
        QCOMPARE(form.plan()->size(), std::size_t(5));
        for (const PlannedRun& run : *form.plan())
            QVERIFY(run.settings.optimizer.learningRate >= 1e-4f && run.settings.optimizer.learningRate <= 1e-2f);
    }

    void choicesListSettingsAndLayerOptionsWithTheirValues()
    {
        const std::vector<SweepKeyChoice> choices = sweepKeyChoices(baseDesign(), baseSettings());
        const auto find = [&choices](const std::string& key) {
            return std::find_if(choices.begin(), choices.end(),
                                [&key](const SweepKeyChoice& c) { return c.key == key; });
        };
        for (const SweepSettingKey& key : sweepSettingKeys())
            QVERIFY2(find(key.key) != choices.end(), key.key);
        QCOMPARE(find("lr")->current, std::string("0.002"));
        QCOMPARE(find("batch")->current, std::string("16"));
        QCOMPARE(find("dense1.units")->current, std::string("8"));
        QCOMPARE(find("dense2.units")->current, std::string("3"));
        QVERIFY(find("dense1.activation") != choices.end());
        QCOMPARE(find("dense1.activation")->current, std::string("relu"));
        QVERIFY(find("input.channels") == choices.end()); // the input's shape is the data's
        for (const SweepKeyChoice& choice : choices)      // every offered key is one the engine accepts
            if (!choice.current.empty()) {
                NetworkSpec design = baseDesign();
                TrainingSettings settings = baseSettings();
                applySweptValue(choice.key, choice.current, design, settings);
            }
    }

    void addButtonAddsTheChosenKeyWithItsValue()
    {
        SweepPlanForm form;
        form.setBase(baseDesign(), baseSettings());
        QComboBox* keys = form.keyChoice();
        keys->setCurrentIndex(keys->findData(QStringLiteral("dense1.units")));
        QPushButton* add = nullptr;
        for (QPushButton* button : form.findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("Add"))
                add = button;
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(form.axisCount(), 1);
        auto* table = form.findChild<QTableWidget*>();
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("dense1.units"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("8"));
        table->item(0, 1)->setText(QStringLiteral("8, 32")); // as the user edits the cell
        QCOMPARE(form.plan()->size(), std::size_t(2));
        QCOMPARE(form.plan()->back().design.layers[1].number("units", 0), 32.0);
    }

    void badValuesAreRefusedNamingTheAxis()
    {
        SweepPlanForm form;
        form.setBase(baseDesign(), baseSettings());
        QVERIFY(!form.plan());
        QVERIFY(form.problem().contains(QStringLiteral("Add a setting")));
        form.setAxis("dense1.units", "4, many");
        QVERIFY(!form.plan());
        QVERIFY2(form.problem().contains(QStringLiteral("dense1.units")), qPrintable(form.problem()));
        form.setAxis("dense1.units", "4, 8");
        form.setAxis("dense9.units", "4");
        QVERIFY(!form.plan());
        QVERIFY2(form.problem().contains(QStringLiteral("dense9")), qPrintable(form.problem()));
        form.removeAxis(1);
        QVERIFY(form.plan().has_value());
        form.setAxis("lr", "");
        QVERIFY(!form.plan());
    }
};

QTEST_MAIN(TestSweepPlanForm)
#include "tst_sweepplanform.moc"
