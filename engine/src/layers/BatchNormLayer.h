// Batch normalisation per feature (flat inputs) or per channel (images), with PyTorch's conventions.
#pragma once

#include "model/Layer.h"

#include <vector>

namespace neurite {

// Training: normalise with the batch's mean and (biased) variance, and move the running statistics towards
// them by `momentum` (the running variance uses the unbiased estimate). Eval: normalise with the running
// statistics. Then scale by gamma ("weight") and shift by beta ("bias").
class BatchNormLayer : public Layer {
public:
    // channels: features or image channels; pixels: values per channel in a sample (1 for flat inputs).
    BatchNormLayer(int channels, long pixels, float momentum, float epsilon);

    // x: (batch, channels * pixels) -> out: same shape
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;
    std::vector<ParameterRef> parameters() override;
    std::vector<ParameterRef> buffers() override;
    void initialise(std::mt19937_64&) override;

    Matrix& gamma() { return m_gamma; }
    Matrix& beta() { return m_beta; }
    Matrix& runningMean() { return m_runningMean; }
    Matrix& runningVar() { return m_runningVar; }

private:
    void batchStatistics(const Matrix& x);

    int m_channels;
    long m_pixels;
    float m_momentum;
    float m_epsilon;
    Matrix m_gamma, m_dGamma;            // (1, channels)
    Matrix m_beta, m_dBeta;              // (1, channels)
    Matrix m_runningMean, m_runningVar;  // (1, channels): saved with the weights, not trained
    std::vector<float> m_mean, m_invStd; // statistics the last forward normalised with
    Matrix m_xHat;                       // (batch, channels * pixels): the normalised input
    bool m_usedBatchStatistics = false;
};

} // namespace neurite
