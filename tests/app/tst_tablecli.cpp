// Tables on the command line as a user meets them: train --data FILE.csv picks a design and reports the
// columns, eval and predict --csv apply the stored schema and agree, regression prints R²/MAE/RMSE, and
// every bad table exits with status 1 and a message naming file, row and column.
#include "ProcessRun.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using neurite::test::ProcessRun;
using neurite::test::runNeurite;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The CSV rows of `path` split at commas (the predictions hold no quoted cells here).
QList<QStringList> csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.isEmpty())
            rows.append(QString::fromUtf8(line).split(','));
    return rows;
}

double numberAfter(const QString& text, const QString& label)
{
    const QRegularExpression pattern(QRegularExpression::escape(label) + R"(\s*(-?[0-9.]+))");
    const QRegularExpressionMatch match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).toDouble() : std::nan("");
}

// price = 3 area - 2 age + 5 (if garden) + noise, with an id column and a categorical one.
QByteArray housePrices()
{
    std::mt19937_64 rng(4);
    std::normal_distribution<double> unit(0, 1);
    QByteArray csv = "id,area,age,garden,price\n";
    for (int i = 0; i < 400; ++i) {
        const double area = 50 + 10 * unit(rng), age = 20 + 5 * unit(rng);
        const bool garden = i % 3 == 0;
        const double price = 3 * area - 2 * age + (garden ? 5 : 0) + unit(rng);
        csv += QString("h%1,%2,%3,%4,%5\n")
                   .arg(i)
                   .arg(area, 0, 'f', 3)
                   .arg(age, 0, 'f', 3)
                   .arg(garden ? "yes" : "no")
                   .arg(price, 0, 'f', 3)
                   .toUtf8();
    }
    return csv;
}

} // namespace

class TestTableCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!qEnvironmentVariable("NEURITE_BINARY").isEmpty()); }

    void irisTrainsAndPredictEqualsEval()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath("iris.neurite");
        const ProcessRun trained = runNeurite({"train", "--data", "iris", "--out", model});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains(
                     "Target 'species': classification, 3 classes (setosa 50, versicolor 50, virginica 50)"),
                 qPrintable(trained.out));
        QVERIFY(trained.out.contains(QRegularExpression("petal_length +numeric +numbers")));
        QVERIFY(trained.out.contains("Split: 120 training rows, 30 test rows"));
        QVERIFY(trained.out.contains("Test accuracy: "));
        QVERIFY(trained.out.contains(" test rows of iris"));

        const QString rows = dir.filePath("iris.csv");
        QVERIFY(QFile::copy(qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/data/iris.csv", rows));
        const ProcessRun evaluated = runNeurite({"eval", model, "--data", rows});
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        const double evalAccuracy = numberAfter(evaluated.out, "Test accuracy:");
        QVERIFY2(evaluated.out.contains("(150 rows of "), qPrintable(evaluated.out));

        const QString predictions = dir.filePath("predictions.csv");
        const ProcessRun predicted = runNeurite({"predict", model, "--csv", rows, "--out", predictions});
        QVERIFY2(predicted.status == 0, qPrintable(predicted.err));
        const QList<QStringList> table = csvRows(predictions);
        QCOMPARE(table.size(), 151);
        QCOMPARE(table[0], (QStringList{"sepal_length", "sepal_width", "petal_length", "petal_width", "species",
                                        "predicted_species", "probability_setosa", "probability_versicolor",
                                        "probability_virginica"}));
        int correct = 0;
        for (int r = 1; r < table.size(); ++r) {
            correct += table[r][4] == table[r][5] ? 1 : 0;
            const double sum = table[r][6].toDouble() + table[r][7].toDouble() + table[r][8].toDouble();
            QVERIFY(std::abs(sum - 1) < 1e-5);
        }
        QCOMPARE(QString::number(100.0 * correct / 150, 'f', 2), QString::number(evalAccuracy, 'f', 2));
        QVERIFY2(evalAccuracy > 90, qPrintable(evaluated.out));

        // Without --out the same CSV goes to the standard output.
        const ProcessRun printed = runNeurite({"predict", model, "--csv", rows});
        QFile file(predictions);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(printed.out.toUtf8(), file.readAll());
    }

    void regressionReportsR2AndPredictEqualsEval()
    {
        QTemporaryDir dir;
        const QString data = write(dir, "houses.csv", housePrices());
        const QString model = dir.filePath("houses.neurite");
        const ProcessRun trained = runNeurite({"train", "--data", data, "--target", "price", "--out", model});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains("Target 'price': regression"), qPrintable(trained.out));
        QVERIFY(trained.out.contains(QRegularExpression("id +ignored +identifier-like")));
        QVERIFY(trained.out.contains(QRegularExpression("garden +categorical +2 categories")));
        const double r2 = numberAfter(trained.out, "Test R\u00b2:");
        QVERIFY2(r2 > 0.95, qPrintable(trained.out));
        QVERIFY(trained.out.contains(QRegularExpression(R"(\(MAE [0-9.]+, RMSE [0-9.]+\) on 80 test rows)")));

        const ProcessRun evaluated = runNeurite({"eval", model, "--data", data});
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        const double evalR2 = numberAfter(evaluated.out, "Test R\u00b2:");
        const QString predictions = dir.filePath("p.csv");
        QCOMPARE(runNeurite({"predict", model, "--csv", data, "--out", predictions}).status, 0);
        const QList<QStringList> table = csvRows(predictions);
        QCOMPARE(table[0].last(), QString("predicted_price"));
        double mean = 0;
        for (int r = 1; r < table.size(); ++r)
            mean += table[r][4].toDouble() / (table.size() - 1);
        double residual = 0, total = 0;
        for (int r = 1; r < table.size(); ++r) {
            residual += std::pow(table[r][5].toDouble() - table[r][4].toDouble(), 2);
            total += std::pow(table[r][4].toDouble() - mean, 2);
        }
        QCOMPARE(QString::number(1 - residual / total, 'f', 4), QString::number(evalR2, 'f', 4));
    }

    void dataInfoShowsTheColumns()
    {
        QTemporaryDir dir;
        const QString data = write(dir, "houses.csv", housePrices());
        const ProcessRun info = runNeurite({"data", "info", data, "--target", "price", "--column", "age=ignored"});
        QVERIFY2(info.status == 0, qPrintable(info.err));
        QVERIFY(info.out.contains(QRegularExpression("age +ignored +set by --column")));
        QVERIFY(info.out.contains(QRegularExpression(R"(missing 0  min [0-9.]+  max [0-9.]+  mean [0-9.]+)")));
        QVERIFY(info.out.contains("2 distinct values: no (266), yes (134)"));
        const ProcessRun list = runNeurite({"data", "list"});
        QVERIFY(list.out.contains("iris\t(built in)"));
    }

    // The first table a process reads may be separated by semicolons (with decimal commas) or tabs: the
    // delimiter guess once ran with no cell-size cap on a thread's first read and took every such file
    // for one column ("row 2: more cells than the 1 columns of the header").
    void semicolonAndTabFilesReadFirst()
    {
        QTemporaryDir dir;
        const QByteArray rows = "a;b;label\n1,5;2;x\n3;4,25;y\n5;6;x\n7;8;y\n1;2;x\n3;4;y\n";
        const ProcessRun semicolons = runNeurite({"data", "info", write(dir, "semi.csv", rows)});
        QVERIFY2(semicolons.status == 0, qPrintable(semicolons.err));
        QVERIFY2(semicolons.out.contains("6 rows, 3 columns (semicolon-separated)"), qPrintable(semicolons.out));
        QVERIFY(semicolons.out.contains("mean 3.417")); // (1.5 + 3 + 5 + 7 + 1 + 3) / 6: "1,5" read as 1.5
        QVERIFY(semicolons.out.contains("mean 4.375")); // "4,25" as 4.25
        QByteArray tabs = rows;
        tabs.replace(',', '.').replace(';', '\t');
        const ProcessRun tabbed = runNeurite({"data", "info", write(dir, "tabs.tsv", tabs)});
        QVERIFY2(tabbed.status == 0, qPrintable(tabbed.err));
        QVERIFY2(tabbed.out.contains("6 rows, 3 columns (tab-separated)"), qPrintable(tabbed.out));
    }

    void badTablesExitWith1_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QByteArray junk("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
        junk += QByteArray(200, '\x9c');
        QByteArray wide = "c0";
        for (int i = 1; i < 300000; ++i)
            wide += ",c" + QByteArray::number(i);
        wide += "\n1\n";
        QTest::newRow("empty file") << QByteArray() << QStringList() << "F is empty";
        QTest::newRow("header without rows") << QByteArray("a,b\n") << QStringList() << "F has a header but no rows";
        QTest::newRow("ragged rows") << QByteArray("a,b\n1,2\n3\n") << QStringList()
                                     << "F, row 3: 1 cell but the header (row 1) has 2 columns";
        QTest::newRow("binary junk") << junk << QStringList() << "F, row 1, column 1: a NUL byte";
        QTest::newRow("300,000 columns") << wide << QStringList() << "F, row 1: more than 10000 columns";
        QTest::newRow("target always missing")
            << QByteArray("a,b\n1,\n2,NA\n") << QStringList() << "F, column 'b' (the target): empty in every row";
        QTest::newRow("one class") << QByteArray("a,b\n1,x\n2,x\n") << QStringList()
                                   << "F, column 'b' (the target): only one class ('x')";
        QTest::newRow("target not a column") << QByteArray("a,b\n1,x\n2,y\n") << QStringList{"--target", "c"}
                                             << "F has no column 'c' to predict (--target); its columns are a, b";
        QTest::newRow("non-finite number") << QByteArray("a,b,c\n1,2,x\n2,1e999,y\n3,4,x\n") << QStringList()
                                           << "F, row 3, column 'b': 1e999 is not a finite number";
    }

    void badTablesExitWith1()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = write(dir, "table.csv", bytes);
        const ProcessRun run = runNeurite(QStringList{"train", "--data", path, "--epochs", "1"} + extra);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(message.replace("F", path)), qPrintable(run.err));
    }

    void predictRefusesWhatDoesNotFit()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath("iris.neurite");
        QCOMPARE(runNeurite({"train", "--data", "iris", "--epochs", "2", "--quiet", "--out", model}).status, 0);
        const QString lacking = write(dir, "lacking.csv", "sepal_length,sepal_width,petal_length\n5,3,1\n");
        const ProcessRun missing = runNeurite({"predict", model, "--csv", lacking});
        QCOMPARE(missing.status, 1);
        QVERIFY2(missing.err.contains(lacking + " has no column 'petal_width'"), qPrintable(missing.err));
        const QString text = write(dir, "text.csv", "sepal_length,sepal_width,petal_length,petal_width\n5,3,1,wide\n");
        const ProcessRun notNumber = runNeurite({"predict", model, "--csv", text});
        QCOMPARE(notNumber.status, 1);
        QVERIFY2(notNumber.err.contains(text + ", row 2, column 'petal_width': 'wide' is not a number"),
                 qPrintable(notNumber.err));
        const ProcessRun badRole = runNeurite({"train", "--data", "iris", "--column", "species=weird"});
        QCOMPARE(badRole.status, 2);
        QVERIFY(badRole.err.contains("the role must be numeric, categorical or ignored"));
    }
};

QTEST_GUILESS_MAIN(TestTableCli)
#include "tst_tablecli.moc"
