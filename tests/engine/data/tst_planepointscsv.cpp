// Tests the user's points as CSV files: written and read back bit for bit (classes with awkward names, and
// values), any table of two numeric columns and a target read as points (text, whole-number and numeric
// targets, a target named anywhere, a semicolon file with decimal commas), and untrusted files refused with
// the file, row and column named: sklearn's iris (four inputs), empty files, non-numbers, infinities, missing
// targets, nine classes, more than 100,000 rows.
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "neurite/PlanePointsCsv.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using namespace neurite;
using neurite::test::errorOf;
using neurite::test::writeFileIn;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool samePointsBitForBit(const PaintedPoints& a, const PaintedPoints& b)
{
    if (a.points.size() != b.points.size() || a.classes != b.classes || a.regression != b.regression)
        return false;
    for (std::size_t i = 0; i < a.points.size(); ++i)
        if (!sameBits(a.points[i].x1, b.points[i].x1) || !sameBits(a.points[i].x2, b.points[i].x2) ||
            !sameBits(a.points[i].target, b.points[i].target))
            return false;
    return true;
}

// Finite doubles from random bit patterns (every exponent), and the awkward ones.
std::vector<double> awkwardNumbers(std::size_t count)
{
    std::vector<double> numbers = {
        0.1, -0.0, 5e-324, -2.2250738585072014e-308, 1e300, -1.7976931348623157e308, 1.0 / 3, 6.0, 123456789.123456789};
    std::mt19937_64 random(42);
    while (numbers.size() < count) {
        const std::uint64_t bits = random();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        if (std::isfinite(value))
            numbers.push_back(value);
    }
    return numbers;
}

} // namespace

class TestPlanePointsCsv : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string file(const char* name, const std::string& bytes)
    {
        return writeFileIn(m_dir.path().toStdString(), name, bytes);
    }

private Q_SLOTS:
    void classesRoundTripBitForBit()
    {
        const std::vector<double> numbers = awkwardNumbers(2000);
        PaintedPoints painted;
        // Names in the order a table's classes take (their bytes), so that the indices read back as written.
        painted.classes = {"\"quoted\"", "a, b", "class 3", "sky;blue", "\xc3\xa9t\xc3\xa9"};
        for (std::size_t i = 0; i + 1 < numbers.size(); i += 2)
            painted.points.push_back({numbers[i], numbers[i + 1], double(i % 5)});
        const std::string path = m_dir.filePath("classes.csv").toStdString();
        writePlanePointsCsv(path, painted);
        QVERIFY(neurite::test::readBytes(path).starts_with("x1,x2,label\n"));
        const PaintedPoints read = readPlanePointsCsv(path);
        QVERIFY(samePointsBitForBit(read, painted));
    }

    void valuesRoundTripBitForBit()
    {
        const std::vector<double> numbers = awkwardNumbers(3000);
        PaintedPoints painted;
        painted.regression = true;
        for (std::size_t i = 0; i + 2 < numbers.size(); i += 3)
            painted.points.push_back({numbers[i], numbers[i + 1], numbers[i + 2]});
        const std::string path = m_dir.filePath("values.csv").toStdString();
        writePlanePointsCsv(path, painted);
        QVERIFY(neurite::test::readBytes(path).starts_with("x1,x2,value\n"));
        QVERIFY(samePointsBitForBit(readPlanePointsCsv(path), painted));
    }

    void defaultClassNamesAreWrittenAndReadBack()
    {
        PaintedPoints painted;
        painted.points = {{1, 2, 0}, {3, 4, 2}, {5, 6, 0}};
        const std::string path = m_dir.filePath("defaults.csv").toStdString();
        writePlanePointsCsv(path, painted);
        QCOMPARE(neurite::test::readBytes(path), std::string("x1,x2,label\n1,2,class 1\n3,4,class 3\n5,6,class 1\n"));
        const PaintedPoints read = readPlanePointsCsv(path);
        QCOMPARE(read.classes, (std::vector<std::string>{"class 1", "class 3"}));
        QCOMPARE(read.points[1].target, 1.0); // class 2 had no points
    }

    void textClassesAreSortedByTheirBytes()
    {
        const PaintedPoints read = readPlanePointsCsv(
            file("text.csv", "a,b,species\n1,2,virginica\n3,4, setosa \n5,6,versicolor\n7,8,setosa\n"));
        QCOMPARE(read.classes, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QVERIFY(!read.regression);
        QCOMPARE(read.points[0].target, 2.0);
        QCOMPARE(read.points[1].target, 0.0);
        QCOMPARE(read.points[3].target, 0.0);
        QCOMPARE(read.points[2].x1, 5.0);
    }

    void wholeNumbersAreClassesOtherNumbersValues()
    {
        const PaintedPoints classes = readPlanePointsCsv(file("whole.csv", "x,y,c\n0,0,1\n1,1,-1\n2,2,1.0\n3,3,-1\n"));
        QCOMPARE(classes.classes, (std::vector<std::string>{"-1", "1"}));
        QCOMPARE(classes.points[2].target, 1.0);
        const PaintedPoints values = readPlanePointsCsv(file("values2.csv", "x,y,c\n0,0,1\n1,1,2.5\n"));
        QVERIFY(values.regression);
        QCOMPARE(values.points[1].target, 2.5);
        std::string nine = "x,y,c\n";
        for (int i = 0; i < 9; ++i)
            nine += std::to_string(i) + ",0," + std::to_string(i) + "\n";
        QVERIFY(readPlanePointsCsv(file("nine.csv", nine)).regression); // nine whole numbers: a value
    }

    void aTargetIsFoundByItsName()
    {
        const PaintedPoints read = readPlanePointsCsv(file("named.csv", "Label,u,v\nred,1,2\nblue,3,4\n"));
        QCOMPARE(read.classes, (std::vector<std::string>{"blue", "red"}));
        QCOMPARE(read.points[0].x1, 1.0);
        QCOMPARE(read.points[0].x2, 2.0);
        QCOMPARE(read.points[0].target, 1.0);
        const PaintedPoints y = readPlanePointsCsv(file("y.csv", "y,a,b\nu,1,2\nv,3,4\n"));
        QCOMPARE(y.classes, (std::vector<std::string>{"u", "v"}));
        QCOMPARE(y.points[1].x2, 4.0);
        const PaintedPoints semicolons = readPlanePointsCsv(file("semi.csv", "x1;x2;value\n1,5;2;0,25\n3;4;1\n"));
        QVERIFY(semicolons.regression);
        QCOMPARE(semicolons.points[0].x1, 1.5);
        QCOMPARE(semicolons.points[0].target, 0.25);
    }

    void aFileNamedLikeAGeneratedSetIsTheFile()
    {
        const QString previous = QDir::currentPath();
        QDir::setCurrent(m_dir.path());
        file("spiral", "x1,x2,label\n1,2,a\n3,4,b\n");
        const QString error = errorOf([] { QCOMPARE(readPlanePointsCsv("spiral").points.size(), std::size_t(2)); });
        QDir::setCurrent(previous);
        QCOMPARE(error, QString());
    }

    void irisIsNotTwoDimensional()
    {
        const std::string iris = "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv";
        if (!QFile::exists(QString::fromStdString(iris)))
            QSKIP("python3-sklearn's iris.csv is not installed");
        const QString error = errorOf([&] { readPlanePointsCsv(iris); });
        QVERIFY2(error.startsWith(
                     QString::fromStdString(iris + ", column 'setosa' (column 3) is a third input column")),
                 qPrintable(error));
    }

    void untrustedFilesAreRefusedByFileRowAndColumn_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "bad.csv is empty";
        QTest::newRow("header only") << QByteArray("x1,x2,label\n") << "bad.csv has a header but no rows";
        QTest::newRow("two columns") << QByteArray("x1,label\n1,a\n") << "bad.csv has 2 columns: a set of points";
        QTest::newRow("third input") << QByteArray("a,b,c,label\n1,2,3,x\n")
                                     << "bad.csv, column 'c' (column 3) is a third input column";
        QTest::newRow("text") << QByteArray("x1,x2,label\n1,2,a\n1,two,b\n")
                              << "bad.csv, row 3, column 'x2': 'two' is not a number";
        QTest::newRow("nan") << QByteArray("x1,x2,label\nNaN,2,a\n")
                             << "bad.csv, row 2, column 'x1': empty, but every point needs both coordinates";
        QTest::newRow("inf") << QByteArray("x1,x2,label\n1,2,a\n1e999,2,a\n")
                             << "bad.csv, row 3, column 'x1': '1e999' is not a finite number";
        QTest::newRow("inf target") << QByteArray("x1,x2,value\n1,2,-inf\n")
                                    << "bad.csv, row 2, column 'value': '-inf' is not a finite number";
        QTest::newRow("no target") << QByteArray("x1,x2,label\n1,2,a\n3,4,\n")
                                   << "bad.csv, row 3, column 'label': empty, but every point needs a class";
        QByteArray nine("x1,x2,label\n");
        for (char c = 'a'; c <= 'i'; ++c)
            nine += "1,2," + QByteArray(1, c) + "\n";
        QTest::newRow("nine classes") << nine << "bad.csv, row 10, column 'label': a 9th class ('i')";
        QTest::newRow("long name") << QByteArray("x1,x2,label\n1,2," + QByteArray(65, 'n') + "\n")
                                   << "bad.csv, column 'label': the name of class 1";
        QTest::newRow("ragged") << QByteArray("x1,x2,label\n1,2\n") << "bad.csv, row 2";
        QTest::newRow("binary") << QByteArray("x1,x2,label\n1,2,\0\0\0\n", 20) << "bad.csv";
    }

    void untrustedFilesAreRefusedByFileRowAndColumn()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const std::string path = file("bad.csv", bytes.toStdString());
        const QString error = errorOf([&] { readPlanePointsCsv(path); });
        QVERIFY2(error.startsWith(m_dir.path() + "/" + message), qPrintable(error));
    }

    void moreThanAHundredThousandRowsAreRefused()
    {
        std::string rows = "x1,x2,label\n";
        rows.reserve(100002 * 8);
        for (int i = 0; i < 100001; ++i)
            rows += i % 2 ? "1,2,a\n" : "3,4,b\n";
        const std::string path = file("many.csv", rows);
        QVERIFY(
            errorOf([&] {
                readPlanePointsCsv(path);
            }).endsWith("many.csv, row 100002: more than 100000 points; a set of points may have at most that many"));
        rows.resize(rows.size() - 6);
        writeFileIn(m_dir.path().toStdString(), "many.csv", rows);
        QCOMPARE(readPlanePointsCsv(path).points.size(), std::size_t(100000));
    }
};

QTEST_APPLESS_MAIN(TestPlanePointsCsv)
#include "tst_planepointscsv.moc"
