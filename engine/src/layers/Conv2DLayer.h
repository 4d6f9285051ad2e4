// 2-D convolution y = f(W * x + b) with the activation fused in, threaded over the batch: the direct kernels for
// stride 1, im2col and a matrix product for the others.
#pragma once

#include "kernels/Activations.h"
#include "kernels/ConvGeometry.h"
#include "model/Layer.h"
#include "kernels/WeightInit.h"

#include <vector>

namespace neurite {

class Conv2DLayer : public Layer {
public:
    // Eigen-aligned, so that vectorised sums start at the same place in every run: results then do not
    // depend on where the allocator put a buffer.
    using Floats = std::vector<float, Eigen::aligned_allocator<float>>;

    using Init = WeightInit;
    Conv2DLayer(const ConvGeometry& geometry, int filters, Activation activation, float alpha, Init init, bool bias);

    // x: (batch, channels * height * width) -> out: (batch, filters * outHeight * outWidth), channel-major.
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;
    std::vector<ParameterRef> parameters() override;
    bool readParametersOf(Layer& source) override;
    void initialise(std::mt19937_64& rng) override;

    Matrix& weight() { return m_w; }
    Matrix& bias() { return m_b; }
    const ConvGeometry& geometry() const { return m_g; }

private:
    const Matrix& readWeight() const { return *m_wRead; }
    const Matrix& readBias() const { return *m_bRead; }
    // Buffers of one batch part, allocated once and reused (they only grow).
    struct Workspace {
        Floats col;            // (patch, block * pixels): the block's im2col columns
        Floats y;              // (filters, block * pixels): products before the bias, and dZ in backward
        Floats dCol;           // (patch, block * pixels): W^T dZ before col2im
        Matrix dW;             // (filters, patch): this part's share of the weight gradient
        Matrix dWT;            // (patch, filters): the same, transposed, where directWeightGradient makes it
        Floats dZT;            // (pixels, filters): one sample's dZ transposed, for directWeightGradient
        RowVector dB;          // (1, filters)
        Floats padded;         // one sample inside its zero border, for the direct kernels (padded convolutions)
        Floats paddedGradient; // one sample's dZ inside its border, for the input gradient's convolution
    };

    void prepare(int parts, long batch);
    const float* columns(const Matrix& x, Workspace& w, long first, long count);
    const float* directInput(const Matrix& x, Workspace& w, long row);
    void refreshTransposedWeights();
    void forwardBlock(const Matrix& x, Workspace& w, long first, long count, Matrix& out);
    void addDirectWeightGradient(const Matrix& x, const float* dZ, Workspace& w, long first, long count);
    void backwardBlock(const Matrix& x, const Matrix& out, const Matrix& dOut, Workspace& w, long first, long count,
                       Matrix* dX);

    ConvGeometry m_g;
    // Stride-1 convolutions run the direct kernels on the padded input (m_direct: its geometry, with no
    // padding); the others, im2col and a matrix product.
    ConvGeometry m_direct;
    bool m_directForward = false, m_directGradient = false, m_padsInput = false;
    // The input gradient as a direct convolution of dZ (padded: m_inputGradient's input) with the flipped
    // kernels, where the direct kernel suits its shape; otherwise a product and col2im.
    ConvGeometry m_inputGradient, m_inputGradientPadded;
    bool m_directInputGradient = false;
    Matrix m_wFlipped;  // (channels, filters * kernel * kernel): W's kernels turned, filters and channels swapped
    Matrix m_wFlippedT; // its transpose, where the direct kernel reads 16 output channels per vector
    int m_filters;
    Activation m_activation;
    float m_alpha;
    Init m_init;
    bool m_hasBias;
    Matrix m_w, m_dW;             // (filters, channels * kernel * kernel): PyTorch's (out, in, kh, kw) order
    Matrix m_b, m_dB;             // (1, filters)
    const Matrix* m_wRead = &m_w; // the values forward and backward use: m_w, or another layer's
    const Matrix* m_bRead = &m_b;
    Matrix m_wT;       // (channels * kernel * kernel, filters): W transposed for directConvolution
    Matrix m_wTSource; // (filters, channels * kernel * kernel): the W that m_wT was transposed from
    std::vector<Workspace> m_work;
};

} // namespace neurite
