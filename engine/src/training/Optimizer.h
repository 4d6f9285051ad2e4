// Optimisers: given each parameter's gradient, update the parameter. Kept apart from layers.
#pragma once

#include "neurite/Weights.h"
#include "neurite/TrainingSettings.h"

#include <memory>
#include <vector>

namespace neurite {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    // Updates every parameter from its gradient with learning rate `lr` (the schedule's current value).
    // State (moments, velocities) is kept per parameter, in the order of `params`.
    virtual void step(const std::vector<ParameterRef>& params, float lr) = 0;
    // Whether large parameters are updated in chunks over all the pool's threads (the default) or on the
    // calling thread only. A step that ran on one thread keeps the weights, gradients and moments in that
    // core's cache; updating half of them on the other core moves them across every step, which cost the
    // reference MLP at batch 32 about 40% of its speed on the 2-vCPU machine measured.
    void setThreaded(bool threaded) { m_threaded = threaded; }

protected:
    bool threaded() const { return m_threaded; }

private:
    bool m_threaded = true;
};

// Validates `settings` (throws NeuriteError naming the field) and makes the optimiser it describes.
std::unique_ptr<Optimizer> makeOptimizer(const OptimizerSettings& settings);

// The optimiser part of validateSettings(): throws NeuriteError naming the first bad field.
void validateOptimizerSettings(const OptimizerSettings& settings);

} // namespace neurite
