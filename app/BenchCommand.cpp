// `neurite bench`: the engine's speed figures in one report. Training throughput of the reference MLP
// (batch 32 and 256) and of the LeNet-style CNN (batch 64) at 1 thread, at all cores and at the default thread count,
// each also as a fraction of this machine's float32 matrix-multiply peak; single-sample latencies; peak resident
// memory; the machine they were measured on.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "neurite/Benchmarks.h"
#include "neurite/DataSets.h"
#include "neurite/MachineDescription.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <thread>
#include <vector>

namespace neurite::cli {
namespace {

struct Model {
    std::string title;
    NetworkSpec spec;
    std::vector<int> batches;
    std::string jsonName; // key prefix in --json output
};

struct Measured {
    std::vector<std::vector<double>> rates; // [batch][thread count] samples/s
    double latency = 0;                     // us, one thread
};

Measured measure(const Model& model, const Dataset& data, const std::vector<int>& threadCounts, int repeats)
{
    Measured m;
    for (int batch : model.batches) {
        m.rates.emplace_back();
        for (int threads : threadCounts)
            m.rates.back().push_back(trainingThroughput(model.spec, data, batch, threads, repeats));
    }
    m.latency = inferenceLatencyMicroseconds(model.spec, data, 5000);
    return m;
}

// The worker threads a run asked for `threads` uses: 0 is the default, every core.
int threadsUsed(int threads)
{
    return threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
}

// The machine's one-thread rates: its multiply-add peak, which the training figures are measured against, and
// what Eigen's general product reaches (the figure the percentages were once taken against; Neurite's own
// small-batch products pass it).
struct Peaks {
    double multiplyAdd = 0;
    double eigenProduct = 0;
};

// "123,456 samples/s (41.2% of peak)": the multiply-adds done per second against `threads` x the one-thread
// multiply-add peak (which assumes the cores do not slow each other down: an upper bound).
std::string rateCell(double rate, const NetworkSpec& spec, int threads, double peakGflops)
{
    const double gflops = rate * 2.0 * double(trainingMultiplyAddsPerSample(spec)) / 1e9;
    return padRight(withThousands(rate), 9) + " (" + fixed(100.0 * gflops / (peakGflops * threads), 1) + "% of peak)";
}

void printReport(const Dataset& data, const std::vector<Model>& models, const std::vector<Measured>& results,
                 const std::vector<int>& threadCounts, const Peaks& peaks)
{
    const MachineDescription machine = describeMachine();
    std::cout << "Machine: " << machine.cpuModel << ", " << machine.cores << " hardware threads; this build uses "
              << machine.simd << "\n";
    std::cout << "Data: " << data.name << " (" << withThousands(double(data.train.count())) << " images)\n"
              << "Float32 multiply-add peak (1 thread, registers only): " << fixed(peaks.multiplyAdd, 1)
              << " GFLOP/s; Eigen's 1024x1024 product: " << fixed(peaks.eigenProduct, 1) << " GFLOP/s\n"
              << "Training samples/s (median of runs; % = multiply-adds done against threads x multiply-add peak)\n";
    std::string header = padRight("", 40);
    for (int threads : threadCounts)
        header += padRight(threads == 0 ? "default (" + std::to_string(threadsUsed(0)) + ")"
                                        : std::to_string(threads) + (threads == 1 ? " thread" : " threads"),
                           30);
    std::cout << header << "\n";
    for (std::size_t i = 0; i < models.size(); ++i) {
        std::cout << models[i].title << "\n";
        for (std::size_t b = 0; b < models[i].batches.size(); ++b) {
            std::string line = padRight("  training, batch " + std::to_string(models[i].batches[b]), 40);
            for (std::size_t t = 0; t < threadCounts.size(); ++t)
                line += padRight(rateCell(results[i].rates[b][t], models[i].spec, threadsUsed(threadCounts[t]),
                                          peaks.multiplyAdd),
                                 30);
            std::cout << line << "\n";
        }
        std::cout << padRight("  inference, 1 sample", 40) << fixed(results[i].latency, 2) << " us (median)\n";
    }
    std::cout << "Peak resident memory of this run: " << withThousands(double(peakResidentBytes()) / 1e6) << " MB\n";
}

// One object with the figures at the last thread count measured (what tests/bench/compare_torch.sh reads).
void printJson(const Dataset& data, const std::vector<Model>& models, const std::vector<Measured>& results,
               const std::vector<int>& threadCounts, const Peaks& peaks)
{
    std::cout << "{";
    for (std::size_t i = 0; i < models.size(); ++i) {
        for (std::size_t b = 0; b < models[i].batches.size(); ++b)
            std::cout << "\"" << models[i].jsonName << "_batch" << models[i].batches[b]
                      << "_samples_per_s\": " << fixed(results[i].rates[b].back(), 0) << ", ";
        std::cout << "\"" << models[i].jsonName << "_latency_us\": " << fixed(results[i].latency, 3) << ", ";
    }
    const MachineDescription machine = describeMachine();
    std::cout << "\"cpu\": " << nlohmann::json(machine.cpuModel).dump() << ", \"cores\": " << machine.cores
              << ", \"simd\": " << nlohmann::json(machine.simd).dump() << ", ";
    std::cout << "\"peak_gflops\": " << fixed(peaks.multiplyAdd, 1)
              << ", \"eigen_product_gflops\": " << fixed(peaks.eigenProduct, 1)
              << ", \"threads\": " << threadCounts.back() << ", \"images\": " << data.train.count()
              << ", \"peak_rss_mb\": " << fixed(double(peakResidentBytes()) / 1e6, 0) << "}\n";
}

} // namespace

int runBench(const Args& args)
{
    Arguments a("neurite bench [--data NAME|DIR] [--threads N] [--mlp-only] [--samples N] [--repeats N] [--json]",
                "Trains the reference MLP (784-128-64-10, Adam lr 1e-3) one epoch at a time at batch 32 and 256,\n"
                "and the LeNet-style CNN at batch 64, at 1 thread, at all cores and at the default thread count;\n"
                "times single-sample inference; measures this machine's float32 multiply-add peak and reports\n"
                "each training figure as a fraction of it. Each figure is the median of --repeats runs after a\n"
                "warm-up run.\n"
                "Data: the training images of --data, or synthetic MNIST-shaped images.",
                {{"data", "NAME|DIR", "train on this data set's training images (default: synthetic)"},
                 {"threads", "N", "measure at N worker threads only (default: at 1, at all cores and the default)"},
                 {"mlp-only", "", "leave out the CNN (quicker)"},
                 {"samples", "N", "synthetic training samples per run (default 30000)"},
                 {"repeats", "N", "timed runs per figure (default 3; the median is printed)"},
                 {"json", "", "print one JSON object (figures at the last thread count) instead of text"}});
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<int> threadCounts{1};
    if (a.has("threads"))
        threadCounts = {int(a.integer("threads", 1, 1, 1024))};
    else if (cores > 1)
        threadCounts = {1, cores, 0}; // 0: the default, what train and the designer use without --threads
    const int repeats = int(a.integer("repeats", 3, 1, 1000));
    const Dataset data = a.has("data") ? loadDataset(a.text("data"))
                                       : syntheticMnist(std::size_t(a.integer("samples", 30000, 256, 10'000'000)), 42);

    std::vector<Model> models{{"Reference MLP 784-128-64-10, Adam", *preset("mlp"), {32, 256}, "mlp"}};
    if (!a.has("mlp-only"))
        models.push_back(
            {"LeNet-style CNN (conv5x5x8, pool, conv5x5x16, pool, dense 10), Adam", *preset("lenet"), {64}, "cnn"});
    const Peaks peaks{multiplyAddPeakGflops(0.5), matrixMultiplyGflops(1024, 1.0)};
    std::vector<Measured> results;
    for (const Model& model : models)
        results.push_back(measure(model, data, threadCounts, repeats));
    if (a.has("json"))
        printJson(data, models, results, threadCounts, peaks);
    else
        printReport(data, models, results, threadCounts, peaks);
    return 0;
}

} // namespace neurite::cli
