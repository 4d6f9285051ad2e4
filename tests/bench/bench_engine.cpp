// Prints the engine's speed figures (MLP training at batch 32/256 and 1/2 threads, latency, matmul peak).
// Run by hand or by tests/bench/compare_torch.sh; never a CTest test.
#include "neurite/Benchmarks.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    using namespace neurite;
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 5;
    const Dataset data = syntheticMnist(30000, 42);
    const NetworkSpec mlp = *preset("mlp");
    const double peak = matrixMultiplyGflops(1024, 1.0);
    const double flopsPerSample = 2.0 * 3.0 * (784 * 128 + 128 * 64 + 64 * 10);  // forward + 2 backward products
    std::printf("matmul peak (Eigen, 1 thread, 1024^2): %.1f GFLOP/s\n", peak);
    for (int threads : {1, 2})
        for (int batch : {32, 256}) {
            const double rate = trainingThroughput(mlp, data, batch, threads, repeats);
            std::printf("mlp batch %3d threads %d: %9.0f samples/s  (%.1f%% of %d-thread peak)\n", batch, threads,
                        rate, 100.0 * rate * flopsPerSample / 1e9 / (peak * threads), threads);
        }
    std::printf("mlp single-sample latency: %.2f us (median)\n", inferenceLatencyMicroseconds(mlp, data, 20000));
    return 0;
}
