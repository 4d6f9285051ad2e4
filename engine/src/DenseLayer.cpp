// Dense forward and backward side by side; the products go through MatrixProducts for threading.
#include "DenseLayer.h"

#include "MatrixProducts.h"

#include <cmath>

namespace neurite {

DenseLayer::DenseLayer(int inputs, int units, Activation activation, float alpha, Init init, bool bias)
    : m_activation(activation), m_alpha(alpha), m_init(init), m_hasBias(bias),
      m_w(Matrix::Zero(inputs, units)), m_dW(Matrix::Zero(inputs, units)),
      m_b(Matrix::Zero(1, units)), m_dB(Matrix::Zero(1, units))
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
    multiply(m_pool, x, m_w, out);
    if (m_hasBias)
        out.rowwise() += m_b.row(0);
    activate(m_activation, m_alpha, out);
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
