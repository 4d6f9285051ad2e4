// The default thread count is chosen from the batch's work, once per run. tests/bench/bench_threads.cpp
// measured two threads slower than one, on a shared 2-core machine, for the MLPs on digits at batches of 16
// to 64 (the reference MLP 0.67-1.00x, the deeper one 0.68-0.86x), the logistic regression (0.59-0.97x) and
// LeNet at 16 and 32 (0.93x, 0.95x): at most 34 million training multiply-adds a batch, where the split's
// hand-offs cost about what it saves; the playground's designs (a few thousand) gained nothing at any batch.
// Two were faster from LeNet at 64 (55 million: 1.31-1.57x), the reference MLP at 256 (58 million:
// 1.04-1.35x) and for the CNNs on RGB images and the residual one at every batch (1.35-1.87x).
#include "training/TrainingThreads.h"

#include "neurite/Benchmarks.h"

namespace neurite {
namespace {

constexpr double kSplitMultiplyAdds = 40e6; // a batch's training multiply-adds worth more than one thread

} // namespace

int trainingThreads(const TrainingSettings& settings, const NetworkSpec& spec)
{
    if (settings.threads > 0)
        return settings.threads;
    const double batchWork = double(trainingMultiplyAddsPerSample(spec)) * settings.batchSize;
    return batchWork >= kSplitMultiplyAdds ? 0 : 1;
}

} // namespace neurite
