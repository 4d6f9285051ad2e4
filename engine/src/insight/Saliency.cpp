// Saliency: gradient x input and integrated gradients over Network::inputGradient, one batch per call.
#include "neurite/Saliency.h"

#include "neurite/Error.h"

#include <algorithm>

namespace neurite {

SaliencyExplainer::SaliencyExplainer(SaliencyOptions options) : m_options(options)
{
    if (m_options.steps < 1)
        throw NeuriteError("Integrated gradients need at least 1 step, not " + std::to_string(m_options.steps) + ".");
}

// Rows 0..steps-1 are the midpoints baseline + (k + 0.5) / steps * (x - baseline) (none for gradient x
// input); the last two rows are x and the baseline, whose scores come with the same pass.
void SaliencyExplainer::fillPath(const float* input, const float* baseline, long n)
{
    const int steps = m_options.method == SaliencyMethod::IntegratedGradients ? m_options.steps : 0;
    m_x.resize(steps + 2, n);
    for (int k = 0; k < steps; ++k) {
        const float alpha = (float(k) + 0.5f) / float(steps);
        for (long i = 0; i < n; ++i)
            m_x(k, i) = baseline[i] + alpha * (input[i] - baseline[i]);
    }
    std::copy(input, input + n, m_x.row(steps).data());
    std::copy(baseline, baseline + n, m_x.row(steps + 1).data());
}

const Attribution& SaliencyExplainer::explain(Network& network, const float* input, int classIndex,
                                              const std::vector<float>& baseline)
{
    const long n = network.inputShape().size();
    if (!baseline.empty() && long(baseline.size()) != n)
        throw NeuriteError("The saliency baseline has " + std::to_string(baseline.size()) +
                           " values but the network takes " + std::to_string(n) + ".");
    m_zeros.assign(std::size_t(n), 0.0f);
    const float* base = baseline.empty() ? m_zeros.data() : baseline.data();
    fillPath(input, base, n);
    network.inputGradient(m_x, classIndex, m_dX, &m_outputs);

    // The gradients averaged are the path's rows, or (gradient x input) x's own row.
    const Eigen::Index xRow = m_x.rows() - 2;
    const Eigen::Index count = xRow == 0 ? 1 : xRow;
    m_result.values.resize(std::size_t(n));
    for (long i = 0; i < n; ++i) {
        double sum = 0;
        for (Eigen::Index r = 0; r < count; ++r)
            sum += double(m_dX(r, i));
        m_result.values[std::size_t(i)] = float(double(input[i] - base[i]) * sum / double(count));
    }
    m_result.score = m_outputs(xRow, classIndex);
    m_result.baselineScore = m_outputs(xRow + 1, classIndex);
    return m_result;
}

std::vector<float> pixelSaliency(const std::vector<float>& attributions, const Shape& shape)
{
    if (long(attributions.size()) != shape.size())
        throw NeuriteError("The attributions have " + std::to_string(attributions.size()) + " values, not the " +
                           std::to_string(shape.size()) + " of " + shape.toString() + ".");
    if (shape.isFlat())
        return attributions;
    const std::size_t pixels = std::size_t(shape.height) * std::size_t(shape.width);
    std::vector<float> map(pixels, 0.0f);
    for (int c = 0; c < shape.channels; ++c)
        for (std::size_t p = 0; p < pixels; ++p)
            map[p] += attributions[std::size_t(c) * pixels + p];
    return map;
}

std::string saliencyMethodName(const SaliencyOptions& options)
{
    if (options.method == SaliencyMethod::GradientTimesInput)
        return "Gradient × input";
    return "Integrated gradients (" + std::to_string(options.steps) + " steps)";
}

} // namespace neurite
