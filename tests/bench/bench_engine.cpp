// This machine's float32 matrix-multiply peak with Eigen (one thread; Eigen's own threading is off), at
// several sizes: the limit against which `neurite bench` reports its training figures. Run by hand; never a
// CTest test. Usage: bench_engine [SECONDS_PER_SIZE]
#include "neurite/Benchmarks.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    const double seconds = argc > 1 && std::atof(argv[1]) > 0 ? std::atof(argv[1]) : 1.0;
    std::printf("float32 matrix multiply, Eigen, 1 thread (median GFLOP/s over %.1f s per size)\n", seconds);
    for (int n : {128, 256, 512, 1024, 2048})
        std::printf("  %4d x %-4d  %7.1f GFLOP/s\n", n, n, neurite::matrixMultiplyGflops(n, seconds));
    std::printf("Training figures against this peak: neurite bench\n");
    return 0;
}
