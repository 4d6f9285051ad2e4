// How a run's per-batch history stays bounded: a grid of steps whose stride doubles (TrainingHistory.h).
#include "neurite/TrainingHistory.h"

#include <algorithm>

namespace neurite {
namespace {

// The grid's stride: the gap between the first two kept batches, which are both on the grid once there are
// three (only the newest may be off it). A history cut short (a recovery file's, at an epoch) may leave too
// few to tell; it then keeps every batch until it is full again, which costs nothing but memory within bounds.
std::int64_t strideOf(const std::vector<BatchReport>& kept)
{
    if (kept.size() < 3)
        return 1;
    return std::max<std::int64_t>(1, kept[1].step - kept[0].step);
}

bool onGrid(std::int64_t step, std::int64_t firstStep, std::int64_t stride)
{
    return (step - firstStep) % stride == 0;
}

// Keeps every second grid point (those on the grid of twice the stride) and the newest batch.
void thinOut(std::vector<BatchReport>& kept, std::int64_t stride)
{
    const BatchReport newest = kept.back();
    const std::int64_t firstStep = kept.front().step;
    std::size_t out = 0;
    for (std::size_t i = 0; i + 1 < kept.size(); ++i)
        if (onGrid(kept[i].step, firstStep, 2 * stride))
            kept[out++] = kept[i];
    kept[out++] = newest;
    kept.resize(out);
}

} // namespace

void keepBatchReport(std::vector<BatchReport>& kept, const BatchReport& report)
{
    if (kept.empty()) {
        kept.push_back(report);
        return;
    }
    const std::int64_t stride = strideOf(kept);
    if (!onGrid(kept.back().step, kept.front().step, stride))
        kept.back() = report; // the newest was kept only for being the newest
    else
        kept.push_back(report);
    if (kept.size() >= kMaxBatchReports)
        thinOut(kept, stride);
}

} // namespace neurite
