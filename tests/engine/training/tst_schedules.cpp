// Tests for the learning-rate schedules and the range checks on training settings.
#include <QtTest>

#include "neurite/Error.h"
#include "ErrorCapture.h"
#include "neurite/TrainingSettings.h"

#include <cmath>
#include <functional>

using namespace neurite;
using neurite::test::errorOf;

namespace {

ScheduleSettings schedule(const char* kind)
{
    ScheduleSettings s;
    s.kind = kind;
    return s;
}

} // namespace

class TestSchedules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constantKeepsTheBase();
    void stepDecaysEveryStepEpochs();
    void cosineRunsFromBaseToMinimum();
    void cosineWithOneEpochStaysAtBase();
    void unknownScheduleThrows();
    void defaultSettingsAreValid();
    void rejectsBadTrainingSettings_data();
    void rejectsBadTrainingSettings();
};

void TestSchedules::constantKeepsTheBase()
{
    for (int epoch : {0, 1, 7, 99})
        QCOMPARE(scheduledLearningRate(schedule("constant"), 0.01f, epoch, 100), 0.01f);
}

// base 0.1, gamma 0.5, every 3 epochs: epochs 0-2 -> 0.1, 3-5 -> 0.05, 6-8 -> 0.025, 9 -> 0.0125.
void TestSchedules::stepDecaysEveryStepEpochs()
{
    ScheduleSettings s = schedule("step");
    s.stepEpochs = 3;
    s.gamma = 0.5f;
    const float expected[] = {0.1f, 0.1f, 0.1f, 0.05f, 0.05f, 0.05f, 0.025f, 0.025f, 0.025f, 0.0125f};
    for (int epoch = 0; epoch < 10; ++epoch)
        QCOMPARE(scheduledLearningRate(s, 0.1f, epoch, 10), expected[epoch]);
    // gamma 0.1 every 2 epochs: epoch 5 -> 1 * 0.1^2 = 0.01.
    s.stepEpochs = 2;
    s.gamma = 0.1f;
    QCOMPARE(scheduledLearningRate(s, 1.0f, 5, 10), 0.01f);
}

// base 0.1, min 0.01, 5 epochs: lr = 0.01 + 0.09 * (1 + cos(pi * epoch / 4)) / 2
//   epoch 0: 0.1; 1: 0.01 + 0.09 * 0.8535534 = 0.08681981; 2: 0.055; 3: 0.01 + 0.09 * 0.1464466
//   = 0.02318019; 4 (last): 0.01. Later epochs stay at the minimum.
void TestSchedules::cosineRunsFromBaseToMinimum()
{
    ScheduleSettings s = schedule("cosine");
    s.minLearningRate = 0.01f;
    const float expected[] = {0.1f, 0.08681981f, 0.055f, 0.02318019f, 0.01f};
    for (int epoch = 0; epoch < 5; ++epoch) {
        const float lr = scheduledLearningRate(s, 0.1f, epoch, 5);
        QVERIFY2(std::abs(lr - expected[epoch]) <= 1e-6f * expected[epoch],
                 qPrintable(QStringLiteral("epoch %1: %2").arg(epoch).arg(double(lr), 0, 'g', 9)));
    }
    QCOMPARE(scheduledLearningRate(s, 0.1f, 7, 5), 0.01f);
    // The default floor is 0: the last epoch gets exactly 0 and the middle one half the base.
    s.minLearningRate = 0.0f;
    QCOMPARE(scheduledLearningRate(s, 0.1f, 9, 10), 0.0f);
    QCOMPARE(scheduledLearningRate(s, 0.2f, 2, 5), 0.1f);
}

void TestSchedules::cosineWithOneEpochStaysAtBase()
{
    ScheduleSettings s = schedule("cosine");
    s.minLearningRate = 0.001f;
    QCOMPARE(scheduledLearningRate(s, 0.1f, 0, 1), 0.1f);
    // Two epochs: the first at base, the second at the floor.
    QCOMPARE(scheduledLearningRate(s, 0.1f, 1, 2), 0.001f);
}

void TestSchedules::unknownScheduleThrows()
{
    QCOMPARE(errorOf([] { scheduledLearningRate(schedule("linear"), 0.1f, 0, 10); }),
             QString("schedule: unknown kind 'linear' (choose constant, step or cosine)"));
}

void TestSchedules::defaultSettingsAreValid()
{
    TrainingSettings t;
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
    t.validationSplit = 0.9f;
    t.threads = 4;
    t.earlyStoppingPatience = 3;
    t.schedule.kind = "cosine";
    t.schedule.minLearningRate = t.optimizer.learningRate;
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
}

void TestSchedules::rejectsBadTrainingSettings_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epochs") << 0 << "epochs must be at least 1 (got 0)";
    QTest::newRow("batch size") << 1 << "batch size must be at least 1 (got 0)";
    QTest::newRow("validation split high") << 2 << "validation split must be in [0, 0.9] (got 0.95)";
    QTest::newRow("validation split negative") << 3 << "validation split must be in [0, 0.9] (got -0.1)";
    QTest::newRow("threads") << 4 << "threads must be at least 0 (got -1)";
    QTest::newRow("patience") << 5 << "early stopping patience must be at least 0 (got -2)";
    QTest::newRow("schedule kind") << 6 << "schedule: unknown kind 'exp' (choose constant, step or cosine)";
    QTest::newRow("step epochs") << 7 << "schedule step epochs must be at least 1 (got 0)";
    QTest::newRow("gamma zero") << 8 << "schedule gamma must be in (0, 1] (got 0)";
    QTest::newRow("gamma above one") << 9 << "schedule gamma must be in (0, 1] (got 1.5)";
    QTest::newRow("minimum learning rate") << 10 << "schedule minimum learning rate must be >= 0 and finite (got -1)";
    QTest::newRow("cosine floor above base")
        << 11 << "schedule minimum learning rate (0.1) must not exceed the learning rate (0.001)";
    QTest::newRow("optimizer learning rate") << 12 << "learning rate must be > 0 and finite (got -1)";
    QTest::newRow("image size half given")
        << 13 << "image size must be 1 to 4096 pixels a side, or 0x0 for the most common size (got 0x32)";
    QTest::newRow("image size too large")
        << 14 << "image size must be 1 to 4096 pixels a side, or 0x0 for the most common size (got 5000x32)";
    QTest::newRow("image channels") << 15
                                    << "image channels must be 1 (grey), 3 (RGB) or 0 (chosen from the data), not 2";
    QTest::newRow("image test split") << 16 << "image test split must be in [0, 0.9] (got 0.95)";
}

void TestSchedules::rejectsBadTrainingSettings()
{
    QFETCH(int, index);
    QFETCH(QString, expected);
    const std::function<void(TrainingSettings&)> breakers[] = {
        [](TrainingSettings& t) { t.epochs = 0; },
        [](TrainingSettings& t) { t.batchSize = 0; },
        [](TrainingSettings& t) { t.validationSplit = 0.95f; },
        [](TrainingSettings& t) { t.validationSplit = -0.1f; },
        [](TrainingSettings& t) { t.threads = -1; },
        [](TrainingSettings& t) { t.earlyStoppingPatience = -2; },
        [](TrainingSettings& t) { t.schedule.kind = "exp"; },
        [](TrainingSettings& t) { t.schedule.stepEpochs = 0; },
        [](TrainingSettings& t) { t.schedule.gamma = 0.0f; },
        [](TrainingSettings& t) { t.schedule.gamma = 1.5f; },
        [](TrainingSettings& t) { t.schedule.minLearningRate = -1.0f; },
        [](TrainingSettings& t) {
            t.schedule.kind = "cosine";
            t.schedule.minLearningRate = 0.1f;
        },
        [](TrainingSettings& t) { t.optimizer.learningRate = -1.0f; },
        [](TrainingSettings& t) { t.image.rows = 32; },
        [](TrainingSettings& t) {
            t.image = {32, 5000, 0, 0.2f};
        },
        [](TrainingSettings& t) { t.image.channels = 2; },
        [](TrainingSettings& t) { t.image.testSplit = 0.95f; },
    };
    TrainingSettings t;
    breakers[index](t);
    QCOMPARE(errorOf([&] { validateSettings(t); }), expected);
}

QTEST_APPLESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
