// `neurite bench`: training throughput of the reference MLP and single-sample latency, on synthetic
// MNIST-shaped data (so it needs no data set and measures the engine, not the disk).
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "neurite/Benchmarks.h"

#include <iostream>

namespace neurite::cli {

int runBench(const Args& args)
{
    Arguments a("neurite bench [--threads N] [--samples N] [--repeats N] [--json]",
                "Trains the reference MLP (784-128-64-10, Adam) on synthetic MNIST-shaped data at batch 32 and\n"
                "256 and times single-sample inference. Prints medians.",
                {{"threads", "N", "worker threads (0 = all cores, the default)"},
                 {"samples", "N", "training samples per timed run (default 30000)"},
                 {"repeats", "N", "timed runs per figure (default 5; the median is printed)"},
                 {"json", "", "print one JSON object instead of text"}});
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const int threads = int(a.integer("threads", 0, 0, 1024));
    const Dataset data = syntheticMnist(std::size_t(a.integer("samples", 30000, 256, 10'000'000)), 42);
    const int repeats = int(a.integer("repeats", 5, 1, 1000));
    const NetworkSpec mlp = *preset("mlp");
    const double batch32 = trainingThroughput(mlp, data, 32, threads, repeats);
    const double batch256 = trainingThroughput(mlp, data, 256, threads, repeats);
    const double latency = inferenceLatencyMicroseconds(mlp, data, 20000);
    if (a.has("json")) {
        std::cout << "{\"mlp_batch32_samples_per_s\": " << fixed(batch32, 0)
                  << ", \"mlp_batch256_samples_per_s\": " << fixed(batch256, 0)
                  << ", \"mlp_latency_us\": " << fixed(latency, 3) << ", \"threads\": " << threads << "}\n";
        return 0;
    }
    std::cout << "Reference MLP 784-128-64-10, Adam, synthetic data, threads " << (threads ? threads : 0)
              << (threads ? "" : " (all cores)") << "\n"
              << "  training, batch 32:   " << withThousands(batch32) << " samples/s\n"
              << "  training, batch 256:  " << withThousands(batch256) << " samples/s\n"
              << "  inference, 1 sample:  " << fixed(latency, 2) << " us (median)\n";
    return 0;
}

} // namespace neurite::cli
