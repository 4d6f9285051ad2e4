// `neurite lr-find` as a user runs it: the suggestion line, the CSV of the curve (rates rising exponentially,
// the smoothed loss recomputed here from the raw losses, the suggested row the printed rate), Adam's
// suggestion for the reference MLP on mnist-10k, a project file left as it was, and bad options named.
#include "FileBytes.h"
#include "ProcessRun.h"
#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using neurite::test::ProcessRun;
using neurite::test::runNeurite;

namespace {

// The rate printed on the line "Suggested learning rate: X", or an empty string.
QString suggestedRate(const QString& out)
{
    const QRegularExpressionMatch m = QRegularExpression(R"(Suggested learning rate: ([0-9.e+-]+)\n)").match(out);
    return m.hasMatch() ? m.captured(1) : QString();
}

struct CsvRow {
    int step;
    double rate, loss, smoothed;
    bool suggested;
};

std::vector<CsvRow> readCurve(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    if (lines.value(0) != "step,learning_rate,loss,smoothed_loss,suggested")
        return {};
    std::vector<CsvRow> rows;
    for (const QString& line : lines.mid(1)) {
        const QStringList c = line.split(',');
        rows.push_back({c[0].toInt(), c[1].toDouble(), c[2].toDouble(), c[3].toDouble(), c[4] == "1"});
    }
    return rows;
}

} // namespace

class TestLrFindCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void printsTheSuggestionAndWritesTheCurve()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("curve.csv");
        const ProcessRun run = runNeurite(
            {"lr-find", "--data", "blobs", "--points", "400", "--steps", "80", "--max-lr", "100", "--csv", csv});
        QVERIFY2(run.status == 0, qPrintable(run.out + run.err));
        const QString rate = suggestedRate(run.out);
        QVERIFY2(!rate.isEmpty(), qPrintable(run.out));
        QVERIFY(run.out.contains("learning rate (log scale)")); // the text plot
        const std::vector<CsvRow> rows = readCurve(csv);
        QVERIFY(rows.size() >= 10 && rows.size() <= 80);
        const double ratio = std::pow(100.0 / 1e-7, 1.0 / 79.0);
        double average = 0;
        int suggested = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].step, int(i) + 1);
            if (i > 0)
                QVERIFY(std::abs(rows[i].rate / rows[i - 1].rate / ratio - 1.0) < 1e-5);
            average = 0.98 * average + 0.02 * rows[i].loss;
            const double expected = average / (1.0 - std::pow(0.98, double(i + 1)));
            QVERIFY(std::abs(rows[i].smoothed - expected) < 1e-5 * std::max(1.0, expected));
            if (rows[i].suggested) {
                ++suggested;
                QCOMPARE(QString::number(rows[i].rate, 'g', 2), rate);
            }
        }
        QCOMPARE(rows.front().rate, 1e-7);
        QCOMPARE(suggested, 1);
    }

    void adamOnTheReferenceMlp()
    {
        if (!neurite::test::mnist10kAvailable())
            QSKIP("mnist-10k is not prepared");
        const ProcessRun run = runNeurite({"lr-find", "--preset", "mlp", "--data", "mnist-10k", "--quiet"});
        QVERIFY2(run.status == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.out.count('\n'), 1); // --quiet: the suggestion alone
        const double rate = suggestedRate(run.out).toDouble();
        QVERIFY2(rate >= 1e-4 && rate <= 3e-2, qPrintable(run.out));
    }

    void aProjectIsLeftAsItWas()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("blobs.neurite");
        const ProcessRun trained = runNeurite(
            {"train", "--data", "blobs", "--epochs", "2", "--quiet", "--out", project});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        const std::string before = neurite::test::readBytes(project.toStdString());
        QVERIFY(!before.empty());
        const ProcessRun run = runNeurite({"lr-find", "--design", project, "--from-weights", "--steps", "30"});
        QVERIFY2(run.status == 0 || run.status == 1, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains("Suggested learning rate: ") || run.out.contains("does not fall"));
        QVERIFY(neurite::test::readBytes(project.toStdString()) == before);
    }

    void badOptionsAreNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("steps") << QStringList{"--steps", "5"} << "--steps must be between 10 and 100000";
        QTest::newRow("range") << QStringList{"--min-lr", "0.1", "--max-lr", "0.01"}
                               << "--max-lr must be above --min-lr";
        QTest::newRow("epochs") << QStringList{"--epochs", "3"} << "--epochs";
    }

    void badOptionsAreNamed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const ProcessRun run = runNeurite(QStringList{"lr-find", "--data", "iris"} + arguments);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void helpListsTheCommand()
    {
        const ProcessRun overview = runNeurite({"help"});
        QVERIFY(overview.out.contains("lr-find"));
        const ProcessRun help = runNeurite({"help", "lr-find"});
        QCOMPARE(help.status, 0);
        QVERIFY(help.out.contains("--max-lr"));
    }
};

QTEST_GUILESS_MAIN(TestLrFindCli)
#include "tst_lrfindcli.moc"
