// Samples layer health on the training thread (see HealthCollector.h).
#include "training/HealthCollector.h"

#include "kernels/ThreadPool.h"
#include "training/LayerActivationMap.h"

#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>

namespace neurite {

namespace {

using Clock = std::chrono::steady_clock;

std::string layerOf(const std::string& parameterName)
{
    return parameterName.substr(0, parameterName.rfind('.'));
}

double squaredNorm(const float* values, std::size_t count)
{
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += double(values[i]) * double(values[i]);
    return sum;
}

// Appends a group's values (or gradients) into one buffer, reused from sample to sample.
void gather(const std::vector<ParameterRef>& params, bool gradients, std::vector<float>& out)
{
    out.clear();
    for (const ParameterRef& p : params) {
        const Matrix& m = gradients ? *p.grad : *p.value;
        out.insert(out.end(), m.data(), m.data() + m.size());
    }
}

} // namespace

HealthCollector::HealthCollector(Network& network, int every) : m_network(network), m_every(every)
{
    if (m_every < 0)
        return;
    const std::map<std::string, LayerEnding> endings = layerEndings(network.spec());
    for (const ParameterRef& p : network.parameters()) {
        const std::string id = layerOf(p.name);
        if (m_groups.empty() || m_groups.back().id != id) {
            const auto ending = endings.find(id);
            const bool relu = ending != endings.end() && ending->second.activation == Activation::ReLU;
            m_groups.push_back({id, {}, relu ? ending->second.outputOf : std::string()});
        }
        m_groups.back().params.push_back(p);
    }
}

bool HealthCollector::beforeStep(std::int64_t step, double trainingSeconds)
{
    if (m_every < 0 || m_groups.empty())
        return false;
    bool due = false;
    if (!m_lastSampleSeconds)
        due = true; // the first step, whatever the mode
    else if (m_every > 0)
        due = step - m_lastStep >= std::int64_t(m_every) * m_minimumGap;
    else // automatic: the time since the last sample must pay for the cost of one
        due = step - m_lastStep >= kMinimumAutomaticGap * m_minimumGap &&
              trainingSeconds - *m_lastSampleSeconds >= std::min(m_cost, m_previousCost) / kOverheadBudget;
    if (!due)
        return false;
    const auto started = Clock::now();
    m_previousCost = m_cost; // 0 before the first: the second sample follows it at once
    m_lastSampleSeconds = trainingSeconds;
    m_lastStep = step;
    m_before.clear();
    for (const LayerGroup& group : m_groups)
        for (const ParameterRef& p : group.params)
            m_before.insert(m_before.end(), p.value->data(), p.value->data() + p.value->size());
    m_cost = std::chrono::duration<double>(Clock::now() - started).count();
    return true;
}

HealthSample HealthCollector::afterStep(std::int64_t step, int epoch)
{
    const auto started = Clock::now();
    HealthSample sample;
    sample.step = step;
    sample.epoch = epoch;
    const std::vector<LayerOutput> outputs = m_network.layerOutputs(LONG_MAX);
    std::size_t before = 0;
    for (const LayerGroup& group : m_groups)
        sample.layers.push_back(measure(group, before, outputs));
    m_cost += std::chrono::duration<double>(Clock::now() - started).count();
    return sample;
}

void HealthCollector::keep(HealthSample sample, std::vector<HealthSample>& kept)
{
    kept.push_back(std::move(sample));
    if (kept.size() < kMaxHealthSamples)
        return;
    thinHealthSamples(kept);
    m_minimumGap *= 2;
}

// The weights' and the gradients' distributions are independent: one on each of two threads halves the pause
// in training that a sample makes (the pool's other threads would only wait for it).
void HealthCollector::describeInParallel(LayerHealth& health) const
{
    const auto describeWeights = [&] { health.weights = describeValues(m_values.data(), m_values.size()); };
    const auto describeGradients = [&] { health.gradients = describeValues(m_grads.data(), m_grads.size()); };
#if NEURITE_PLAIN_THREADS
    describeWeights(); // see ThreadPool.h
    describeGradients();
#else
    tbb::parallel_invoke(describeWeights, describeGradients);
#endif
}

LayerHealth HealthCollector::measure(const LayerGroup& group, std::size_t& before,
                                     const std::vector<LayerOutput>& outputs)
{
    LayerHealth health;
    health.layerId = group.id;
    gather(group.params, false, m_values);
    gather(group.params, true, m_grads);
    describeInParallel(health);
    health.weightNorm = float(std::sqrt(squaredNorm(m_values.data(), m_values.size())));
    health.gradientNorm = float(std::sqrt(squaredNorm(m_grads.data(), m_grads.size())));
    // ||W_after - W_before|| / ||W_before||, over the group's part of m_before.
    double change = 0;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const double d = double(m_values[i]) - double(m_before[before + i]);
        change += d * d;
    }
    const double weightsBefore = std::sqrt(squaredNorm(m_before.data() + before, m_values.size()));
    before += m_values.size();
    health.updateRatio = weightsBefore > 0 ? float(std::sqrt(change) / weightsBefore) : 0.0f;
    health.deadFraction = deadFraction(group, outputs);
    return health;
}

// A unit is dead when it is 0 for every sample of the batch: a Dense unit is one column of the output, a
// Conv2D channel is the block of height * width columns it owns (outputs are channel-major).
float HealthCollector::deadFraction(const LayerGroup& group, const std::vector<LayerOutput>& outputs) const
{
    if (group.deadOutputOf.empty())
        return std::nanf("");
    for (const LayerOutput& output : outputs) {
        if (output.layerId != group.deadOutputOf || !output.values)
            continue;
        const Matrix& values = *output.values; // (batch, channels * height * width)
        const long perChannel = long(output.shape.height) * output.shape.width;
        int dead = 0;
        for (int c = 0; c < output.shape.channels; ++c) {
            const auto block = values.middleCols(long(c) * perChannel, perChannel);
            dead += (block.array() == 0.0f).all() ? 1 : 0;
        }
        return output.shape.channels > 0 ? float(dead) / float(output.shape.channels) : 0.0f;
    }
    return std::nanf("");
}

} // namespace neurite
