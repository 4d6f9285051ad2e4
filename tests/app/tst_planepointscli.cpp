// The two-dimensional sets' features and the user's own points on the command line: --features changes the
// Input's width (the parameter count) and lets a design without a hidden layer learn circle; --points-file
// trains the points as the painted set, whose saved project evaluates the same test points without the file;
// data list and info know the set; bad features and a points file for another set are refused by name.
#include "FileBytes.h"
#include "ProcessRun.h"
#include "TrainOutput.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using neurite::test::accuracyOf;
using neurite::test::ProcessRun;
using neurite::test::runNeurite;
using neurite::test::testRowsOf;

namespace {

// 240 points: "inner" within radius 2 of the origin, "outer" from 3 to 5, on a deterministic spiral of angles.
std::string ringPoints()
{
    std::string csv = "x,y,where\n";
    for (int i = 0; i < 240; ++i) {
        const double angle = i * 2.399963, radius = i % 2 ? 3 + 2.0 * (i % 7) / 6 : 2.0 * (i % 5) / 4;
        csv += std::to_string(radius * std::cos(angle)) + "," + std::to_string(radius * std::sin(angle)) + "," +
               (i % 2 ? "outer" : "inner") + "\n";
    }
    return csv;
}

} // namespace

class TestPlanePointsCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void featuresSetTheInputWidth()
    {
        // The chosen design: inputs -> 16 tanh -> 16 tanh -> 2 softmax, so 16 * (inputs + 1) + 272 + 34.
        const std::vector<std::pair<QString, int>> choices = {{"x1,x2", 2},
                                                              {"x1,x2,x1^2", 3},
                                                              {"x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", 7}};
        for (const auto& choice : choices) {
            const int inputs = choice.second;
            const ProcessRun run = runNeurite(
                {"train", "--data", "circle", "--features", choice.first, "--epochs", "1"});
            QVERIFY2(run.status == 0, qPrintable(run.err));
            const QString expected = QString("Training %1 parameters").arg(16 * (inputs + 1) + 272 + 34);
            QVERIFY2(run.out.contains(expected), qPrintable(run.out));
        }
    }

    void theSquaresLetALogisticRegressionLearnCircle()
    {
        const ProcessRun plain = runNeurite({"train", "--data", "circle", "--preset", "logistic", "--quiet"});
        QVERIFY2(plain.status == 0, qPrintable(plain.err));
        QVERIFY2(accuracyOf(plain.out).chopped(1).toDouble() < 75, qPrintable(plain.out));
        const ProcessRun squares = runNeurite(
            {"train", "--data", "circle", "--preset", "logistic", "--features", "x1^2,x2^2", "--quiet"});
        QVERIFY2(squares.status == 0, qPrintable(squares.err));
        QVERIFY2(accuracyOf(squares.out).chopped(1).toDouble() >= 95, qPrintable(squares.out));
    }

    void aPointsFileTrainsAndTheProjectKeepsItsPoints()
    {
        QTemporaryDir dir;
        const QString points = dir.filePath("rings.csv"), project = dir.filePath("rings.neurite");
        neurite::test::writeBytes(points.toStdString(), ringPoints());
        const ProcessRun info = runNeurite({"data", "info", "--points-file", points});
        QVERIFY2(info.status == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains("2 classes (inner 120, outer 120)"), qPrintable(info.out));
        const ProcessRun trained = runNeurite({"train", "--points-file", points, "--features", "x1,x2,x1^2,x2^2",
                                               "--test-split", "0.25", "--quiet", "--out", project});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QCOMPARE(testRowsOf(trained.out), QString("60"));
        QVERIFY2(accuracyOf(trained.out).chopped(1).toDouble() >= 95, qPrintable(trained.out));
        QVERIFY(QFile::remove(points)); // the project holds the points
        const ProcessRun evaluated = runNeurite({"eval", project});
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        QCOMPARE(testRowsOf(evaluated.out), QString("60"));
        QCOMPARE(accuracyOf(evaluated.out), accuracyOf(trained.out));
        QVERIFY2(evaluated.out.contains("inner") && evaluated.out.contains("outer"), qPrintable(evaluated.out));
        const ProcessRun retrained = runNeurite({"train", "--design", project, "--epochs", "3", "--quiet"});
        QVERIFY2(retrained.status == 0, qPrintable(retrained.err));
        QCOMPARE(testRowsOf(retrained.out), QString("60"));
    }

    void dataListKnowsThePaintedSet()
    {
        const ProcessRun list = runNeurite({"data", "list"});
        QVERIFY2(list.status == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains("painted\t(painted) your own points"), qPrintable(list.out));
    }

    void badOptionsAreRefusedByName_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("status");
        QTest::newRow("feature") << QStringList{"--data", "spiral", "--features", "x1,cos(x1)"}
                                 << "--features: unknown input feature 'cos(x1)'" << 2;
        QTest::newRow("other set") << QStringList{"--data", "spiral", "--points-file", "p.csv"}
                                   << "--points-file gives the points of --data painted, not of --data spiral" << 2;
        QTest::newRow("no points") << QStringList{"--data", "painted"} << "paint at least 4 points" << 1;
        QTest::newRow("missing file") << QStringList{"--points-file", "/nonexistent/p.csv"}
                                      << "There is no file /nonexistent/p.csv" << 1;
    }

    void badOptionsAreRefusedByName()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(int, status);
        const ProcessRun run = runNeurite(QStringList{"train", "--quiet"} + arguments);
        QCOMPARE(run.status, status);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_APPLESS_MAIN(TestPlanePointsCli)
#include "tst_planepointscli.moc"
