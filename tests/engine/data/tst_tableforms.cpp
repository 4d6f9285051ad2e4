// Every unusual but valid way of writing the same table (quoted cells with commas, quotes and line breaks,
// a byte order mark, CRLF line ends, ';' with decimal commas, tabs, gzip) loads into exactly the same
// encoded rows, and each of them, and a table with missing values, trains.
#include "FileBytes.h"
#include "io/GzipFile.h"
#include "neurite/DesignForData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace neurite;

namespace {

using Table = std::vector<std::vector<std::string>>;

// Two numbers, a category whose names hold commas, quotes and line breaks, and a class that follows the
// numbers (so that a trained network can find it).
Table logicalTable()
{
    const std::vector<std::string> shades = {"red, dark", "blue\nlight", "green \"x\"", "grau/grün"};
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> uniform(-1, 1);
    Table table = {{"width", "height", "shade", "kind"}};
    for (int i = 0; i < 240; ++i) {
        const double w = uniform(rng), h = uniform(rng);
        char a[32], b[32];
        std::snprintf(a, sizeof a, "%.4f", w);
        std::snprintf(b, sizeof b, "%.4f", h);
        table.push_back({a, b, shades[std::size_t(i) % shades.size()], w + h > 0 ? "up" : "down"});
    }
    return table;
}

std::string quoted(const std::string& cell)
{
    std::string text = "\"";
    for (char c : cell)
        text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
}

// RFC 4180: a cell is quoted when it holds the delimiter, a quote or a line break.
std::string field(const std::string& cell, char delimiter, bool always)
{
    const bool needed = cell.find_first_of(std::string(1, delimiter) + "\"\r\n") != std::string::npos;
    return needed || always ? quoted(cell) : cell;
}

struct Form {
    char delimiter = ',';
    std::string lineEnd = "\n";
    bool bom = false;
    bool decimalComma = false;
    bool quoteAll = false;
};

std::string render(const Table& table, const Form& form)
{
    std::string text = form.bom ? "\xef\xbb\xbf" : "";
    for (std::size_t r = 0; r < table.size(); ++r) {
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            std::string cell = table[r][c];
            if (form.decimalComma && r > 0 && c < 2)
                std::replace(cell.begin(), cell.end(), '.', ',');
            text += (c ? std::string(1, form.delimiter) : "") + field(cell, form.delimiter, form.quoteAll);
        }
        text += form.lineEnd;
    }
    return text;
}

float trainBriefly(const Dataset& data)
{
    Network network(designForData(data), 1);
    TrainingSettings settings = settingsForData(data);
    settings.epochs = 30;
    return train(network, data, settings).history.testAccuracy;
}

} // namespace

class TestTableForms : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const std::string& name, const std::string& text)
    {
        return test::writeFileIn(m_dir.path().toStdString(), name, text);
    }

private Q_SLOTS:
    void formsLoadAlikeAndTrain_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<QString>("lineEnd");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<bool>("quoteAll");
        QTest::newRow("quotes only where needed") << ',' << "\n" << false << false << false;
        QTest::newRow("every cell quoted") << ',' << "\n" << false << false << true;
        QTest::newRow("byte order mark") << ',' << "\n" << true << false << false;
        QTest::newRow("CRLF") << ',' << "\r\n" << false << false << false;
        QTest::newRow("semicolons, decimal commas, BOM, CRLF") << ';' << "\r\n" << true << true << false;
        QTest::newRow("tabs") << '\t' << "\n" << false << false << false;
    }

    void formsLoadAlikeAndTrain()
    {
        QFETCH(char, delimiter);
        QFETCH(QString, lineEnd);
        QFETCH(bool, bom);
        QFETCH(bool, decimalComma);
        QFETCH(bool, quoteAll);
        const Table table = logicalTable();
        const Dataset reference = loadTable(write("reference.csv", render(table, Form{})), DataOptions{});
        const Form form{delimiter, lineEnd.toStdString(), bom, decimalComma, quoteAll};
        TableReport report;
        const Dataset data = loadTable(write("form.csv", render(table, form)), DataOptions{}, &report);
        QCOMPARE(report.delimiter, delimiter);
        QCOMPARE(report.byteOrderMark, bom);
        QCOMPARE(data.schema, reference.schema);
        QCOMPARE(data.train.values, reference.train.values);
        QCOMPARE(data.test.labels, reference.test.labels);
        QCOMPARE(data.schema.columns[2].categories,
                 (std::vector<std::string>{"blue\nlight", "grau/grün", "green \"x\"", "red, dark"}));
        const float accuracy = trainBriefly(data);
        QVERIFY2(accuracy >= 0.9f, qPrintable(QString::number(accuracy)));
    }

    void gzipCompressedTablesLoadAlike()
    {
        const std::string text = render(logicalTable(), Form{});
        const std::string path = (m_dir.path() + "/table.csv.gz").toStdString();
        {
            AtomicFileWriter file(path);
            GzipWriter zipped(file);
            zipped.write(text.data(), text.size());
            zipped.finish();
            file.commit();
        }
        QCOMPARE(loadTable(path, DataOptions{}).train.values,
                 loadTable(write("plain.csv", text), DataOptions{}).train.values);
    }

    void missingValuesTrain()
    {
        Table table = logicalTable();
        const std::vector<std::string> markers = {"", "NA", "NaN", "?", "N/A", "null"};
        for (std::size_t r = 1; r < table.size(); r += 5)
            table[r][r % 3] = markers[r % markers.size()];
        table[7][3] = "";
        TableReport report;
        const Dataset data = loadTable(write("missing.csv", render(table, Form{})), DataOptions{}, &report);
        QCOMPARE(report.droppedRows, std::size_t(1));
        QCOMPARE(report.imputedCells, std::size_t(48));
        const float accuracy = trainBriefly(data);
        QVERIFY2(accuracy >= 0.85f, qPrintable(QString::number(accuracy)));
    }
};

QTEST_APPLESS_MAIN(TestTableForms)
#include "tst_tableforms.moc"
