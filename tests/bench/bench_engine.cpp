// This machine's float32 matrix-multiply peak with Eigen (one thread; Eigen's own threading is off), at
// several sizes: the limit against which `neurite bench` reports its training figures; then the cost of
// data augmentation per batch, and what it does to the reference MLP's training throughput. Run by hand;
// never a CTest test. Usage: bench_engine [SECONDS_PER_FIGURE]
#include "neurite/Benchmarks.h"
#include "neurite/NetworkSpec.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

// Augmentation of one batch (on the calling thread, as the trainer does) with the default ranges and the
// flip, then with the geometry only.
void printAugmentationCost(double seconds)
{
    neurite::AugmentationSettings all;
    all.horizontalFlip = true;
    neurite::AugmentationSettings geometry = all;
    geometry.brightness = geometry.contrast = geometry.noise = 0.0f;
    std::printf("\nData augmentation per batch, on the training thread (median us; per sample in brackets)\n");
    std::printf("  %-24s %22s %22s\n", "", "default ranges + flip", "geometry only");
    const struct {
        const char* name;
        neurite::Shape shape;
    } kinds[] = {{"28x28 grey", {1, 28, 28}}, {"32x32 RGB", {3, 32, 32}}};
    for (const auto& kind : kinds)
        for (int batch : {32, 256}) {
            const double full = neurite::augmentationMicroseconds(all, kind.shape, batch, seconds);
            const double moved = neurite::augmentationMicroseconds(geometry, kind.shape, batch, seconds);
            std::printf("  %-10s batch %-4d %12.0f (%5.2f) %14.0f (%5.2f)\n", kind.name, batch, full, full / batch,
                        moved, moved / batch);
        }
}

// The reference MLP's training throughput with augmentation off and on (its default ranges).
void printTrainingWithAugmentation(int cores)
{
    const neurite::Dataset data = neurite::syntheticMnist(20000, 42);
    neurite::AugmentationSettings on;
    on.enabled = true;
    std::printf("\nReference MLP training at %d threads, samples/s (median of 3 epochs of 20,000 images)\n", cores);
    for (int batch : {32, 256}) {
        const double off = neurite::trainingThroughput(*neurite::preset("mlp"), data, batch, cores, 3);
        const double with = neurite::trainingThroughput(*neurite::preset("mlp"), data, batch, cores, 3, on);
        std::printf("  batch %-4d  without augmentation %9.0f   with %9.0f   (%.0f%% of the speed)\n", batch, off, with,
                    100.0 * with / off);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const double seconds = argc > 1 && std::atof(argv[1]) > 0 ? std::atof(argv[1]) : 1.0;
    std::printf("float32 matrix multiply, Eigen, 1 thread (median GFLOP/s over %.1f s per size)\n", seconds);
    for (int n : {128, 256, 512, 1024, 2048})
        std::printf("  %4d x %-4d  %7.1f GFLOP/s\n", n, n, neurite::matrixMultiplyGflops(n, seconds));
    std::printf("Training figures against this peak: neurite bench\n");
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    printAugmentationCost(seconds);
    printTrainingWithAugmentation(cores);
    return 0;
}
