// Saliency: which input values push one class's score up or down, from the engine's backward pass to the input.
#pragma once

#include "neurite/Network.h"
#include "neurite/Tensor.h"

#include <string>
#include <vector>

namespace neurite {

// Both methods explain a class's score, its logit (see Network::inputGradient), against a baseline: the
// encoding of an empty input. Pixels are scaled to [0, 1] with 0 for black, so an empty canvas and a black
// image are all zeros; a table row's zero is the average row (standardised numbers at their mean, no
// category chosen).
enum class SaliencyMethod {
    // (x - baseline) * dScore/dx at x: one forward and one backward pass. Exact for a linear model; for a
    // ReLU network the first-order picture of the neighbourhood of x.
    GradientTimesInput,
    // (x - baseline) * the mean gradient along the straight path from the baseline to x (Sundararajan et
    // al., 2017), at the midpoints of `steps` equal segments, all in one batch. The attributions add up to
    // score(x) - score(baseline), up to a path error that shrinks as steps grow.
    IntegratedGradients,
};

struct SaliencyOptions {
    SaliencyMethod method = SaliencyMethod::GradientTimesInput;
    int steps = 16; // integrated gradients only; at least 1
};

// The attributions of one class's score for one input, and the scores they explain.
struct Attribution {
    std::vector<float> values; // one per input value, in the Input's (channels, rows, cols) order
    float score = 0;           // the class's logit (raw output for MSE) at the input
    float baselineScore = 0;   // ... and at the baseline
};

// Explains predictions of one network after another, keeping its buffers: after the first call of a given
// method nothing is allocated, so it can run at every stroke of a drawing.
class SaliencyExplainer {
public:
    explicit SaliencyExplainer(SaliencyOptions options = {});

    // input: network.inputShape().size() values; baseline: as many, or empty for zeros. The result is valid
    // until the next call. Throws NeuriteError for a class the network does not have or a baseline of the
    // wrong size.
    const Attribution& explain(Network& network, const float* input, int classIndex,
                               const std::vector<float>& baseline = {});

    const SaliencyOptions& options() const { return m_options; }

private:
    void fillPath(const float* input, const float* baseline, long n);

    SaliencyOptions m_options;
    Matrix m_x;       // (rows, n): the path's points, then x, then the baseline
    Matrix m_dX;      // (rows, n)
    Matrix m_outputs; // (rows, outputs)
    std::vector<float> m_zeros;
    Attribution m_result;
};

// Sums an image's attributions over its channels: one value per pixel, (height, width) row-major. A flat
// shape (a table row) comes back as it is.
std::vector<float> pixelSaliency(const std::vector<float>& attributions, const Shape& shape);

// "Gradient × input", "Integrated gradients (16 steps)": for captions and the bench.
std::string saliencyMethodName(const SaliencyOptions& options);

} // namespace neurite
