// On the training thread: what the network answers over the plane of a two-dimensional data set, taken
// from the weights being trained at most every kIntervalMs, for the decision plane and the neurons' maps.
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/Network.h>
#include <neurite/PlaneView.h>

#include <QElapsedTimer>

#include <memory>
#include <optional>

namespace neurite::ui {

class PlaneWatcher {
public:
    // The decision plane's cells per side, the neurons' maps' cells per side, and the most units a layer
    // may have for its neurons to get maps.
    static constexpr int kResolution = 100;
    static constexpr int kNeuronResolution = 24;
    static constexpr int kMaxUnits = 64;
    // At most one look per this many milliseconds while a run goes at full speed (10 a second: the eye
    // sees a boundary move smoothly, and the training loses about a percent; see bench_plane).
    static constexpr int kIntervalMs = 100;

    // Nothing unless `data` is a two-dimensional table (PlaneInputs::of).
    static std::unique_ptr<PlaneWatcher> forData(const NetworkSpec& spec, const Dataset& data);

    // The grid for `weights`, always.
    PlaneSnapshot look(const Weights& weights, long batches);
    // A look at `network`'s weights when kIntervalMs passed since the last, or `always`; else nothing.
    std::optional<PlaneSnapshot> lookWhenDue(const Network& network, long batches, bool always);

private:
    PlaneWatcher(const NetworkSpec& spec, PlaneInputs inputs, PlaneBounds bounds);

    Network m_viewer; // its own network: looking never touches the one being trained
    PlaneInputs m_inputs;
    PlaneBounds m_bounds;
    QElapsedTimer m_sinceLook;
};

} // namespace neurite::ui
