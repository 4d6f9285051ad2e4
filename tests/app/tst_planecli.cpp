// The generated two-dimensional sets on the command line: data list describes them, train --data spiral
// with its options trains and saves them, eval of the saved model measures the same held-out points, and
// bad options exit naming the option (status 2 for a value the command line refuses, 1 for one the set does).
#include "ProcessRun.h"
#include "TrainOutput.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using neurite::test::accuracyOf;
using neurite::test::ProcessRun;
using neurite::test::runNeurite;
using neurite::test::testRowsOf;

class TestPlaneCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dataListDescribesTheSets()
    {
        const ProcessRun list = runNeurite({"data", "list"});
        QVERIFY2(list.status == 0, qPrintable(list.err));
        QVERIFY(list.out.contains("spiral\t(generated) 2 classes: two interleaved spirals"));
        QVERIFY(list.out.contains("gauss-regression\t(generated) regression"));
        const ProcessRun info = runNeurite({"data", "info", "blobs", "--classes", "4", "--points", "40"});
        QVERIFY2(info.status == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains("4 classes (0 10, 1 10, 2 10, 3 10)"), qPrintable(info.out));
        QVERIFY(info.out.contains("Split: 20 training rows, 20 test rows"));
    }

    void aSavedModelIsEvaluatedOnItsOwnTestPoints()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("spiral.neurite");
        const ProcessRun trained = runNeurite({"train", "--data", "spiral", "--points", "300", "--noise", "0.1",
                                               "--data-seed", "4", "--test-split", "0.4", "--quiet", "--out", project});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QCOMPARE(testRowsOf(trained.out), QString("120"));
        QVERIFY(accuracyOf(trained.out).chopped(1).toDouble() >= 85);
        const ProcessRun evaluated = runNeurite({"eval", project});
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        QCOMPARE(testRowsOf(evaluated.out), QString("120"));
        QCOMPARE(accuracyOf(evaluated.out), accuracyOf(trained.out));
    }

    void badOptionsNameTheOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("status");
        QTest::newRow("noise") << QStringList{"--noise", "0.7"} << "noise must be between 0 and 0.5" << 1;
        QTest::newRow("points") << QStringList{"--points", "1"} << "--points must be between 2 and 100000" << 2;
        QTest::newRow("classes") << QStringList{"--classes", "6"} << "--classes must be between 3 and 5" << 2;
        QTest::newRow("test split") << QStringList{"--test-split", "0.01"}
                                    << "the test split of a generated set must be between 0.05 and 0.95" << 1;
    }

    void badOptionsNameTheOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(int, status);
        const ProcessRun run = runNeurite(QStringList{"train", "--data", "blobs", "--quiet"} + arguments);
        QCOMPARE(run.status, status);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestPlaneCli)
#include "tst_planecli.moc"
