// Tests loading tables: inferred and overridden roles, missing values imputed from the training split,
// standardisation, the stratified split, the report, and the refusals that name file, row and column.
#include "FileBytes.h"
#include "ErrorCapture.h"
#include "neurite/DataFit.h"
#include "neurite/DataSets.h"
#include "neurite/TableData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <numeric>

using namespace neurite;
using neurite::test::errorOf;

namespace {

class Tables {
public:
    std::string write(const std::string& name, const std::string& text)
    {
        return test::writeFileIn(m_dir.path().toStdString(), name, text);
    }

private:
    QTemporaryDir m_dir;
};

DataOptions allTraining(const std::string& target = {})
{
    DataOptions options;
    options.target = target;
    options.testSplit = 0;
    return options;
}

// Column `c` of every encoded row of `set`.
std::vector<float> column(const SampleSet& set, int c)
{
    std::vector<float> values;
    for (std::size_t i = 0; i < set.count(); ++i)
        values.push_back(set.row(i)[c]);
    return values;
}

} // namespace

class TestTables : public QObject {
    Q_OBJECT

    Tables m_tables;

private Q_SLOTS:
    void rolesAreInferredWithTheirReasons()
    {
        std::string text = "row,name,size,colour,unit,kind\n";
        for (int i = 0; i < 40; ++i)
            text += std::to_string(i + 1) + ",item " + std::to_string(i) + "," + std::to_string(i % 7) + "." +
                    std::to_string(i % 3) + "," + (i % 3 ? "red" : "blue") + ",cm," + (i % 2 ? "a" : "b") + "\n";
        TableReport report;
        const Dataset data = loadTable(m_tables.write("roles.csv", text), DataOptions{}, &report);
        const auto role = [&](const char* name) { return report.column(name)->role; };
        QCOMPARE(role("row"), ColumnRole::Ignored);
        QCOMPARE(report.column("row")->reason, std::string("row numbers (each row one more than the last)"));
        QCOMPARE(role("name"), ColumnRole::Ignored);
        QCOMPARE(report.column("name")->reason, std::string("identifier-like: 40 distinct values in 40 rows"));
        QCOMPARE(role("size"), ColumnRole::Numeric);
        QCOMPARE(role("colour"), ColumnRole::Categorical);
        QCOMPARE(report.column("colour")->reason, std::string("2 categories"));
        QCOMPARE(role("unit"), ColumnRole::Ignored);
        QCOMPARE(role("kind"), ColumnRole::Target);
        QCOMPARE(report.task, TaskKind::Classification);
        QCOMPARE(report.encodedWidth, 1 + 2);
        QCOMPARE(data.train.valuesPerSample(), 3);
        QCOMPARE(data.classNames, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(report.trainRows + report.testRows, std::size_t(40));
        QCOMPARE(report.firstRows.size(), std::size_t(10));
        QCOMPARE(report.firstRows[0][1], std::string("item 0"));
        QCOMPARE(report.header.back(), std::string("kind"));
    }

    // Missing cells take the training split's median (numbers) or most frequent category; rows without a
    // target are dropped; both are counted.
    void missingValuesAreImputedAndCounted()
    {
        const std::string path = m_tables.write("missing.csv", "x,c,y\n"
                                                               "1,red,a\n"
                                                               "NA,red,b\n"
                                                               "4,,a\n"
                                                               "10,blue,?\n"
                                                               "?,blue,b\n"
                                                               "7,N/A,\n"
                                                               "nan,red,a\n");
        TableReport report;
        const Dataset data = loadTable(path, allTraining(), &report);
        QCOMPARE(report.rows, std::size_t(7));
        QCOMPARE(report.droppedRows, std::size_t(2)); // "?" and empty targets
        QCOMPARE(report.column("x")->missing, std::size_t(3));
        QCOMPARE(report.column("c")->missing, std::size_t(1));
        QCOMPARE(report.imputedCells, std::size_t(4));
        const ColumnEncoding& x = data.schema.columns[0];
        QCOMPARE(x.fill, 2.5); // the median of 1 and 4 (the kept rows' filled values)
        QCOMPARE(x.mean, 2.5);
        QCOMPARE(x.deviation, 1.5);
        QCOMPARE(data.schema.columns[1].fillCategory, std::string("red"));
        QCOMPARE(data.schema.columns[1].categories, (std::vector<std::string>{"blue", "red"}));
        // Rows kept: 1 red a | NA red b | 4 (empty) a | ? blue b | nan red a.
        QCOMPARE(column(data.train, 0), (std::vector<float>{-1, 0, 1, 0, 0}));
        QCOMPARE(column(data.train, 1), (std::vector<float>{0, 0, 0, 1, 0})); // "blue"
        QCOMPARE(column(data.train, 2), (std::vector<float>{1, 1, 1, 0, 1})); // "red", the fill included
        QCOMPARE(data.train.labels, (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
    }

    // Statistics come from the training rows only: there each numeric input is exactly standardised.
    void standardisedWithTheTrainingSplit()
    {
        std::string text = "a,b,label\n";
        for (int i = 0; i < 200; ++i)
            text += std::to_string(i * i % 97) + "," + std::to_string(1000 + 3 * i) + "," + (i % 4 ? "yes" : "no") +
                    "\n";
        DataOptions options;
        options.testSplit = 0.2;
        options.splitSeed = 7;
        const Dataset data = loadTable(m_tables.write("standard.csv", text), options);
        QCOMPARE(data.test.count(), std::size_t(40));
        for (int c = 0; c < 2; ++c) {
            const std::vector<float> train = column(data.train, c);
            double mean = std::accumulate(train.begin(), train.end(), 0.0) / double(train.size());
            double squares = 0;
            for (float v : train)
                squares += (v - mean) * (v - mean);
            QVERIFY(std::abs(mean) < 1e-6);
            QVERIFY(std::abs(std::sqrt(squares / double(train.size())) - 1) < 1e-5);
            const std::vector<float> test = column(data.test, c);
            QVERIFY(std::abs(std::accumulate(test.begin(), test.end(), 0.0) / 40) > 1e-4);
        }
    }

    void splitIsStratifiedAndSeeded()
    {
        std::string text = "x,y\n";
        for (int i = 0; i < 150; ++i)
            text += std::to_string(i % 13) + "," + (i < 100 ? "common" : i < 140 ? "rare" : "rarest") + "\n";
        const std::string path = m_tables.write("strata.csv", text);
        const Dataset data = loadTable(path, DataOptions{});
        std::vector<int> counts(3, 0);
        for (std::uint8_t label : data.test.labels)
            ++counts[label];
        QCOMPARE(counts, (std::vector<int>{20, 8, 2})); // a fifth of 100, 40 and 10
        QCOMPARE(loadTable(path, DataOptions{}).test.values, data.test.values);
        DataOptions other;
        other.splitSeed = 2;
        QVERIFY(loadTable(path, other).test.values != data.test.values);
    }

    void numberTargetsChooseTheTask()
    {
        std::string text = "x,grade,score\n";
        for (int i = 0; i < 60; ++i)
            text += std::to_string(i % 9) + "," + std::to_string(i % 3) + "," + std::to_string(i * 1.5) + "\n";
        const std::string path = m_tables.write("numbers.csv", text);
        const Dataset classes = loadTable(path, allTraining("grade"));
        QCOMPARE(classes.task(), TaskKind::Classification);
        QCOMPARE(classes.classNames, (std::vector<std::string>{"0", "1", "2"}));
        const Dataset values = loadTable(path, allTraining("score"));
        QCOMPARE(values.task(), TaskKind::Regression);
        QVERIFY(values.classNames.empty());
        QCOMPARE(values.schema.targetMean, 44.25);
        QVERIFY(std::abs(values.train.targets[2] - float((3.0 - 44.25) / values.schema.targetDeviation)) < 1e-6f);
        DataOptions asNumber = allTraining("grade");
        asNumber.columnRoles["grade"] = ColumnRole::Numeric;
        QCOMPARE(loadTable(path, asNumber).task(), TaskKind::Regression);
        DataOptions asClasses = allTraining("x");
        asClasses.columnRoles["score"] = ColumnRole::Ignored;
        asClasses.columnRoles["grade"] = ColumnRole::Categorical;
        const Dataset nine = loadTable(path, asClasses);
        QCOMPARE(nine.classCount(), 9);
        QCOMPARE(nine.schema.columns[1].categories, (std::vector<std::string>{"0", "1", "2"}));
    }

    // A column of numbers wanted as categories keeps its spelling ("007"), read a second time.
    void overridesChangeWhatAColumnHolds()
    {
        const std::string path = m_tables.write("codes.csv", "zip,size,y\n007,1,a\n010,2,b\n007,3,a\n7,x4,b\n");
        DataOptions options = allTraining();
        options.columnRoles["zip"] = ColumnRole::Categorical;
        const Dataset data = loadTable(path, options);
        QCOMPARE(data.schema.columns[0].categories, (std::vector<std::string>{"007", "010", "7"}));
        QCOMPARE(data.schema.columns[1].role, ColumnRole::Categorical); // "x4" made it text
        options.columnRoles["size"] = ColumnRole::Numeric;
        QCOMPARE(errorOf([&] { loadTable(path, options); }),
                 QString::fromStdString(path +
                                        ", row 5, column 'size': 'x4' is not a number, but the column is set numeric"));
        options.columnRoles["size"] = ColumnRole::Ignored;
        QCOMPARE(loadTable(path, options).schema.encodedWidth(), 3);
        options.columnRoles["nothere"] = ColumnRole::Ignored;
        QVERIFY(errorOf([&] {
                    loadTable(path, options);
                }).contains("has no column 'nothere' (--column); its columns are zip, size, y"));
    }

    // Numbers first, text later: the column becomes categorical with the cells' own spelling.
    void columnTurningToTextIsReadAgain()
    {
        std::string text = "v,y\n";
        for (int i = 0; i < 30; ++i)
            text += std::string(i == 25 ? "many" : i % 2 ? "1.50" : "2") + "," + (i % 2 ? "p" : "q") + "\n";
        TableReport report;
        const Dataset data = loadTable(m_tables.write("later.csv", text), allTraining(), &report);
        QCOMPARE(report.column("v")->type, ValueType::Text);
        QCOMPARE(data.schema.columns[0].categories, (std::vector<std::string>{"1.50", "2", "many"}));
    }

    void decimalCommasInSemicolonFiles()
    {
        const Dataset data = loadTable(m_tables.write("comma.csv", "a;b;y\n1,5;2;x\n2,5;4;y\n3,5;6;x\n"),
                                       allTraining());
        QCOMPARE(data.schema.columns[0].role, ColumnRole::Numeric);
        QCOMPARE(data.schema.columns[0].mean, 2.5);
    }

    void reportHasHistogramsAndClassBalance()
    {
        std::string text = "x,c,y\n";
        for (int i = 0; i <= 100; ++i)
            text += std::to_string(i) + ".5," + (i % 5 ? "u" : "v") + "," + (i % 4 ? "one" : "two") + "\n";
        text += ",u,one\n";
        TableReport report;
        loadTable(m_tables.write("report.csv", text), DataOptions{}, &report);
        const ColumnSummary& x = *report.column("x");
        QCOMPARE(x.min, 0.5);
        QCOMPARE(x.max, 100.5);
        QCOMPARE(x.mean, 50.5);
        QCOMPARE(x.missing, std::size_t(1));
        QCOMPARE(x.histogram, (std::vector<std::size_t>{10, 10, 10, 10, 10, 10, 10, 10, 10, 11}));
        const ColumnSummary& c = *report.column("c");
        QCOMPARE(c.categories, (std::vector<std::string>{"u", "v"}));
        QCOMPARE(c.categoryCounts, (std::vector<std::size_t>{81, 21}));
        QCOMPARE(report.classNames, (std::vector<std::string>{"one", "two"}));
        QCOMPARE(report.classCounts, (std::vector<std::size_t>{76, 26}));
        QCOMPARE(report.delimiter, ',');
    }

    void theBuiltinIrisLoads()
    {
        QVERIFY(isBuiltinTable("iris"));
        const std::vector<std::string> names = dataSetNames();
        QVERIFY(std::find(names.begin(), names.end(), "iris") != names.end());
        const Dataset iris = loadDataset("iris", DataOptions{});
        QCOMPARE(iris.classNames, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(iris.train.count(), std::size_t(120));
        QCOMPARE(iris.test.count(), std::size_t(30));
        QCOMPARE(iris.inputShape(), Shape::flat(4));
        QCOMPARE(iris.schema.columns[0].name, std::string("sepal_length"));
        QVERIFY(std::abs(iris.schema.columns[2].mean - 3.758) < 0.15); // petal length over the training rows
        QCOMPARE(loadDataset("iris", "").train.count(), std::size_t(120));
        const DataFacts facts{"iris", Shape::flat(4), 3, TaskKind::Classification, true};
        QCOMPARE(knownDataFacts("iris"), std::optional<DataFacts>(facts));
    }

    void badTablesNameFileRowAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("header only") << "a,b\n"
                                     << ""
                                     << "F has a header but no rows of data";
        QTest::newRow("one column") << "a\n1\n2\n"
                                    << ""
                                    << "F has a single column (a)";
        QTest::newRow("no such target") << "a,b\n1,2\n"
                                        << "c"
                                        << "F has no column 'c' to predict (--target); its columns are a, b";
        QTest::newRow("target always missing") << "a,b\n1,\n2,NA\n"
                                               << ""
                                               << "F, column 'b' (the target): empty in every row";
        QTest::newRow("one class") << "a,b\n1,x\n2,x\n3,\n"
                                   << ""
                                   << "F, column 'b' (the target): only one class ('x') in its 2 rows";
        QTest::newRow("constant number target") << "a,b\n1,2.5\n2,2.5\n"
                                                << ""
                                                << "F, column 'b' (the target): the same value (2.5) in every row";
        QTest::newRow("infinite input") << "a,b\n1,x\ninf,y\n"
                                        << ""
                                        << "F, row 3, column 'a': inf is not a finite number";
        QTest::newRow("too large input") << "a,b\n1,x\n1e999,y\n"
                                         << ""
                                         << "F, row 3, column 'a': 1e999 is not a finite number";
        QTest::newRow("infinite target") << "a,b\n1,0.5\n2,-Infinity\n3,1.5\n"
                                         << ""
                                         << "F, row 3, column 'b': -Infinity is not a finite number";
        QTest::newRow("numbers too large") << "a,b\n1e200,x\n-1e200,y\n3,x\n"
                                           << ""
                                           << "F, column 'a': its numbers are too large to standardise";
        QTest::newRow("duplicate names") << "a,b,a\n1,2,3\n"
                                         << ""
                                         << "F, row 1: columns 1 and 3 are both named 'a'";
        QTest::newRow("nothing left as input") << "id,b\n1,x\n2,y\n3,x\n4,y\n"
                                               << ""
                                               << "F: no column is left as an input (id: row numbers";
    }

    void badTablesNameFileRowAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(QString, target);
        QFETCH(QString, message);
        const std::string path = m_tables.write("bad.csv", text.toStdString());
        DataOptions options;
        options.target = target.toStdString();
        const QString error = errorOf([&] { loadTable(path, options); });
        QVERIFY2(error.startsWith(message.replace("F", QString::fromStdString(path))), qPrintable(error));
    }

    void tooManyCategoriesSaysWhatToDo()
    {
        std::string text = "city,y\n";
        for (int i = 0; i < 4000; ++i)
            text += "c" + std::to_string(i % 1500) + "," + (i % 2 ? "a" : "b") + "\n";
        const std::string path = m_tables.write("cities.csv", text);
        QCOMPARE(errorOf([&] { loadTable(path, DataOptions{}); }),
                 QString::fromStdString(path + ", column 'city': 1500 categories, more than the 1000 a categorical "
                                               "column may have; leave it out with --column 'city=ignored'"));
    }

    void missingFilesAreNamed()
    {
        QCOMPARE(errorOf([] { loadTable("/no/such/table.csv", DataOptions{}); }),
                 QString("There is no file /no/such/table.csv"));
    }
};

QTEST_APPLESS_MAIN(TestTables)
#include "tst_tables.moc"
