// Conv2D forward and backward. Stride-1 convolutions sum each sample straight from its (padded) input rows
// with the direct kernels, forward and for both gradients where their shapes suit. The others process
// samples in blocks: the im2col columns of a block sit side by side, so one matrix product serves the whole
// block (W: (filters, patch) times col: (patch, block*pixels)).
#include "layers/Conv2DLayer.h"

#include "kernels/BatchParts.h"
#include "kernels/DirectConvolution.h"
#include "kernels/Im2Col.h"
#include "kernels/Transpose.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace neurite {
namespace {

// Samples per product: enough columns for an efficient product, few enough that the block's im2col
// columns stay in the L2 cache (LeNet: 25 x 8 x 576 and 200 x 8 x 64 floats, about 0.5 MB).
constexpr long kBlock = 8;

using ArrayMap = Eigen::Map<Eigen::ArrayXf>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;

// dst = f(src + bias) over n values: the bias and the activation in one pass.
void biasActivate(Activation f, float alpha, const float* src, float bias, float* dst, long n)
{
    const auto z = ConstArrayMap(src, n) + bias;
    ArrayMap y(dst, n);
    switch (f) {
    case Activation::ReLU: y = z.max(0.0f); break;
    case Activation::LeakyReLU: y = (z > 0.0f).select(z, z * alpha); break;
    case Activation::Sigmoid: y = ((-z).exp() + 1.0f).inverse(); break;
    case Activation::Tanh: y = z.tanh(); break;
    default: y = z; break; // Linear (Softmax is not offered for convolutions)
    }
}

// dz = dy * f'(z), written in terms of y = f(z), over n values.
void gradientThroughActivation(Activation f, float alpha, const float* y, const float* dy, float* dz, long n)
{
    const ConstArrayMap yv(y, n), dyv(dy, n);
    ArrayMap d(dz, n);
    switch (f) {
    case Activation::ReLU: d = (yv > 0.0f).select(dyv, 0.0f); break;
    case Activation::LeakyReLU: d = (yv > 0.0f).select(dyv, dyv * alpha); break;
    case Activation::Sigmoid: d = dyv * yv * (1.0f - yv); break;
    case Activation::Tanh: d = dyv * (1.0f - yv.square()); break;
    default: d = dyv; break;
    }
}

} // namespace

Conv2DLayer::Conv2DLayer(const ConvGeometry& geometry, int filters, Activation activation, float alpha, Init init,
                         bool bias)
    : m_g(geometry), m_filters(filters), m_activation(activation), m_alpha(alpha), m_init(init), m_hasBias(bias),
      m_w(Matrix::Zero(filters, geometry.patchSize())), m_dW(Matrix::Zero(filters, geometry.patchSize())),
      m_b(Matrix::Zero(1, filters)), m_dB(Matrix::Zero(1, filters))
{
    if (m_g.stride == 1) {
        m_direct = paddedInputGeometry(m_g);
        m_directForward = suitsDirectConvolution(m_direct, filters);
        m_directGradient = suitsDirectWeightGradient(m_direct, filters);
        m_padsInput = (m_directForward || m_directGradient) && needsPaddedInput(m_g);
        m_inputGradient = inputGradientGeometry(m_g, filters);
        m_inputGradientPadded = paddedInputGeometry(m_inputGradient);
        m_directInputGradient = m_inputGradient.isValid() &&
                                suitsDirectConvolution(m_inputGradientPadded, m_g.channels);
    }
}

void Conv2DLayer::initialise(std::mt19937_64& rng)
{
    const float fanIn = float(m_g.patchSize()), fanOut = float(m_filters) * m_g.kernel * m_g.kernel;
    initialiseWeights(m_w, fanIn, fanOut, m_init, rng);
    m_b.setZero();
}

// Sizes the buffers for `parts` parts; they only grow, so steady-state batches allocate nothing.
void Conv2DLayer::prepare(int parts, long batch)
{
    const long pixels = m_g.outputPixels(), patch = m_g.patchSize();
    const std::size_t block = std::size_t(std::min(kBlock, batch) * pixels);
    if (int(m_work.size()) < parts)
        m_work.resize(std::size_t(parts));
    for (int i = 0; i < parts; ++i) {
        Workspace& w = m_work[std::size_t(i)];
        if (w.y.size() < std::size_t(m_filters) * block)
            w.y.resize(std::size_t(m_filters) * block);
        if (w.col.size() < std::size_t(patch) * block)
            w.col.resize(std::size_t(patch) * block);
        if (m_padsInput && w.padded.size() < std::size_t(m_direct.inputSize()))
            w.padded.resize(std::size_t(m_direct.inputSize()));
        if (m_directInputGradient && w.paddedGradient.size() < std::size_t(m_inputGradientPadded.inputSize()))
            w.paddedGradient.resize(std::size_t(m_inputGradientPadded.inputSize()));
    }
}

// The im2col columns of samples [first, first + count), side by side: (patch, count * pixels). Built anew
// in backward rather than kept from forward: a block's columns fit in the cache, a batch's do not.
const float* Conv2DLayer::columns(const Matrix& x, Workspace& w, long first, long count)
{
    const long pixels = m_g.outputPixels();
    for (long j = 0; j < count; ++j)
        im2col(x.row(first + j).data(), m_g, w.col.data() + j * pixels, count * pixels);
    return w.col.data();
}

// Sample `row` of x as the direct kernels read it: in place, or copied inside its zero border.
const float* Conv2DLayer::directInput(const Matrix& x, Workspace& w, long row)
{
    if (!m_padsInput)
        return x.row(row).data();
    padInput(x.row(row).data(), m_g, w.padded.data());
    return w.padded.data();
}

// out rows [first, first + count) = f(W col + b), reordered from (filter, sample, pixel) to
// (sample, filter, pixel).
void Conv2DLayer::forwardBlock(const Matrix& x, Workspace& w, long first, long count, Matrix& out)
{
    const long pixels = m_g.outputPixels(), cols = count * pixels;
    if (m_directForward) { // straight into the output rows: no columns, no reordering
        for (long j = 0; j < count; ++j) {
            float* y = out.row(first + j).data();
            directConvolution(directInput(x, w, first + j), m_direct, readWeight().data(), m_wT.data(), m_filters, y);
            for (int f = 0; f < m_filters; ++f)
                biasActivate(m_activation, m_alpha, y + f * pixels, m_hasBias ? readBias()(0, f) : 0.0f, y + f * pixels,
                             pixels);
        }
        return;
    }
    MatrixMap y(w.y.data(), m_filters, cols);
    y.noalias() = readWeight() * ConstMatrixMap(columns(x, w, first, count), m_g.patchSize(), cols);
    for (long j = 0; j < count; ++j)
        for (int f = 0; f < m_filters; ++f)
            biasActivate(m_activation, m_alpha, y.data() + f * cols + j * pixels, m_hasBias ? readBias()(0, f) : 0.0f,
                         out.row(first + j).data() + f * pixels, pixels);
}

// Transposes W again only when it differs from the W of the last transposition: one sample's forward pass
// (LeNet's second convolution) would otherwise spend a tenth of its time on a strided copy of 3,200 values
// that had not changed since the last call. The comparison is a contiguous read, several times cheaper.
void Conv2DLayer::refreshTransposedWeights()
{
    const Matrix& w = readWeight();
    const bool same = m_wTSource.rows() == w.rows() && m_wTSource.cols() == w.cols() &&
                      std::memcmp(m_wTSource.data(), w.data(), sizeof(float) * std::size_t(w.size())) == 0;
    if (same)
        return;
    m_wTSource = w;
    m_wT = w.transpose();
}

void Conv2DLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    const long batch = x.rows();
    out.resize(batch, m_filters * m_g.outputPixels());
    if (m_directForward && directConvolutionReadsTransposedWeights(m_direct, m_filters))
        refreshTransposedWeights();
    const int parts = batchParts(m_pool, batch, m_filters * m_g.patchSize() * m_g.outputPixels());
    prepare(parts, batch);
    forEachBatchPart(m_pool, parts, batch, [&](int part, long begin, long end) {
        for (long first = begin; first < end; first += kBlock)
            forwardBlock(x, m_work[std::size_t(part)], first, std::min(kBlock, end - first), out);
    });
}

// One block's share of dW (accumulated into the workspace), dB, and its rows of dX.
void Conv2DLayer::backwardBlock(const Matrix& x, const Matrix& out, const Matrix& dOut, Workspace& w, long first,
                                long count, Matrix* dX)
{
    const long pixels = m_g.outputPixels(), cols = count * pixels, patch = m_g.patchSize();
    MatrixMap dZ(w.y.data(), m_filters, cols); // (filters, count * pixels)
    for (long j = 0; j < count; ++j)
        for (int f = 0; f < m_filters; ++f) {
            float* dz = dZ.data() + f * cols + j * pixels;
            gradientThroughActivation(m_activation, m_alpha, out.row(first + j).data() + f * pixels,
                                      dOut.row(first + j).data() + f * pixels, dz, pixels);
            w.dB(0, f) += ConstArrayMap(dz, pixels).sum();
        }
    if (m_directGradient)
        addDirectWeightGradient(x, dZ.data(), w, first, count);
    else
        w.dW.noalias() += dZ * ConstMatrixMap(columns(x, w, first, count), patch, cols).transpose();
    if (!dX)
        return;
    if (m_directInputGradient) {
        for (long j = 0; j < count; ++j) {
            padInput(dZ.data() + j * pixels, m_inputGradient, w.paddedGradient.data(), cols);
            directConvolution(w.paddedGradient.data(), m_inputGradientPadded, m_wFlipped.data(), m_wFlippedT.data(),
                              m_g.channels, dX->row(first + j).data());
        }
        return;
    }
    if (w.dCol.size() < std::size_t(patch * cols))
        w.dCol.resize(std::size_t(patch * cols));
    MatrixMap dCol(w.dCol.data(), patch, cols);
    dCol.noalias() = readWeight().transpose() * dZ;
    for (long j = 0; j < count; ++j)
        col2im(dCol.data() + j * pixels, cols, m_g, dX->row(first + j).data());
}

// w.dWT += the block's weight gradient, summed straight from the input rows (no im2col columns).
// dZ: (filters, count * pixels).
void Conv2DLayer::addDirectWeightGradient(const Matrix& x, const float* dZ, Workspace& w, long first, long count)
{
    const long pixels = m_g.outputPixels();
    if (w.dZT.size() < std::size_t(pixels * m_filters))
        w.dZT.resize(std::size_t(pixels * m_filters));
    for (long j = 0; j < count; ++j) {
        // (filters, pixels) of the block's (filters, count * pixels) -> w.dZT: (pixels, filters)
        transposeInto(dZ + j * pixels, m_filters, pixels, count * pixels, w.dZT.data(), m_filters);
        directWeightGradient(directInput(x, w, first + j), m_direct, w.dZT.data(), m_filters, w.dWT.data());
    }
}

// dW = sum over samples of dZ col^T, dB = sum of dZ, dX = col2im(W^T dZ), where dZ = dOut * f'(z).
void Conv2DLayer::backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                           std::span<Matrix* const> dInputs)
{
    const Matrix& x = *inputs[0];
    const long batch = x.rows();
    Matrix* dX = dInputs[0];
    if (dX)
        dX->resize(batch, m_g.inputSize());
    if (dX && m_directInputGradient) {
        m_wFlipped.resize(m_g.channels, m_filters * m_g.kernel * m_g.kernel);
        flipKernels(readWeight().data(), m_g, m_filters, m_wFlipped.data());
        if (directConvolutionReadsTransposedWeights(m_inputGradientPadded, m_g.channels))
            m_wFlippedT = m_wFlipped.transpose();
    }
    const int parts = batchParts(m_pool, batch, m_filters * m_g.patchSize() * m_g.outputPixels());
    prepare(parts, batch);
    const bool direct = m_directGradient;
    forEachBatchPart(m_pool, parts, batch, [&](int part, long begin, long end) {
        Workspace& w = m_work[std::size_t(part)];
        if (direct)
            w.dWT.setZero(m_g.patchSize(), m_filters);
        else
            w.dW.setZero(m_filters, m_g.patchSize());
        w.dB.setZero(m_filters);
        for (long first = begin; first < end; first += kBlock)
            backwardBlock(x, out, dOut, w, first, std::min(kBlock, end - first), dX);
    });
    // Sum the parts in a fixed order: deterministic for a given thread count.
    if (direct) {
        for (int i = 1; i < parts; ++i)
            m_work[0].dWT += m_work[std::size_t(i)].dWT;
        m_dW = m_work[0].dWT.transpose();
    } else {
        m_dW = m_work[0].dW;
        for (int i = 1; i < parts; ++i)
            m_dW += m_work[std::size_t(i)].dW;
    }
    if (m_hasBias) {
        m_dB = m_work[0].dB;
        for (int i = 1; i < parts; ++i)
            m_dB += m_work[std::size_t(i)].dB;
    }
}

bool Conv2DLayer::readParametersOf(Layer& source)
{
    auto* same = dynamic_cast<Conv2DLayer*>(&source);
    if (!same || same->m_w.rows() != m_w.rows() || same->m_w.cols() != m_w.cols() || same->m_hasBias != m_hasBias)
        return false;
    m_wRead = &same->m_w;
    m_bRead = &same->m_b;
    return true;
}

std::vector<ParameterRef> Conv2DLayer::parameters()
{
    std::vector<ParameterRef> params{{"weight", &m_w, &m_dW}};
    if (m_hasBias)
        params.push_back({"bias", &m_b, &m_dB});
    return params;
}

} // namespace neurite
