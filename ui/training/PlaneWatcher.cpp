// What the network answers over the plane, taken on the training thread.
#include "training/PlaneWatcher.h"

namespace neurite::ui {

std::unique_ptr<PlaneWatcher> PlaneWatcher::forData(const NetworkSpec& spec, const Dataset& data)
{
    std::optional<PlaneInputs> inputs = PlaneInputs::of(data.schema);
    if (!inputs)
        return nullptr;
    const PlaneBounds bounds = planeBounds(data, *inputs);
    return std::unique_ptr<PlaneWatcher>(new PlaneWatcher(spec, std::move(*inputs), bounds));
}

PlaneWatcher::PlaneWatcher(const NetworkSpec& spec, PlaneInputs inputs, PlaneBounds bounds)
    : m_viewer(spec), m_inputs(std::move(inputs)), m_bounds(bounds)
{
    // One thread: the grid is small, and the training's own threads are busy with the next batch.
    m_viewer.setThreads(1);
}

PlaneSnapshot PlaneWatcher::look(const Weights& weights, long batches)
{
    m_viewer.setWeights(weights);
    PlaneSnapshot snapshot;
    snapshot.batches = batches;
    snapshot.grid = std::make_shared<const PlaneGrid>(
        evaluatePlane(m_viewer, m_inputs, m_bounds, kResolution, kNeuronResolution, kMaxUnits));
    snapshot.weights = std::make_shared<const Weights>(weights);
    m_sinceLook.start();
    return snapshot;
}

std::optional<PlaneSnapshot> PlaneWatcher::lookWhenDue(const Network& network, long batches, bool always)
{
    if (!always && m_sinceLook.isValid() && m_sinceLook.elapsed() < kIntervalMs)
        return std::nullopt;
    return look(network.weights(), batches);
}

} // namespace neurite::ui
