// Tests the CSV reader: RFC 4180 quoting, byte order marks, line ends, delimiter detection, chunk
// boundaries, and the refusals (ragged rows, binary junk, broken quotes, limits) naming row and column.
#include "ErrorCapture.h"
#include "data/CsvReader.h"

#include <QtTest>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace neurite;
using neurite::test::errorOf;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
    CsvFormat format;
    Rows rows;
};

Read readText(const std::string& text)
{
    Read read;
    CsvRowCollector collector([&](std::size_t row, const std::vector<std::string_view>& cells) {
        if (row != read.rows.size() + 1)
            throw std::logic_error("rows out of order");
        read.rows.emplace_back(cells.begin(), cells.end());
    });
    read.format = readCsv(memorySource(text), "t.csv", collector);
    return read;
}

QString errorReading(const std::string& text)
{
    return errorOf([&] { readText(text); });
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotedCellsKeepCommasQuotesAndLineBreaks()
    {
        const Read read = readText("name,note\n\"Smith, J.\",\"line one\nline two\"\n\"say \"\"hi\"\"\",plain\n");
        const Rows expected = {{"name", "note"}, {"Smith, J.", "line one\nline two"}, {"say \"hi\"", "plain"}};
        QVERIFY(read.rows == expected);
        QCOMPARE(read.format.rows, std::size_t(3));
        QCOMPARE(read.format.columns, std::size_t(2));
    }

    void byteOrderMarkIsSkippedAndReported()
    {
        const Read read = readText("\xef\xbb\xbf"
                                   "a,b\n1,2\n");
        QCOMPARE(read.rows[0][0], std::string("a"));
        QVERIFY(read.format.byteOrderMark);
        QVERIFY(!readText("a,b\n1,2\n").format.byteOrderMark);
    }

    void crlfAndLastLineWithoutNewlineAndBlankLines()
    {
        const Read read = readText("a,b\r\n1,2\r\n\r\n3,\"4\r\nx\"\r\n5,6");
        const Rows expected = {{"a", "b"}, {"1", "2"}, {"3", "4\r\nx"}, {"5", "6"}};
        QVERIFY(read.rows == expected);
    }

    void delimiterIsDetected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << "a,b,c\n1,2,3\n" << ',';
        QTest::newRow("semicolon with decimal commas") << "a;b\n1,5;2,25\n3,5;4\n" << ';';
        QTest::newRow("tab with spaces and commas in cells") << "a b\tc, d\tz\n1 2\t3, 4\t5\n" << '\t';
        QTest::newRow("comma in quoted semicolons") << "a,b\n\"x;y;z\",1\n\"p;q\",2\n" << ',';
        QTest::newRow("one column") << "value\n1\n2\n" << ',';
    }

    void delimiterIsDetected()
    {
        QFETCH(QString, text);
        QFETCH(char, delimiter);
        const Read read = readText(text.toStdString());
        QCOMPARE(read.format.delimiter, delimiter);
        for (const auto& row : read.rows)
            QCOMPARE(row.size(), read.rows.front().size());
        // As a thread's first read too: the sniffing once ran with whatever cell-size cap the thread's last
        // read had left, none on a new thread, and took every file read first on a thread for commas.
        char onNewThread = 0;
        std::string error;
        std::thread([&] {
            try {
                onNewThread = readText(text.toStdString()).format.delimiter;
            } catch (const std::exception& e) {
                error = e.what();
            }
        }).join();
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(onNewThread, delimiter);
    }

    void tabFilesKeepSpacesInsideCells()
    {
        const Read read = readText("a\tb\nnew york\t 7\n");
        QCOMPARE(read.rows[1][0], std::string("new york"));
        QCOMPARE(read.rows[1][1], std::string("7")); // padding around an unquoted cell is trimmed
    }

    void unicodeIsKept()
    {
        const Read read = readText("stadt,größe\nZürich,日本\n");
        QCOMPARE(read.rows[0][1], std::string("größe"));
        QCOMPARE(read.rows[1][1], std::string("日本"));
    }

    // Cells and rows that cross the reader's chunks (the first of 64 kB, then 1 MiB each) arrive whole.
    void chunkBoundariesAreInvisible()
    {
        std::string text = "id,text\n";
        Rows expected = {{"id", "text"}};
        for (int i = 0; i < 80000; ++i) {
            const std::string cell = "v" + std::to_string(i) + ",\"q\"\"\n" + std::string(std::size_t(i % 61), 'x');
            std::string quoted = "\"";
            for (char c : cell)
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            text += std::to_string(i) + "," + quoted + "\"\n";
            expected.push_back({std::to_string(i), cell});
        }
        QVERIFY(text.size() > 3u << 20);
        QVERIFY(readText(text).rows == expected);
    }

    void emptyFilesAreRefused()
    {
        QCOMPARE(errorReading(""), QString("t.csv is empty: a table needs a header row and at least one row of data"));
        QVERIFY(errorReading("\xef\xbb\xbf").contains("is empty"));
        QVERIFY(errorReading("\n\r\n\n").contains("is empty"));
    }

    void raggedRowsNameTheRow()
    {
        QCOMPARE(errorReading("a,b,c\n1,2,3\n4,5\n"),
                 QString("t.csv, row 3: 2 cells but the header (row 1) has 3 columns"));
        QCOMPARE(errorReading("a,b\n1,2\n3,4,5\n"),
                 QString("t.csv, row 3: more cells than the 2 columns of the header (row 1)"));
    }

    void binaryJunkIsNotText()
    {
        std::string junk = "a,b\n1,2\n3,";
        junk += std::string("x\0y", 3);
        junk += "\n";
        QCOMPARE(errorReading(junk), QString("t.csv, row 3, column 2: a NUL byte: this is not a text table (a binary "
                                             "file, or text in another encoding)"));
        QVERIFY(errorReading("a,b\n1,\xff\xfe\x01\n").startsWith("t.csv, row 2, column 2: bytes that are not UTF-8"));
        QVERIFY(errorReading("a,b\n\xc3\x28,1\n").contains("row 2, column 1: bytes that are not UTF-8")); // bad tail
        QVERIFY(errorReading("a,b\n\xed\xa0\x80,1\n").contains("not UTF-8"));                             // a surrogate
        QVERIFY(errorReading("a,b\n\xc0\xaf,1\n").contains("not UTF-8"));                                 // overlong
        QVERIFY(errorReading("\xff\xfe"
                             "a\0,\0b\0")
                    .contains("is UTF-16 text"));
        // Real binary: the start of a PNG file.
        QVERIFY(errorReading(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).contains("not a text table"));
    }

    void brokenQuotesNameTheCell()
    {
        QVERIFY2(errorReading("a,b\n1,x\"y\n")
                     .startsWith("t.csv, row 2, column 2: a quote inside a cell that is not quoted"),
                 qPrintable(errorReading("a,b\n1,x\"y\n")));
        QCOMPARE(errorReading("a,b\n1,\"open\n2,3\n"),
                 QString(
                     "t.csv, row 2, column 2: a quoted cell is not closed before the end of the file (a missing \")"));
    }

    // 300,000 columns in the header: refused at the 10,001st cell, quickly, without reading it all into cells.
    void hugeHeaderIsRefusedEarly()
    {
        std::string header;
        for (int i = 0; i < 300000; ++i)
            header += (i ? ",c" : "c") + std::to_string(i);
        header += "\n1\n";
        const auto start = std::chrono::steady_clock::now();
        QCOMPARE(errorReading(header),
                 QString("t.csv, row 1: more than 10000 columns; a table may have at most 10000"));
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(10)); // a hang guard, not a speed test
    }

    void cellsAndRowsHaveLimits()
    {
        const std::string big(std::size_t(3) << 20, 'x');
        QCOMPARE(errorReading("a,b\n1," + big + "\n"), QString("t.csv, row 2, column 2: a cell longer than 1 MiB"));
        QCOMPARE(errorReading("a,b\n1,\"" + big + "\"\n"), QString("t.csv, row 2, column 2: a cell longer than 1 MiB"));
        CsvLimits limits;
        limits.maxRowBytes = 100;
        limits.maxRows = 3;
        CsvRowCollector ignore([](std::size_t, const std::vector<std::string_view>&) {});
        QCOMPARE(errorOf([&] {
                     readCsv(memorySource("a,b\n" + std::string(60, 'x') + "," + std::string(60, 'y') + "\n"), "t.csv",
                             ignore, limits);
                 }),
                 QString("t.csv, row 2: longer than 100 bytes"));
        QCOMPARE(errorOf([&] { readCsv(memorySource("a\n1\n2\n3\n4\n"), "t.csv", ignore, limits); }),
                 QString("t.csv, row 5: more than 3 rows of data; a table may have at most 3"));
    }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
