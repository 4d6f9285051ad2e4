// Engine benchmarks: medians of repeated runs, warm-up excluded.
#include "neurite/Benchmarks.h"

#include "model/DesignPlan.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"
#include "neurite/Validation.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace neurite {
namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs `pass` again and again for `seconds` and returns the median of its rates in GFLOP/s, `flops` a pass.
template <class Pass>
double medianGflops(double seconds, double flops, Pass pass)
{
    std::vector<double> rates;
    const auto start = std::chrono::steady_clock::now();
    while (secondsSince(start) < seconds) {
        const auto t0 = std::chrono::steady_clock::now();
        pass();
        rates.push_back(flops / secondsSince(t0) / 1e9);
    }
    return median(rates);
}

} // namespace

Dataset syntheticMnist(std::size_t count, std::uint64_t seed)
{
    Dataset d;
    d.name = "synthetic 28x28";
    d.train.rows = d.train.cols = 28;
    d.test.rows = d.test.cols = 28;
    d.train.pixels.resize(count * 784);
    d.train.labels.resize(count);
    std::mt19937_64 rng(seed);
    for (auto& p : d.train.pixels)
        p = std::uint8_t(rng() & 0xff);
    for (auto& l : d.train.labels)
        l = std::uint8_t(rng() % 10);
    for (int c = 0; c < 10; ++c)
        d.classNames.push_back(std::to_string(c));
    return d;
}

double trainingThroughput(const NetworkSpec& spec, const Dataset& data, int batch, int threads, int repeats,
                          const AugmentationSettings& augmentation)
{
    Network network(spec, 1);
    TrainingSettings settings;
    settings.epochs = 1;
    settings.batchSize = batch;
    settings.threads = threads;
    settings.augmentation = augmentation;
    std::vector<double> rates;
    for (int r = 0; r <= repeats; ++r) {
        settings.seed = std::uint64_t(r + 1);
        const TrainingResult result = train(network, data, settings);
        if (r > 0)
            rates.push_back(result.history.epochs.back().samplesPerSecond);
    }
    return median(rates);
}

double inferenceLatencyMicroseconds(const NetworkSpec& spec, const Dataset& data, int calls)
{
    Network network(spec, 1);
    network.setThreads(1);
    const long inputs = network.inputShape().size();
    std::vector<float> input(static_cast<std::size_t>(inputs));
    std::vector<float> output(static_cast<std::size_t>(network.outputSize()));
    std::vector<double> times;
    times.reserve(std::size_t(calls));
    constexpr int kWarmUp = 200;
    for (int i = 0; i < calls + kWarmUp; ++i) {
        const std::uint8_t* image = data.train.image(std::size_t(i) % data.train.count());
        for (long p = 0; p < inputs; ++p)
            input[std::size_t(p)] = float(image[p]) * kPixelScale;
        const auto t0 = std::chrono::steady_clock::now();
        network.predictOne(input.data(), output.data());
        const auto t1 = std::chrono::steady_clock::now();
        if (i >= kWarmUp)
            times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    return median(times);
}

double augmentationMicroseconds(const AugmentationSettings& augmentation, const Shape& shape, int batch, double seconds)
{
    AugmentationSettings on = augmentation;
    on.enabled = true;
    std::mt19937_64 rng(7);
    Matrix pixels(batch, shape.size()); // (batch, C*H*W): a fresh copy of it is augmented each time
    for (float& v : pixels.reshaped())
        v = float(rng() & 0xff) * kPixelScale;
    Matrix work = pixels;
    std::vector<double> times;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; times.size() < 5 || secondsSince(start) < seconds; ++round) {
        work = pixels; // the copy is outside the timing: training augments a freshly gathered batch
        const auto t0 = std::chrono::steady_clock::now();
        augmentBatch(on, shape, work, 1, 0, round);
        times.push_back(secondsSince(t0) * 1e6);
    }
    return median(times);
}

long multiplyAddsPerSample(const NetworkSpec& spec)
{
    return validate(spec).totalMultiplyAdds();
}

long trainingMultiplyAddsPerSample(const NetworkSpec& spec)
{
    // Forward, then backward: the weight gradient, and the input gradient except for layers the Input feeds.
    const DesignPlan plan = compileDesign(spec);
    long total = 0;
    for (const auto& entry : plan.report.layers) {
        const std::string& id = entry.first; // a named copy: clang 14 cannot capture structured bindings
        const bool fedByInput = std::any_of(spec.connections.begin(), spec.connections.end(),
                                            [&](const Connection& c) { return c.to == id && c.from == plan.inputId; });
        total += entry.second.multiplyAdds * (fedByInput ? 2 : 3);
    }
    return total;
}

long peakResidentBytes()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return long(usage.ru_maxrss) * 1024; // Linux reports kilobytes
}

double matrixMultiplyGflops(int n, double seconds)
{
    Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, n), b = Eigen::MatrixXf::Random(n, n), c(n, n);
    c.noalias() = a * b; // warm-up
    return medianGflops(seconds, 2.0 * double(n) * n * n, [&] {
        c.noalias() = a * b;
        a(0, 0) += c(0, 0) * 1e-30f; // keep the product observable
    });
}

double multiplyAddPeakGflops(double seconds)
{
#if defined(__AVX512F__)
    constexpr int kBytes = 64;
#else
    constexpr int kBytes = 32;
#endif
    using Lanes = float __attribute__((vector_size(kBytes)));
    constexpr int kLanes = kBytes / int(sizeof(float));
    // Enough independent chains to cover the multiply-add's latency on every pipe (4 cycles x 2 pipes), few
    // enough to stay in the 16 registers of a build without AVX-512.
    constexpr int kChains = 12;
    constexpr long kSteps = 100'000;
    Lanes sums[kChains] = {};
    const Lanes scale = Lanes{} + 0.999999f, offset = Lanes{} + 1e-6f; // the sums stay near 1: no denormals
    const double rate = medianGflops(seconds, 2.0 * double(kSteps) * kChains * kLanes, [&] {
        for (long step = 0; step < kSteps; ++step)
            for (int c = 0; c < kChains; ++c)
                sums[c] = sums[c] * scale + offset;
    });
    volatile float keep = 0; // keep the sums observable
    for (const Lanes& s : sums)
        keep = keep + s[0];
    return rate;
}

} // namespace neurite
