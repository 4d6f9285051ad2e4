// Fully connected layer y = f(xW + b) with the activation fused in.
#pragma once

#include "kernels/Activations.h"
#include "model/Layer.h"
#include "kernels/WeightInit.h"

#include <string>

namespace neurite {

class DenseLayer : public Layer {
public:
    using Init = WeightInit;
    DenseLayer(int inputs, int units, Activation activation, float alpha, Init init, bool bias);

    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;
    std::vector<ParameterRef> parameters() override;
    bool readParametersOf(Layer& source) override;
    void initialise(std::mt19937_64& rng) override;

    // The network's cross-entropy head computes softmax itself; the layer then emits logits.
    void setActivation(Activation activation) { m_activation = activation; }
    Activation activation() const { return m_activation; }
    Matrix& weight() { return m_w; }
    Matrix& bias() { return m_b; }

private:
    const Matrix& readWeight() const { return *m_wRead; }
    const Matrix& readBias() const { return *m_bRead; }
    void forwardOneSample(const Matrix& x, Matrix& out);

    Activation m_activation;
    float m_alpha;
    Init m_init;
    bool m_hasBias;
    Matrix m_w, m_dW;             // (inputs, units)
    Matrix m_b, m_dB;             // (1, units)
    const Matrix* m_wRead = &m_w; // the values forward and backward use: m_w, or another layer's
    const Matrix* m_bRead = &m_b;
    Matrix m_dZ;                      // (batch, units) scratch
    std::vector<int> m_nonZeroInputs; // forwardOneSample scratch
};

} // namespace neurite
