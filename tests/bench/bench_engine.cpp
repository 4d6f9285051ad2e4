// Prints the engine's speed figures (MLP training at batch 32/256, the LeNet-style CNN at batch 64, each at
// 1/2 threads, single-sample latencies, matmul peak). Run by hand or by tests/bench/compare_torch.sh; never
// a CTest test. Usage: bench_engine [REPEATS] [--cnn-json]  (--cnn-json: one JSON line of CNN figures only)
#include "neurite/Benchmarks.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using namespace neurite;

// One training figure with the fraction of the threads' matmul peak that its multiply-adds represent.
void printTraining(const char* name, const NetworkSpec& spec, const Dataset& data, int batch, int threads,
                   int repeats, double peak)
{
    const double flopsPerSample = 2.0 * 3.0 * double(multiplyAddsPerSample(spec));
    const double rate = trainingThroughput(spec, data, batch, threads, repeats);
    std::printf("%s batch %3d threads %d: %9.0f samples/s  (%.1f%% of %d-thread peak)\n", name, batch, threads,
                rate, 100.0 * rate * flopsPerSample / 1e9 / (peak * threads), threads);
}

} // namespace

int main(int argc, char** argv)
{
    const int repeats = argc > 1 && std::atoi(argv[1]) > 0 ? std::atoi(argv[1]) : 5;
    const bool cnnJson = argc > 1 && std::strcmp(argv[argc - 1], "--cnn-json") == 0;
    const Dataset data = syntheticMnist(30000, 42);
    const NetworkSpec mlp = *preset("mlp");
    const NetworkSpec cnn = *preset("lenet");
    if (cnnJson) {
        std::printf("{\"side\": \"neurite\", \"cnn_batch64_samples_per_s\": %.0f, \"cnn_latency_us\": %.3f}\n",
                    trainingThroughput(cnn, data, 64, 0, repeats), inferenceLatencyMicroseconds(cnn, data, 5000));
        return 0;
    }
    const double peak = matrixMultiplyGflops(1024, 1.0);
    std::printf("matmul peak (Eigen, 1 thread, 1024^2): %.1f GFLOP/s\n", peak);
    for (int threads : {1, 2})
        for (int batch : {32, 256})
            printTraining("mlp", mlp, data, batch, threads, repeats, peak);
    for (int threads : {1, 2})
        printTraining("cnn", cnn, data, 64, threads, repeats, peak);
    std::printf("mlp single-sample latency: %.2f us (median)\n", inferenceLatencyMicroseconds(mlp, data, 20000));
    std::printf("cnn single-sample latency: %.2f us (median)\n", inferenceLatencyMicroseconds(cnn, data, 5000));
    return 0;
}
