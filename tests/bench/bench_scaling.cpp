// How training time grows with the data and with the model: the reference MLP (batch 32, default threads) on
// 1,000 to 1,000,000 synthetic 28x28 images, samples/s per epoch and the whole train() call's wall time per
// sample (which would show work outside the epochs' own timer, such as a per-epoch pass that grows with the
// data); then one epoch of 60,000 samples as the MLP's two hidden layers widen from 128 to 1,024 units,
// against the multiply-adds each sample needs. Prints figures; asserts nothing.
//
//   build/tests/bench/bench_scaling [MAX_SAMPLES]
#include "BenchTiming.h"
#include "neurite/Benchmarks.h"
#include "neurite/MachineDescription.h"
#include "neurite/Trainer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

using namespace neurite;
using neurite::bench::Clock;
using neurite::bench::median;
using neurite::bench::millisecondsSince;

namespace {

struct EpochFigures {
    double samplesPerSecond = 0; // the epoch's own figure, as the trainer measured it
    double callMicrosPerSample = 0;
    double epochSeconds = 0;
};

// Medians of `runs` one-epoch train() calls after a warm-up call, on one network.
EpochFigures trainEpochs(const NetworkSpec& spec, const Dataset& data, int runs)
{
    Network network(spec, 1);
    TrainingSettings settings;
    settings.epochs = 1;
    settings.batchSize = 32;
    std::vector<double> rates, calls, epochs;
    for (int r = 0; r <= runs; ++r) {
        settings.seed = std::uint64_t(r + 1);
        const Clock::time_point start = Clock::now();
        const TrainingResult result = train(network, data, settings);
        if (r == 0)
            continue;
        calls.push_back(millisecondsSince(start) * 1e3 / double(data.train.count()));
        rates.push_back(result.history.epochs.back().samplesPerSecond);
        epochs.push_back(result.history.epochs.back().seconds);
    }
    return {median(rates), median(calls), median(epochs)};
}

void printDataScaling(std::size_t maxSamples)
{
    std::printf("Reference MLP 784-128-64-10, batch 32, default threads: one epoch as the data grows\n");
    std::printf("%12s %14s %12s %22s %10s\n", "samples", "samples/s", "us/sample", "train() us/sample", "vs 10k");
    std::vector<std::pair<std::size_t, EpochFigures>> rows;
    for (std::size_t n = 1000; n <= maxSamples; n *= 10) {
        const Dataset data = syntheticMnist(n, 42);
        const int runs = int(std::clamp<std::size_t>(300000 / n, 1, 30)); // about as many samples each
        rows.emplace_back(n, trainEpochs(*preset("mlp"), data, runs));
    }
    const double at10k = rows.size() > 1 ? rows[1].second.samplesPerSecond : rows[0].second.samplesPerSecond;
    for (const auto& [n, f] : rows)
        std::printf("%12zu %14.0f %12.3f %22.3f %9.2fx\n", n, f.samplesPerSecond, 1e6 / f.samplesPerSecond,
                    f.callMicrosPerSample, f.samplesPerSecond / at10k);
}

NetworkSpec widened(int units)
{
    NetworkSpec spec = *preset("mlp");
    int hidden = 0;
    for (LayerSpec& layer : spec.layers)
        if (layer.type == "Dense" && hidden < 2 && layer.options.count("units") &&
            std::get<double>(layer.options["units"]) != 10.0) {
            layer.options["units"] = double(units);
            ++hidden;
        }
    return spec;
}

void printWidthScaling()
{
    std::printf("\nMLP 784-W-W-10, batch 32, default threads: one epoch of 60,000 synthetic samples\n");
    std::printf("%8s %14s %12s %16s %12s\n", "W", "MACs/sample", "epoch s", "samples/s", "GFLOP/s");
    const Dataset data = syntheticMnist(60000, 42);
    for (int units = 128; units <= 1024; units *= 2) {
        const NetworkSpec spec = widened(units);
        const EpochFigures f = trainEpochs(spec, data, 1);
        const double macs = double(trainingMultiplyAddsPerSample(spec));
        std::printf("%8d %14.0f %12.3f %16.0f %12.1f\n", units, macs, f.epochSeconds, f.samplesPerSecond,
                    2.0 * macs * f.samplesPerSecond / 1e9);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t maxSamples = argc > 1 ? std::size_t(std::atol(argv[1])) : 1000000;
    const MachineDescription machine = describeMachine();
    std::printf("Machine: %s, %d hardware threads; %s\n", machine.cpuModel.c_str(), machine.cores,
                machine.simd.c_str());
    printDataScaling(maxSamples);
    printWidthScaling();
    return 0;
}
