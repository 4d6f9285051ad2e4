// `neurite bench`: training throughput and single-sample latency of the reference MLP (and, with --cnn, the
// LeNet-style CNN), on a real data set's training images or on synthetic MNIST-shaped data.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "neurite/Benchmarks.h"
#include "neurite/DataSets.h"

#include <iostream>

namespace neurite::cli {
namespace {

struct Figures {
    double batchSmall = 0, batchLarge = 0, latency = 0;
};

Figures measure(const NetworkSpec& spec, const Dataset& data, int smallBatch, int largeBatch, int threads,
                int repeats)
{
    Figures f;
    f.batchSmall = trainingThroughput(spec, data, smallBatch, threads, repeats);
    if (largeBatch > 0)
        f.batchLarge = trainingThroughput(spec, data, largeBatch, threads, repeats);
    f.latency = inferenceLatencyMicroseconds(spec, data, 5000);
    return f;
}

} // namespace

int runBench(const Args& args)
{
    Arguments a("neurite bench [--data NAME|DIR] [--cnn] [--threads N] [--samples N] [--repeats N] [--json]",
                "Trains the reference MLP (784-128-64-10, Adam lr 1e-3) for one epoch at batch 32 and 256 and\n"
                "times single-sample inference; --cnn adds the LeNet-style CNN at batch 64. Each figure is the\n"
                "median of --repeats runs after a warm-up run. Data: the training images of --data, or\n"
                "synthetic MNIST-shaped images (speed does not depend on the pixels).",
                {{"data", "NAME|DIR", "train on this data set's training images (default: synthetic)"},
                 {"cnn", "", "also measure the LeNet-style CNN (batch 64)"},
                 {"threads", "N", "worker threads (0 = all cores, the default)"},
                 {"samples", "N", "synthetic training samples per run (default 30000)"},
                 {"repeats", "N", "timed runs per figure (default 5; the median is printed)"},
                 {"json", "", "print one JSON object instead of text"}});
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const int threads = int(a.integer("threads", 0, 0, 1024));
    const int repeats = int(a.integer("repeats", 5, 1, 1000));
    const Dataset data = a.has("data") ? loadDataset(a.text("data"))
                                       : syntheticMnist(std::size_t(a.integer("samples", 30000, 256, 10'000'000)), 42);
    const Figures mlp = measure(*preset("mlp"), data, 32, 256, threads, repeats);
    Figures cnn;
    if (a.has("cnn"))
        cnn = measure(*preset("lenet"), data, 64, 0, threads, repeats);
    if (a.has("json")) {
        std::cout << "{\"mlp_batch32_samples_per_s\": " << fixed(mlp.batchSmall, 0)
                  << ", \"mlp_batch256_samples_per_s\": " << fixed(mlp.batchLarge, 0)
                  << ", \"mlp_latency_us\": " << fixed(mlp.latency, 3);
        if (a.has("cnn"))
            std::cout << ", \"cnn_batch64_samples_per_s\": " << fixed(cnn.batchSmall, 0)
                      << ", \"cnn_latency_us\": " << fixed(cnn.latency, 3);
        std::cout << ", \"threads\": " << threads << ", \"images\": " << data.train.count() << "}\n";
        return 0;
    }
    std::cout << "Data: " << data.name << " (" << withThousands(double(data.train.count())) << " images), threads "
              << threads << (threads ? "" : " (all cores)") << "\n"
              << "Reference MLP 784-128-64-10, Adam\n"
              << "  training, batch 32:   " << withThousands(mlp.batchSmall) << " samples/s\n"
              << "  training, batch 256:  " << withThousands(mlp.batchLarge) << " samples/s\n"
              << "  inference, 1 sample:  " << fixed(mlp.latency, 2) << " us (median)\n";
    if (a.has("cnn"))
        std::cout << "LeNet-style CNN (conv5x5x8, pool, conv5x5x16, pool, dense 10), Adam\n"
                  << "  training, batch 64:   " << withThousands(cnn.batchSmall) << " samples/s\n"
                  << "  inference, 1 sample:  " << fixed(cnn.latency, 2) << " us (median)\n";
    return 0;
}

} // namespace neurite::cli
