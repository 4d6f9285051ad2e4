// The default thread count is chosen from the batch's work, once per run. tests/bench/bench_threads.cpp
// measured two threads slower than one, on a shared 2-core machine, for the MLPs on digits at batches of 16
// to 64 (the reference MLP 0.53-0.87x, the deeper one 0.63-0.86x at 16 and 32), the logistic regression and
// the table's MLP at 64 (0.69x, 0.74x), and the playground's designs (a few thousand multiply-adds a batch)
// gained nothing at any batch. With the batch split (model/BatchSplitStep.cpp) two threads were faster for
// every convolutional design at every batch (LeNet 1.7-2.1x from batch 16, the CNNs on RGB images and the
// residual one 1.3-2.1x) and for the MLPs from batch 256 (1.2-1.7x; for the logistic regression and the
// table's MLP, whose batches stay small, 0.9-1.6x between runs: they keep one thread). What tells them apart is the
// work per weight: a step's fork, the second half's gradient and the averaging of the two cost in proportion to the
// parameters, the halves save in proportion to the multiply-adds. The MLPs do about 2 multiply-adds a weight per
// sample, so only large batches pay; convolutions reuse each weight hundreds of times.
#include "training/TrainingThreads.h"

#include "neurite/Benchmarks.h"
#include "neurite/Validation.h"

#include <algorithm>

namespace neurite {
namespace {

constexpr double kSplitMultiplyAdds = 40e6;  // a batch's training multiply-adds worth two threads at any size
constexpr double kSplitWorkPerWeight = 1000; // ... or this many per parameter, in a batch of at least:
constexpr double kSplitMinimumMultiplyAdds = 4e6;

} // namespace

int trainingThreads(const TrainingSettings& settings, const NetworkSpec& spec)
{
    if (settings.threads > 0)
        return settings.threads;
    const double batchWork = double(trainingMultiplyAddsPerSample(spec)) * settings.batchSize;
    const double parameters = double(std::max(1L, validate(spec).totalParameters()));
    const bool worthTwo = batchWork >= kSplitMultiplyAdds ||
                          (batchWork >= kSplitMinimumMultiplyAdds && batchWork >= kSplitWorkPerWeight * parameters);
    return worthTwo ? 0 : 1;
}

} // namespace neurite
