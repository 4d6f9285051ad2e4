// How a sweep's runs are best scheduled on this machine: the same 4 runs of the reference MLP on mnist-10k
// (lr 0.001/0.003 x batch 32/128, 2 epochs each) trained one after another with all cores each, then two at a
// time with the cores divided between them. Prints each round's wall time and the median of each.
// Usage: bench_sweep [ROUNDS]
#include "neurite/DataSets.h"
#include "neurite/SweepRunner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace neurite;

namespace {

double sweepSeconds(const std::vector<PlannedRun>& plan, const Dataset& data, int concurrent)
{
    const auto start = std::chrono::steady_clock::now();
    SweepRunner runner(plan, data, concurrent);
    runner.run();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const Dataset data = loadDataset("mnist-10k");
    Experiment experiment;
    experiment.design = *preset("mlp");
    experiment.settings.epochs = 2;
    experiment.settings.threads = 0; // all cores, divided between concurrent runs
    experiment.axes = {parseSweepAxis("lr=0.001,0.003"), parseSweepAxis("batch=32,128")};
    const std::vector<PlannedRun> plan = planSweep(experiment);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::printf("%zu runs of mlp on mnist-10k, 2 epochs each, %u cores\n", plan.size(), cores);
    std::vector<double> one, two;
    for (int round = 1; round <= rounds; ++round) {
        one.push_back(sweepSeconds(plan, data, 1));
        two.push_back(sweepSeconds(plan, data, 2));
        std::printf("round %d: one at a time (%u threads each) %.2f s, two at a time (%u each) %.2f s\n", round, cores,
                    one.back(), std::max(1u, cores / 2), two.back());
        std::fflush(stdout);
    }
    std::printf("median: one at a time %.2f s, two at a time %.2f s (%.2fx)\n", median(one), median(two),
                median(one) / median(two));
    return 0;
}
