// Whether the default thread count (what training uses without --threads) is ever slower than one thread:
// training samples/s of every shipped template (the presets and the playground's) and of the designs Neurite
// picks for an image folder (32x32 RGB), a wide table and a generated plane set, at several batch sizes, at
// 1 thread, 2 threads and the default. The three run in alternating order, round after round, so that a
// busy machine slows each alike; medians. Prints figures; asserts nothing.
//
//   build/tests/bench/bench_threads [ROUNDS] [SECONDS_PER_EPOCH]
#include "BenchData.h"
#include "BenchTiming.h"
#include "neurite/BuiltinTemplates.h"
#include "neurite/DesignForData.h"
#include "neurite/MachineDescription.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace neurite;

namespace {

// Alternating rounds of the same figure differ by about this much on a shared machine: a default within 5% of
// one thread is not counted as slower.
constexpr double kNoise = 0.95;

struct Workload {
    std::string name;
    NetworkSpec spec;
    Dataset data;
    std::vector<int> batches;
};

// Enough samples for an epoch of about `seconds` at a few tens of GFLOP/s, within 2,000 to 100,000.
std::size_t samplesFor(const NetworkSpec& spec, double seconds)
{
    const double perSample = 2.0 * double(std::max(1L, trainingMultiplyAddsPerSample(spec)));
    return std::size_t(std::clamp(seconds * 30e9 / perSample, 2000.0, 100000.0));
}

std::vector<int> batchesWith(int own)
{
    std::vector<int> batches{16, 32, 64, 256};
    if (std::find(batches.begin(), batches.end(), own) == batches.end())
        batches.insert(batches.begin(), own);
    return batches;
}

// Every template fitted to its data: the playground's to their generated set, the others to 28x28 digits.
std::vector<Workload> templateWorkloads(double seconds)
{
    std::vector<Workload> workloads;
    for (const BuiltinTemplate& t : builtinTemplates()) {
        Workload w{t.file, t.design, {}, batchesWith(t.settings ? t.settings->batchSize : 32)};
        const std::size_t samples = samplesFor(t.design, seconds);
        w.data = t.settings && !t.settings->dataSet.empty()
                     ? bench::planeSet(t.settings->dataSet, int(samples), t.settings->plane)
                     : syntheticMnist(samples, 42);
        w.spec = adaptDesignToData(t.design, w.data);
        workloads.push_back(std::move(w));
    }
    return workloads;
}

// The designs Neurite picks when the user gives none.
std::vector<Workload> chosenDesignWorkloads(double seconds)
{
    std::vector<Workload> workloads;
    const auto add = [&](const std::string& name, Dataset probe, auto makeData, std::vector<int> batches) {
        const NetworkSpec spec = designForData(probe);
        workloads.push_back({name, spec, makeData(samplesFor(spec, seconds)), std::move(batches)});
    };
    add(
        "image folder 32x32 RGB (CNN)", bench::syntheticImageFolder(16, 3, 32),
        [](std::size_t n) { return bench::syntheticImageFolder(n, 3, 32); }, batchesWith(32));
    add(
        "table 50 features (MLP)", bench::syntheticTable(100000, 50),
        [](std::size_t n) { return bench::syntheticTable(n, 50); }, batchesWith(256));
    add(
        "spiral (plane design)", bench::planeSet("spiral", 500),
        [](std::size_t n) { return bench::planeSet("spiral", int(n)); }, batchesWith(10));
    return workloads;
}

// Samples/s at 1 thread, 2 threads and the default, medians of `rounds` alternating rounds.
std::vector<double> measure(const Workload& w, int batch, int rounds)
{
    const int threadCounts[3] = {1, 2, 0};
    std::vector<double> rates[3];
    for (int r = 0; r < rounds; ++r)
        for (int k = 0; k < 3; ++k) {
            const int t = (k + r) % 3; // each count first in turn
            rates[t].push_back(trainingThroughput(w.spec, w.data, batch, threadCounts[t], 1));
        }
    return {bench::median(rates[0]), bench::median(rates[1]), bench::median(rates[2])};
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const double seconds = argc > 2 ? std::atof(argv[2]) : 0.3;
    const MachineDescription machine = describeMachine();
    std::printf("Machine: %s, %d hardware threads; %s\n", machine.cpuModel.c_str(), machine.cores,
                machine.simd.c_str());
    std::printf("Training samples/s, medians of %d alternating rounds (one epoch each after a warm-up epoch)\n",
                rounds);
    std::printf("%-34s %6s %9s %12s %12s %12s %9s\n", "design", "batch", "samples", "1 thread", "2 threads", "default",
                "def/1");
    std::vector<Workload> workloads = templateWorkloads(seconds);
    for (Workload& w : chosenDesignWorkloads(seconds))
        workloads.push_back(std::move(w));
    int slower = 0, cases = 0;
    for (const Workload& w : workloads)
        for (int batch : w.batches) {
            const std::vector<double> r = measure(w, batch, rounds);
            const double ratio = r[2] / r[0];
            slower += ratio < kNoise ? 1 : 0;
            ++cases;
            std::printf("%-34s %6d %9zu %12.0f %12.0f %12.0f %8.2fx%s\n", w.name.c_str(), batch, w.data.train.count(),
                        r[0], r[1], r[2], ratio, ratio < kNoise ? "  default slower" : "");
            std::fflush(stdout);
        }
    std::printf("Default slower than 1 thread by more than the rounds' noise (5%%) in %d of %d cases (target: none)\n",
                slower, cases);
    return 0;
}
