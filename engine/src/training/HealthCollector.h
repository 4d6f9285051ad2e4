// Samples layer health on the training thread: every so many batches, sized to cost a small, fixed share of
// the training time (or every N batches when asked), for the Trainer to report and keep.
#pragma once

#include "neurite/LayerHealth.h"
#include "neurite/Network.h"

#include <optional>
#include <vector>

namespace neurite {

class HealthCollector {
public:
    // every: 0 = automatic (kOverheadBudget of the training time), n > 0 = every n batches, < 0 = never.
    HealthCollector(Network& network, int every);

    // Called before the optimiser's step with the run's training seconds so far; true when this step is to be
    // sampled (the weights before the step are then copied).
    bool beforeStep(std::int64_t step, double trainingSeconds);
    // After the step that beforeStep() chose: the sample, read from the weights, gradients and the batch's
    // layer outputs the network still holds.
    HealthSample afterStep(std::int64_t step, int epoch);
    // Adds `sample` to the run's samples; past kMaxHealthSamples they are thinned out and sampling slows down
    // by half, so that they stay evenly spread over the run.
    void keep(HealthSample sample, std::vector<HealthSample>& kept);

    // Share of the training time collection may take in automatic mode, by its own timing: under the 5% a run may
    // slow down by, since a sample also costs the batches after it their warm caches (measured: a 3% budget slowed
    // the MLP by 4-6%).
    static constexpr double kOverheadBudget = 0.02;
    // And at most every this many batches: a sample also costs the next batches their warm caches, which its own
    // timing does not see (LeNet slowed by 9% when sampled every other batch).
    static constexpr std::int64_t kMinimumAutomaticGap = 10;

private:
    struct LayerGroup {
        std::string id;
        std::vector<ParameterRef> params;
        std::string deadOutputOf; // the layer whose output shows its ReLU ("": no ReLU)
    };

    void describeInParallel(LayerHealth& health) const;
    LayerHealth measure(const LayerGroup& group, std::size_t& before, const std::vector<LayerOutput>& outputs);
    float deadFraction(const LayerGroup& group, const std::vector<LayerOutput>& outputs) const;

    Network& m_network;
    int m_every;
    std::vector<LayerGroup> m_groups;
    std::vector<float> m_before; // every sampled value before the step, group after group
    std::vector<float> m_values, m_grads;
    std::optional<double> m_lastSampleSeconds;
    std::int64_t m_lastStep = 0;
    std::int64_t m_minimumGap = 1;
    double m_cost = 0;         // seconds the last sample took (the copy before the step and the measures after it)
    double m_previousCost = 0; // and the one before: the smaller one paces, so one cold sample holds nothing back
};

} // namespace neurite
