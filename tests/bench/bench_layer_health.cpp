// What collecting layer health costs training: the reference MLP (five epochs) and LeNet (one) on mnist-10k,
// with collection off, on (its automatic rate) and every 10 batches, in alternating runs so that a busy machine slows
// both alike; prints the median and the fastest training time of each and the slowdowns. Run by hand; never a CTest
// test. Usage: bench_layer_health [ROUNDS] [THREADS]
#include "BenchTiming.h"
#include "neurite/DataSets.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Trainer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using neurite::bench::median;

constexpr int kOftenEvery = 10;

struct Run {
    double seconds = 0; // training time up to the last batch (no test evaluation), paused time excluded
    std::size_t samples = 0;
    std::size_t batches = 0;
};

// The MLP trains an epoch in a fraction of a second: five of them make a time worth comparing.
Run trainOnce(const std::string& presetName, const neurite::Dataset& data, int healthEvery, int threads)
{
    neurite::Network network(*neurite::preset(presetName), 1);
    neurite::TrainingSettings settings;
    settings.epochs = presetName == "mlp" ? 5 : 1;
    settings.batchSize = 32;
    settings.threads = threads;
    settings.healthEvery = healthEvery;
    const neurite::TrainingResult result = neurite::train(network, data, settings);
    return {result.history.batches.back().elapsedSeconds, result.history.health.size(), result.history.batches.size()};
}

void measure(const std::string& presetName, const neurite::Dataset& data, int rounds, int threads)
{
    trainOnce(presetName, data, -1, threads); // warm-up: caches, allocations, the thread pool
    std::vector<double> off, on, often;
    Run last, oftenRun;
    for (int r = 0; r < rounds; ++r) {
        // Alternating, each order in turn, so that neither mode always runs first.
        const bool onFirst = r % 2 == 1;
        if (onFirst)
            on.push_back((last = trainOnce(presetName, data, 0, threads)).seconds);
        off.push_back(trainOnce(presetName, data, -1, threads).seconds);
        if (!onFirst)
            on.push_back((last = trainOnce(presetName, data, 0, threads)).seconds);
        often.push_back((oftenRun = trainOnce(presetName, data, kOftenEvery, threads)).seconds);
    }
    const double offMedian = median(off), onMedian = median(on);
    // The fastest run of each mode is the one other processes disturbed least: on a shared machine its ratio is
    // the steadier figure.
    const double offBest = *std::min_element(off.begin(), off.end()), onBest = *std::min_element(on.begin(), on.end());
    std::printf("  %-6s median: off %7.3f s  on %7.3f s  slowdown %+5.1f%%   fastest: off %7.3f s  on %7.3f s  "
                "slowdown %+5.1f%%   (%zu samples in %zu batches)\n",
                presetName.c_str(), offMedian, onMedian, 100.0 * (onMedian / offMedian - 1.0), offBest, onBest,
                100.0 * (onBest / offBest - 1.0), last.samples, last.batches);
    // A run's few automatic samples cost less than the noise of a shared machine; sampling every kOftenEvery
    // batches makes the cost of one sample (cold caches afterwards included) large enough to measure, and from
    // it what the automatic rate's samples cost.
    const double perSample = (median(often) - offMedian) / double(oftenRun.samples);
    std::printf("  %-6s every %d batches: %zu samples, %.2f ms per sample; the automatic rate's %zu samples cost "
                "%+.1f%%\n",
                presetName.c_str(), kOftenEvery, oftenRun.samples, 1000.0 * perSample, last.samples,
                100.0 * perSample * double(last.samples) / offMedian);
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 && std::atoi(argv[1]) > 0 ? std::atoi(argv[1]) : 5;
    const int threads = argc > 2 && std::atoi(argv[2]) >= 0 ? std::atoi(argv[2]) : 0;
    neurite::Dataset data = neurite::loadDataset("mnist-10k");
    data.test = {}; // the final test evaluation is the same with and without collection: left out
    std::printf("Layer health collection on mnist-10k: mlp 5 epochs, lenet 1, batch 32, %d thread(s) (0 = all cores),\n"
                "median of %d alternating runs per mode\n",
                threads, rounds);
    for (const char* presetName : {"mlp", "lenet"})
        measure(presetName, data, rounds, threads);
    return 0;
}
