// What one update of the Predict tab's saliency overlay costs: SaliencyExplainer::explain and the per-pixel
// map for the reference MLP and LeNet, gradient x input (the overlay's default) and integrated gradients
// with 16 steps, on one thread and on the network's default pool, beside a plain predictOne. The inputs are
// mnist-10k test digits when the set is prepared (random digit-like inputs otherwise; the cost does not
// depend on the values). Run by hand; never a CTest test. Usage: bench_saliency [UPDATES]
#include "BenchTiming.h"
#include "neurite/DataSets.h"
#include "neurite/Network.h"
#include "neurite/Saliency.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace neurite;
using neurite::bench::Clock;
using neurite::bench::median;
using neurite::bench::millisecondsSince;

namespace {

std::vector<std::vector<float>> benchInputs(int count)
{
    std::vector<std::vector<float>> inputs;
    try {
        const Dataset data = loadDataset("mnist-10k");
        for (int i = 0; i < count && std::size_t(i) < data.test.count(); ++i) {
            const std::uint8_t* pixels = data.test.image(std::size_t(i));
            std::vector<float> x(784);
            for (int p = 0; p < 784; ++p)
                x[std::size_t(p)] = float(pixels[p]) * kPixelScale;
            inputs.push_back(std::move(x));
        }
        std::printf("inputs: the first %d mnist-10k test digits\n", int(inputs.size()));
        return inputs;
    } catch (const std::exception&) {
    }
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> ink(0, 1);
    for (int i = 0; i < count; ++i) {
        std::vector<float> x(784, 0.0f);
        for (int p = 0; p < 784; ++p)
            x[std::size_t(p)] = (p % 28 > 8 && p % 28 < 20 && p / 28 > 4 && p / 28 < 24) ? ink(rng) : 0.0f;
        inputs.push_back(std::move(x));
    }
    std::printf("inputs: %d random digit-like inputs (mnist-10k is not prepared)\n", count);
    return inputs;
}

// The median ms of one overlay update (explain + the per-pixel map) over the inputs, each class in turn.
double updateMilliseconds(Network& network, SaliencyOptions options, const std::vector<std::vector<float>>& inputs)
{
    SaliencyExplainer explainer(options);
    for (int i = 0; i < 5; ++i)
        explainer.explain(network, inputs[0].data(), 0);
    std::vector<double> times;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Clock::time_point start = Clock::now();
        const Attribution& a = explainer.explain(network, inputs[i].data(), int(i % 10));
        const std::vector<float> map = pixelSaliency(a.values, network.inputShape());
        times.push_back(millisecondsSince(start));
        if (map.size() != 784)
            std::abort();
    }
    return median(times);
}

double predictMilliseconds(Network& network, const std::vector<std::vector<float>>& inputs)
{
    std::vector<float> out(std::size_t(network.outputSize()));
    std::vector<double> times;
    for (const std::vector<float>& x : inputs) {
        const Clock::time_point start = Clock::now();
        network.predictOne(x.data(), out.data());
        times.push_back(millisecondsSince(start));
    }
    return median(times);
}

} // namespace

int main(int argc, char** argv)
{
    const int updates = argc > 1 ? std::max(10, std::atoi(argv[1])) : 300;
    const std::vector<std::vector<float>> inputs = benchInputs(updates);
    const int cores = int(std::thread::hardware_concurrency());
    const SaliencyOptions methods[] = {{SaliencyMethod::GradientTimesInput, 16},
                                       {SaliencyMethod::IntegratedGradients, 16}};
    std::printf("median ms per overlay update (explain + per-pixel map) over %d updates; target < 20 ms\n",
                int(inputs.size()));
    std::printf("  %-14s %-36s %10s %10s\n", "model", "method", "1 thread",
                (std::to_string(cores) + " threads").c_str());
    for (const char* name : {"mlp", "lenet"}) {
        Network network(*preset(name), 1);
        for (const SaliencyOptions& options : methods) {
            network.setThreads(1);
            const double one = updateMilliseconds(network, options, inputs);
            network.setThreads(0);
            const double all = updateMilliseconds(network, options, inputs);
            std::printf("  %-14s %-36s %10.3f %10.3f\n", name, saliencyMethodName(options).c_str(), one, all);
        }
        network.setThreads(0);
        std::printf("  %-14s %-36s %10s %10.3f\n", name, "(predictOne, for comparison)", "",
                    predictMilliseconds(network, inputs));
    }
    return 0;
}
