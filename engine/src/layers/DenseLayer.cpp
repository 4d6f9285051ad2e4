// Dense forward and backward side by side; the products go through MatrixProducts for threading.
#include "layers/DenseLayer.h"

#include "kernels/MatrixProducts.h"

#include <cmath>
#include <cstring>

namespace neurite {

namespace {
// Sixteen floats as one value: GCC and Clang map it to the widest vector registers the target has.
using Lanes = float __attribute__((vector_size(64)));
} // namespace

DenseLayer::DenseLayer(int inputs, int units, Activation activation, float alpha, Init init, bool bias)
    : m_activation(activation), m_alpha(alpha), m_init(init), m_hasBias(bias), m_w(Matrix::Zero(inputs, units)),
      m_dW(Matrix::Zero(inputs, units)), m_b(Matrix::Zero(1, units)), m_dB(Matrix::Zero(1, units))
{
}

void DenseLayer::initialise(std::mt19937_64& rng)
{
    const float fanIn = float(m_w.rows()), fanOut = float(m_w.cols());
    initialiseWeights(m_w, fanIn, fanOut, m_init, rng);
    m_b.setZero();
}

// x: (batch, in) -> out: (batch, units)
void DenseLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    if (x.rows() == 1) {
        forwardOneSample(x, out);
    } else {
        multiply(m_pool, x, m_w, out);
        if (m_hasBias)
            out.rowwise() += m_b.row(0);
    }
    activate(m_activation, m_alpha, out);
}

// x: (1, in) -> out: (1, units), before the activation. One sample's product is bound by reading W, and a
// drawn digit (or a ReLU layer's output) is mostly zeros: only the weight rows of non-zero inputs are read.
// The non-zeros are listed first, without branches, so the zero pattern costs no mispredictions.
void DenseLayer::forwardOneSample(const Matrix& x, Matrix& out)
{
    const long inputs = m_w.rows(), units = m_w.cols();
    out.resize(1, units);
    if (m_hasBias)
        out = m_b;
    else
        out.setZero();
    m_nonZeroInputs.resize(std::size_t(inputs));
    const float* input = x.data();
    long count = 0;
    for (long k = 0; k < inputs; ++k) {
        m_nonZeroInputs[std::size_t(count)] = int(k);
        count += input[k] != 0.0f;
    }
    // Columns in blocks of 128 whose sums stay in (vector) registers while the weight rows stream past.
    constexpr long kLanes = 16, kVectors = 8, kBlock = kLanes * kVectors;
    long begin = 0;
    for (; begin + kBlock <= units; begin += kBlock) {
        Lanes sums[kVectors];
        std::memcpy(sums, out.data() + begin, sizeof sums);
        for (long i = 0; i < count; ++i) {
            const long k = m_nonZeroInputs[std::size_t(i)];
            const float* w = m_w.data() + k * units + begin;
            const float xk = input[k];
            for (long v = 0; v < kVectors; ++v) {
                Lanes row;
                std::memcpy(&row, w + v * kLanes, sizeof row);
                sums[v] += xk * row;
            }
        }
        std::memcpy(out.data() + begin, sums, sizeof sums);
    }
    float* __restrict y = out.data();
    for (long i = 0; i < count; ++i) {
        const long k = m_nonZeroInputs[std::size_t(i)];
        const float* __restrict w = m_w.data() + k * units;
        for (long j = begin; j < units; ++j)
            y[j] += input[k] * w[j];
    }
}

// dOut: (batch, units) -> dW = x^T dZ, dB = sum over the batch of dZ, dX = dZ W^T
void DenseLayer::backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                          std::span<Matrix* const> dInputs)
{
    const Matrix* dZ = &dOut;
    if (m_activation != Activation::Linear) {
        activationGradient(m_activation, m_alpha, out, dOut, m_dZ);
        dZ = &m_dZ;
    }
    multiplyTransposedA(m_pool, *inputs[0], *dZ, m_dW);
    if (m_hasBias)
        m_dB = dZ->colwise().sum();
    if (dInputs[0])
        multiplyTransposedB(m_pool, *dZ, m_w, *dInputs[0]);
}

std::vector<ParameterRef> DenseLayer::parameters()
{
    std::vector<ParameterRef> params{{"weight", &m_w, &m_dW}};
    if (m_hasBias)
        params.push_back({"bias", &m_b, &m_dB});
    return params;
}

} // namespace neurite
