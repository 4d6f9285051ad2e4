// Tests for the optimisers: golden values from PyTorch, steps computed by hand, convergence, validation.
#include <QtTest>

#include "training/Optimizer.h"
#include "ErrorCapture.h"
#include "neurite/Error.h"
#include "neurite/TrainingSettings.h"

#include <cmath>
#include <cstdint>
#include <functional>

using namespace neurite;
using neurite::test::errorOf;

namespace {

constexpr int kSteps = 4;
constexpr int kSize = 6; // a 2x3 parameter

// The fixed problem the golden values were computed on (kept identical in optimizer_reference.py).
constexpr float kInitialWeights[kSize] = {0.5f, -1.25f, 2.0f, -0.75f, 1.5f, 0.25f};
constexpr float kGrads[kSteps][kSize] = {
    {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f},
    {0.25f, 0.125f, -0.5f, 0.75f, -0.25f, 0.0625f},
    {-0.3f, 0.6f, 0.2f, 0.1f, -0.9f, 0.4f},
    {0.05f, -0.15f, -0.35f, 0.45f, 0.2f, -0.8f},
};
// step() gets base * factor, as a schedule would hand it.
constexpr float kLrFactors[kSteps] = {1.0f, 1.0f, 0.5f, 0.5f};

// The weights after each step, printed by tests/engine/reference/optimizer_reference.py with PyTorch 1.13
// (Debian python3-torch 1.13.1, torch.optim.SGD / Adam / AdamW / RMSprop, foreach=False).
constexpr float kSgdPlain[kSteps][kSize] = {
    {0.49000001f, -1.23000002f, 1.97000003f, -0.709999979f, 1.45000005f, 0.310000002f},
    {0.465000004f, -1.24250007f, 2.01999998f, -0.784999967f, 1.47500002f, 0.303750008f},
    {0.480000019f, -1.27250004f, 2.00999999f, -0.789999962f, 1.51999998f, 0.283749998f},
    {0.477500021f, -1.26499999f, 2.02749991f, -0.81249994f, 1.50999999f, 0.323749989f},
};
constexpr float kSgdMomentum[kSteps][kSize] = {
    {0.49000001f, -1.23000002f, 1.97000003f, -0.709999979f, 1.45000005f, 0.310000002f},
    {0.456f, -1.22450006f, 1.99300003f, -0.748999953f, 1.43000007f, 0.357749999f},
    {0.45570001f, -1.25202501f, 1.99335003f, -0.77154994f, 1.46600008f, 0.359237492f},
    {0.452930003f, -1.26929748f, 2.01116514f, -0.814344943f, 1.4884001f, 0.400576234f},
};
constexpr float kSgdNesterov[kSteps][kSize] = {
    {0.481000006f, -1.21200001f, 1.94299996f, -0.674000025f, 1.40499997f, 0.363999993f},
    {0.425400019f, -1.21955001f, 2.01370001f, -0.784099996f, 1.41199994f, 0.400725007f},
    {0.440130025f, -1.27432251f, 2.00401497f, -0.809395015f, 1.48939991f, 0.382063746f},
    {0.435137033f, -1.28236771f, 2.03754854f, -0.870410502f, 1.49955988f, 0.45926863f},
};
constexpr float kSgdWeightDecay[kSteps][kSize] = {
    {0.484999985f, -1.21749997f, 1.95000005f, -0.702499986f, 1.43499994f, 0.307500005f},
    {0.447649986f, -1.20157492f, 1.95550001f, -0.746724963f, 1.41314995f, 0.326925009f},
    {0.451074243f, -1.22158575f, 1.93709755f, -0.759047568f, 1.44562173f, 0.31014663f},
    {0.448031008f, -1.21798325f, 1.93571079f, -0.783913672f, 1.44462955f, 0.340206712f},
};
constexpr float kAdam[kSteps][kSize] = {
    {0.49000001f, -1.24000001f, 1.99000001f, -0.74000001f, 1.49000001f, 0.25999999f},
    {0.48060295f, -1.23826408f, 1.99293566f, -0.74341464f, 1.48733664f, 0.265893131f},
    {0.480555385f, -1.24099183f, 1.9929719f, -0.74509877f, 1.48950779f, 0.2660245f},
    {0.480158806f, -1.24250913f, 1.99443352f, -0.747672915f, 1.49071598f, 0.268252432f},
};
constexpr float kAdamWeightDecay[kSteps][kSize] = {
    {0.49006623f, -1.24003065f, 1.99001992f, -0.74002099f, 1.49001539f, 0.259982646f},
    {0.480281293f, -1.23378086f, 1.98868883f, -0.742828608f, 1.48500955f, 0.264999568f},
    {0.479579628f, -1.23543048f, 1.98629212f, -0.743955314f, 1.48648536f, 0.264364004f},
    {0.478288502f, -1.23512387f, 1.98520911f, -0.746140182f, 1.48643541f, 0.266501456f},
};
constexpr float kAdamW[kSteps][kSize] = {
    {0.489500016f, -1.23874998f, 1.98800004f, -0.739250004f, 1.4885f, 0.259750009f},
    {0.479613453f, -1.23577535f, 1.98894775f, -0.741925418f, 1.48434818f, 0.265383393f},
    {0.479326069f, -1.23788524f, 1.98798943f, -0.743238568f, 1.48577714f, 0.265382051f},
    {0.47868982f, -1.2387836f, 1.98845696f, -0.745441079f, 1.48624241f, 0.267477274f},
};
constexpr float kRmsProp[kSteps][kSize] = {
    {0.400000036f, -1.14999998f, 1.89999998f, -0.649999976f, 1.39999998f, 0.350000024f},
    {0.307088256f, -1.20319152f, 1.98586297f, -0.738333166f, 1.44490135f, 0.339587778f},
    {0.344393373f, -1.24977899f, 1.96954846f, -0.74421066f, 1.48748136f, 0.311764419f},
    {0.338192761f, -1.23838162f, 1.99443567f, -0.767681897f, 1.47813892f, 0.349039733f},
};
constexpr float kRmsPropWeightDecay[kSteps][kSize] = {
    {0.468377888f, -1.21837759f, 1.96837747f, -0.718377411f, 1.46837735f, 0.281622589f},
    {0.439862788f, -1.21870196f, 1.98540711f, -0.744715631f, 1.47359514f, 0.276437968f},
    {0.449886858f, -1.23218942f, 1.97595072f, -0.745237887f, 1.48601365f, 0.266447693f},
    {0.446081668f, -1.22496343f, 1.97965634f, -0.752444863f, 1.48035252f, 0.278612673f},
};

constexpr float kRelativeTolerance = 1e-6f;

OptimizerSettings settingsFor(const char* kind, float lr)
{
    OptimizerSettings s;
    s.kind = kind;
    s.learningRate = lr;
    return s;
}

// The configurations of optimizer_reference.py, in the same order.
struct GoldenCase {
    const char* name;
    OptimizerSettings settings;
    const float (*golden)[kSize];
};

std::vector<GoldenCase> goldenCases()
{
    std::vector<GoldenCase> cases;
    auto add = [&](const char* name, OptimizerSettings s, const float(*golden)[kSize]) {
        cases.push_back({name, s, golden});
    };
    add("sgd plain", settingsFor("sgd", 0.1f), kSgdPlain);
    OptimizerSettings s = settingsFor("sgd", 0.1f);
    s.momentum = 0.9f;
    add("sgd momentum", s, kSgdMomentum);
    s.nesterov = true;
    add("sgd nesterov", s, kSgdNesterov);
    s = settingsFor("sgd", 0.1f);
    s.momentum = 0.5f;
    s.weightDecay = 0.1f;
    add("sgd weight decay", s, kSgdWeightDecay);
    add("adam", settingsFor("adam", 0.01f), kAdam);
    s = settingsFor("adam", 0.01f);
    s.beta1 = 0.8f;
    s.beta2 = 0.99f;
    s.epsilon = 1e-3f;
    s.weightDecay = 0.1f;
    add("adam weight decay", s, kAdamWeightDecay);
    s = settingsFor("adamw", 0.01f);
    s.weightDecay = 0.1f;
    add("adamw", s, kAdamW);
    add("rmsprop", settingsFor("rmsprop", 0.01f), kRmsProp);
    s = settingsFor("rmsprop", 0.01f);
    s.rho = 0.9f;
    s.epsilon = 1e-6f;
    s.weightDecay = 0.1f;
    add("rmsprop weight decay", s, kRmsPropWeightDecay);
    return cases;
}

// One 2x3 parameter with its gradient, as a layer would hand them to the optimiser.
struct SmallParameter {
    Matrix value = Matrix(2, 3);
    Matrix grad = Matrix(2, 3);
    SmallParameter() { std::copy(kInitialWeights, kInitialWeights + kSize, value.data()); }
    std::vector<ParameterRef> refs() { return {{"p.weight", &value, &grad}}; }
    void setGrad(int step) { std::copy(kGrads[step], kGrads[step] + kSize, grad.data()); }
};

// Runs the reference problem, returning the weights after `steps` steps.
Matrix runSteps(const OptimizerSettings& settings, int steps)
{
    auto optimizer = makeOptimizer(settings);
    SmallParameter p;
    for (int step = 0; step < steps; ++step) {
        p.setGrad(step);
        optimizer->step(p.refs(), settings.learningRate * kLrFactors[step]);
    }
    return p.value;
}

bool closeTo(float actual, float expected)
{
    return std::abs(actual - expected) <= kRelativeTolerance * std::abs(expected);
}

// Deterministic pseudo-random values in [-1, 1) (a 64-bit LCG), for the large-parameter test.
void fillPseudoRandom(Matrix& m, std::uint64_t seed)
{
    for (long i = 0; i < m.size(); ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        m.data()[i] = float(seed >> 40) / float(1 << 23) - 1.0f;
    }
}

} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesPyTorch_data();
    void matchesPyTorch();
    void firstStepsByHand();
    void stateIsKeptPerParameter();
    void largeParameterMatchesSmallOne();
    void minimisesQuadratic_data();
    void minimisesQuadratic();
    void rejectsBadSettings_data();
    void rejectsBadSettings();
    void validateSettingsChecksTheOptimizer();
};

void TestOptimizers::matchesPyTorch_data()
{
    QTest::addColumn<int>("index");
    const auto cases = goldenCases();
    for (int i = 0; i < int(cases.size()); ++i)
        QTest::newRow(cases[i].name) << i;
}

void TestOptimizers::matchesPyTorch()
{
    QFETCH(int, index);
    const GoldenCase c = goldenCases()[index];
    auto optimizer = makeOptimizer(c.settings);
    SmallParameter p;
    for (int step = 0; step < kSteps; ++step) {
        p.setGrad(step);
        optimizer->step(p.refs(), c.settings.learningRate * kLrFactors[step]);
        for (int i = 0; i < kSize; ++i) {
            const float actual = p.value.data()[i];
            const float expected = c.golden[step][i];
            QVERIFY2(closeTo(actual, expected), qPrintable(QStringLiteral("step %1 element %2: %3 vs PyTorch %4")
                                                               .arg(step + 1)
                                                               .arg(i)
                                                               .arg(double(actual), 0, 'g', 9)
                                                               .arg(double(expected), 0, 'g', 9)));
        }
    }
}

// Element 0 starts at w = 0.5 with gradients 0.1 then 0.25; the numbers below are worked by hand.
void TestOptimizers::firstStepsByHand()
{
    auto element0 = [](const OptimizerSettings& s, int steps) { return runSteps(s, steps)(0, 0); };

    // Plain SGD, lr 0.1: w = 0.5 - 0.1 * 0.1 = 0.49.
    QVERIFY(closeTo(element0(settingsFor("sgd", 0.1f), 1), 0.49f));

    // Momentum 0.9: v1 = g1 = 0.1 -> w1 = 0.49; v2 = 0.9 * 0.1 + 0.25 = 0.34 -> w2 = 0.49 - 0.034 = 0.456.
    OptimizerSettings s = settingsFor("sgd", 0.1f);
    s.momentum = 0.9f;
    QVERIFY(closeTo(element0(s, 2), 0.456f));

    // Nesterov: v1 = 0.1, update = g + m * v = 0.1 + 0.09 = 0.19 -> w = 0.5 - 0.019 = 0.481.
    s.nesterov = true;
    QVERIFY(closeTo(element0(s, 1), 0.481f));

    // L2 weight decay 0.1, momentum 0.5: g = 0.1 + 0.1 * 0.5 = 0.15 = v1 -> w1 = 0.5 - 0.015 = 0.485;
    // g2 = 0.25 + 0.1 * 0.485 = 0.2985, v2 = 0.5 * 0.15 + 0.2985 = 0.3735 -> w2 = 0.485 - 0.03735 = 0.44765.
    s = settingsFor("sgd", 0.1f);
    s.momentum = 0.5f;
    s.weightDecay = 0.1f;
    QVERIFY(closeTo(element0(s, 1), 0.485f));
    QVERIFY(closeTo(element0(s, 2), 0.44765f));

    // Adam, step 1: m = 0.1 g, v = 0.001 g^2, so mhat = g, vhat = g^2 and w = 0.5 - 0.01 * g / (|g| + 1e-8)
    // = 0.5 - 0.01 * (1 - 1e-7) = 0.490000001.
    QVERIFY(closeTo(element0(settingsFor("adam", 0.01f), 1), 0.490000001f));

    // AdamW, weight decay 0.1: w = 0.5 * (1 - 0.01 * 0.1) = 0.4995, then the Adam step of 0.01 -> 0.4895.
    s = settingsFor("adamw", 0.01f);
    s.weightDecay = 0.1f;
    QVERIFY(closeTo(element0(s, 1), 0.4895f));

    // RMSprop, rho 0.99: s = 0.01 g^2, sqrt(s) = 0.1 |g| -> w = 0.5 - 0.01 * 0.1 / (0.01 + 1e-8) = 0.4000001.
    QVERIFY(closeTo(element0(settingsFor("rmsprop", 0.01f), 1), 0.4000001f));
}

// Moments belong to positions in the parameter list: two parameters updated together end where each
// would end alone.
void TestOptimizers::stateIsKeptPerParameter()
{
    const OptimizerSettings settings = settingsFor("adam", 0.01f);
    SmallParameter a, b;
    Matrix bias = Matrix::Constant(1, 3, 0.3f), biasGrad(1, 3);
    auto together = makeOptimizer(settings);
    auto alone = makeOptimizer(settings);
    auto biasAlone = makeOptimizer(settings);
    Matrix biasCopy = bias;
    for (int step = 0; step < kSteps; ++step) {
        a.setGrad(step);
        b.setGrad(step);
        biasGrad << float(step) - 1.5f, 0.5f, -0.25f * float(step);
        std::vector<ParameterRef> both = {{"a.weight", &a.value, &a.grad}, {"a.bias", &bias, &biasGrad}};
        together->step(both, 0.01f);
        alone->step(b.refs(), 0.01f);
        biasAlone->step({{"bias", &biasCopy, &biasGrad}}, 0.01f);
    }
    QVERIFY(a.value == b.value);
    QVERIFY(bias == biasCopy);
}

// 300x300 = 90,000 elements takes the threaded path; the first 4096 and last 1000 elements, run as small
// parameters on the calling thread, must end the same.
void TestOptimizers::largeParameterMatchesSmallOne()
{
    for (const char* kind : {"sgd", "adam", "adamw", "rmsprop"}) {
        OptimizerSettings s = settingsFor(kind, 0.01f);
        s.momentum = 0.9f;
        s.weightDecay = 0.01f;
        Matrix big(300, 300), bigGrad(300, 300);
        fillPseudoRandom(big, 7);
        Matrix head = Eigen::Map<Matrix>(big.data(), 64, 64), headGrad(64, 64);
        Matrix tail = Eigen::Map<Matrix>(big.data() + big.size() - 1000, 1, 1000), tailGrad(1, 1000);
        auto bigOptimizer = makeOptimizer(s);
        auto headOptimizer = makeOptimizer(s);
        auto tailOptimizer = makeOptimizer(s);
        for (int step = 0; step < 3; ++step) {
            fillPseudoRandom(bigGrad, 100 + step);
            headGrad = Eigen::Map<Matrix>(bigGrad.data(), 64, 64);
            tailGrad = Eigen::Map<Matrix>(bigGrad.data() + bigGrad.size() - 1000, 1, 1000);
            bigOptimizer->step({{"big", &big, &bigGrad}}, 0.01f);
            headOptimizer->step({{"head", &head, &headGrad}}, 0.01f);
            tailOptimizer->step({{"tail", &tail, &tailGrad}}, 0.01f);
        }
        for (long i = 0; i < head.size(); ++i)
            QVERIFY2(closeTo(big.data()[i], head.data()[i]), kind);
        for (long i = 0; i < tail.size(); ++i)
            QVERIFY2(closeTo(big.data()[big.size() - 1000 + i], tail.data()[i]), kind);
    }
}

void TestOptimizers::minimisesQuadratic_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<float>("lr");
    QTest::newRow("sgd") << "sgd" << 0.1f;
    QTest::newRow("sgd nesterov") << "sgd" << 0.05f;
    QTest::newRow("adam") << "adam" << 0.05f;
    QTest::newRow("adamw") << "adamw" << 0.05f;
    QTest::newRow("rmsprop") << "rmsprop" << 0.05f;
}

// f(w) = 1/2 sum a_i (w_i - c_i)^2 with curvatures a spanning 20x; gradient a * (w - c). The learning rate
// follows a cosine schedule to zero, under which every optimiser must settle at c.
void TestOptimizers::minimisesQuadratic()
{
    QFETCH(QString, kind);
    QFETCH(float, lr);
    OptimizerSettings s = settingsFor(kind.toStdString().c_str(), lr);
    if (QByteArray(QTest::currentDataTag()) == "sgd nesterov") {
        s.momentum = 0.9f;
        s.nesterov = true;
    }
    ScheduleSettings schedule;
    schedule.kind = "cosine";
    constexpr int kIterations = 600;

    Matrix w(2, 3), dW(2, 3), a(2, 3), c(2, 3);
    w << 3.0f, -2.0f, 1.0f, 0.0f, 4.0f, -1.0f;
    a << 0.5f, 0.75f, 1.0f, 2.0f, 5.0f, 10.0f;
    c << 1.0f, 2.0f, -3.0f, 0.5f, -0.5f, 0.25f;
    auto optimizer = makeOptimizer(s);
    for (int i = 0; i < kIterations; ++i) {
        dW = a.cwiseProduct(w - c);
        optimizer->step({{"w", &w, &dW}}, scheduledLearningRate(schedule, lr, i, kIterations));
    }
    const float error = (w - c).cwiseAbs().maxCoeff();
    QVERIFY2(error < 1e-3f, qPrintable(QStringLiteral("max |w - c| = %1").arg(double(error))));
}

void TestOptimizers::rejectsBadSettings_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("learning rate") << "learningRate" << -1.0f << "learning rate must be > 0 and finite (got -1)";
    QTest::newRow("learning rate nan") << "learningRate" << NAN << "learning rate must be > 0 and finite (got nan)";
    QTest::newRow("momentum") << "momentum" << 1.0f << "momentum must be in [0, 1) (got 1)";
    QTest::newRow("beta1") << "beta1" << 1.0f << "beta1 must be in [0, 1) (got 1)";
    QTest::newRow("beta2") << "beta2" << -0.5f << "beta2 must be in [0, 1) (got -0.5)";
    QTest::newRow("epsilon") << "epsilon" << 0.0f << "epsilon must be > 0 and finite (got 0)";
    QTest::newRow("rho") << "rho" << 1.5f << "rho must be in [0, 1) (got 1.5)";
    QTest::newRow("weight decay") << "weightDecay" << -0.1f << "weight decay must be >= 0 and finite (got -0.1)";
}

void TestOptimizers::rejectsBadSettings()
{
    QFETCH(QString, field);
    QFETCH(float, value);
    QFETCH(QString, expected);
    OptimizerSettings s;
    s.kind = "sgd";
    if (field == "learningRate")
        s.learningRate = value;
    if (field == "momentum")
        s.momentum = value;
    if (field == "beta1")
        s.beta1 = value;
    if (field == "beta2")
        s.beta2 = value;
    if (field == "epsilon")
        s.epsilon = value;
    if (field == "rho")
        s.rho = value;
    if (field == "weightDecay")
        s.weightDecay = value;
    QCOMPARE(errorOf([&] { makeOptimizer(s); }), expected);
}

void TestOptimizers::validateSettingsChecksTheOptimizer()
{
    TrainingSettings t;
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
    for (const char* kind : {"sgd", "adam", "adamw", "rmsprop"}) {
        t.optimizer.kind = kind;
        QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
        QVERIFY(makeOptimizer(t.optimizer) != nullptr);
    }

    t.optimizer.kind = "adamx";
    const QString unknown = "optimizer: unknown kind 'adamx' (choose sgd, adam, adamw or rmsprop)";
    QCOMPARE(errorOf([&] { validateSettings(t); }), unknown);
    QCOMPARE(errorOf([&] { makeOptimizer(t.optimizer); }), unknown);

    t.optimizer.kind = "sgd";
    t.optimizer.nesterov = true;
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString("nesterov needs momentum > 0 (got 0)"));
    t.optimizer.momentum = 0.9f;
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
    // Only SGD reads the Nesterov flag, so a leftover tick does not block Adam.
    t.optimizer.momentum = 0.0f;
    t.optimizer.kind = "adam";
    QCOMPARE(errorOf([&] { validateSettings(t); }), QString());
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
