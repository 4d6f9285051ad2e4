// The Runs list's table: one row per run of the document with its figures as the user reads them, sorting
// that treats numbers as numbers (missing results lowest), filtering by words and by star, and rows that
// follow the document's runs as they come, change and go.
#include "SampleRuns.h"
#include "document/ProjectDocument.h"
#include "runs/RunsFilterModel.h"
#include "runs/RunsTableModel.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// The runs' names in the filter model's row order.
QStringList namesInOrder(const RunsFilterModel& filter)
{
    QStringList names;
    for (int row = 0; row < filter.rowCount(); ++row)
        names << filter.index(row, RunsTableModel::Name).data(Qt::EditRole).toString();
    return names;
}

} // namespace

class TestRunsTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsShowTheRunsFigures()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsTableModel model(&document);
        QCOMPARE(model.rowCount(), 4);
        const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, RunsTableModel::Star), QStringLiteral("☆"));
        QCOMPARE(cell(2, RunsTableModel::Star), QStringLiteral("★"));
        QCOMPARE(cell(1, RunsTableModel::Name), QStringLiteral("lr=0.01 batch=128 ✎")); // the mark of a note
        QCOMPARE(cell(0, RunsTableModel::Optimizer), QStringLiteral("adam"));
        QCOMPARE(cell(2, RunsTableModel::LearningRate), QStringLiteral("3e-05"));
        QCOMPARE(cell(1, RunsTableModel::Batch), QStringLiteral("128"));
        QCOMPARE(cell(0, RunsTableModel::Epochs), QStringLiteral("3"));
        QCOMPARE(cell(1, RunsTableModel::Epochs), QStringLiteral("2 of 5"));
        QCOMPARE(cell(1, RunsTableModel::Swept), QStringLiteral("lr=0.01 · batch=128"));
        QCOMPARE(cell(0, RunsTableModel::Swept), QString());
        QCOMPARE(cell(0, RunsTableModel::BestValidation), QStringLiteral("91.00%"));
        QCOMPARE(cell(2, RunsTableModel::Test), QStringLiteral("95.50%"));
        QCOMPARE(cell(3, RunsTableModel::Test), QStringLiteral("—"));
        QCOMPARE(cell(0, RunsTableModel::Duration), QStringLiteral("12.5 s"));
        QCOMPARE(cell(1, RunsTableModel::Duration), QStringLiteral("1 min 15 s"));
        QCOMPARE(cell(2, RunsTableModel::Duration), QStringLiteral("1 h 01 min"));
        QCOMPARE(cell(1, RunsTableModel::Outcome), QStringLiteral("stopped"));
        QCOMPARE(cell(3, RunsTableModel::Outcome), QStringLiteral("diverged"));
        QCOMPARE(cell(0, RunsTableModel::Weights), QStringLiteral("kept"));
        QCOMPARE(cell(2, RunsTableModel::Weights), QStringLiteral("—"));
        const QString date = cell(0, RunsTableModel::Date);
        QCOMPARE(date, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC).toLocalTime().toString("yyyy-MM-dd HH:mm"));
    }

    void numericColumnsSortAsNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        // As text, "128" < "32" < "64" < "8", "3e-05" > "0.1" and "1 h 01 min" < "12.5 s" < "2.0 s".
        QTest::newRow("batch") << int(RunsTableModel::Batch)
                               << QStringList{"run 3", "run 1", "run 4", "lr=0.01 batch=128"};
        QTest::newRow("lr") << int(RunsTableModel::LearningRate)
                            << QStringList{"run 3", "run 1", "lr=0.01 batch=128", "run 4"};
        QTest::newRow("duration") << int(RunsTableModel::Duration)
                                  << QStringList{"run 4", "run 1", "lr=0.01 batch=128", "run 3"};
        // The untested run below every tested one.
        QTest::newRow("test") << int(RunsTableModel::Test)
                              << QStringList{"run 4", "lr=0.01 batch=128", "run 1", "run 3"};
        QTest::newRow("epochs") << int(RunsTableModel::Epochs)
                                << QStringList{"run 4", "lr=0.01 batch=128", "run 3", "run 1"};
        QTest::newRow("date") << int(RunsTableModel::Date)
                              << QStringList{"run 1", "lr=0.01 batch=128", "run 3", "run 4"};
    }

    void numericColumnsSortAsNumbers()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsTableModel model(&document);
        RunsFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(column, Qt::AscendingOrder);
        QCOMPARE(namesInOrder(filter), ascending);
        filter.sort(column, Qt::DescendingOrder);
        std::reverse(ascending.begin(), ascending.end());
        if (column != RunsTableModel::Epochs) // epochs: two runs trained 2, a stable sort keeps their order
            QCOMPARE(namesInOrder(filter), ascending);
    }

    void filterMatchesEveryWordAndTheStar_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("starredOnly");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("everything") << QString() << false
                                    << QStringList{"run 1", "lr=0.01 batch=128", "run 3", "run 4"};
        QTest::newRow("optimiser") << "ADAM" << false << QStringList{"run 1", "run 3"};
        QTest::newRow("two words") << "adam 3e-05" << false << QStringList{"run 3"};
        QTest::newRow("a setting") << "batch=64" << false << QStringList{"run 4"};
        QTest::newRow("the note") << "too fast" << false << QStringList{"lr=0.01 batch=128"};
        QTest::newRow("the outcome") << "diverged" << false << QStringList{"run 4"};
        QTest::newRow("nothing") << "nadam" << false << QStringList{};
        QTest::newRow("starred") << QString() << true << QStringList{"run 3"};
        QTest::newRow("starred and words") << "sgd" << true << QStringList{};
    }

    void filterMatchesEveryWordAndTheStar()
    {
        QFETCH(QString, text);
        QFETCH(bool, starredOnly);
        QFETCH(QStringList, shown);
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsTableModel model(&document);
        RunsFilterModel filter;
        filter.setSourceModel(&model);
        filter.setFilterText(text);
        filter.setStarredOnly(starredOnly);
        QCOMPARE(namesInOrder(filter), shown);
    }

    void rowsFollowTheDocument()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsTableModel model(&document);
        RunsFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStarredOnly(true);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        document.setRunStarred(0, true); // in place: the view keeps its selection
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(namesInOrder(filter), (QStringList{"run 1", "run 3"}));

        RunRecord run = test::sampleRuns()[0];
        run.name = "run 5";
        document.appendRun(run);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4, RunsTableModel::Name).data().toString(), QStringLiteral("run 5"));

        document.takeRun(0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(namesInOrder(filter), (QStringList{"run 3"}));
    }

    void renamingThroughTheNameCell()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsTableModel model(&document);
        QSignalSpy refused(&model, &RunsTableModel::renameRefused);
        QVERIFY(model.flags(model.index(0, RunsTableModel::Name)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, RunsTableModel::Test)) & Qt::ItemIsEditable));

        QVERIFY(model.setData(model.index(0, RunsTableModel::Name), "  baseline ", Qt::EditRole));
        QCOMPARE(document.runs()[0].name, std::string("baseline"));
        QVERIFY(document.isModified());

        QVERIFY(!model.setData(model.index(0, RunsTableModel::Name), "run 3", Qt::EditRole));
        QCOMPARE(document.runs()[0].name, std::string("baseline"));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains("already called 'run 3'"),
                 qPrintable(refused.first().first().toString()));

        QVERIFY(!model.setData(model.index(0, RunsTableModel::Name), "   ", Qt::EditRole));
        QCOMPARE(refused.count(), 2);
        QCOMPARE(document.runs()[0].name, std::string("baseline"));
    }
};

QTEST_MAIN(TestRunsTable)
#include "tst_runstable.moc"
