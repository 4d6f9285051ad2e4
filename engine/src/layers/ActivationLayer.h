// A stand-alone activation layer (ReLU, LeakyReLU, Sigmoid, Tanh, Softmax).
#pragma once

#include "kernels/Activations.h"
#include "model/Layer.h"

namespace neurite {

class ActivationLayer : public Layer {
public:
    ActivationLayer(Activation activation, float alpha) : m_activation(activation), m_alpha(alpha) {}

    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool) override
    {
        out = *inputs[0]; // x: (batch, n)
        activate(m_activation, m_alpha, out);
    }

    void backward(std::span<const Matrix* const>, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override
    {
        if (dInputs[0])
            activationGradient(m_activation, m_alpha, out, dOut, *dInputs[0]);
    }

    void setActivation(Activation activation) { m_activation = activation; }
    Activation activation() const { return m_activation; }

private:
    Activation m_activation;
    float m_alpha;
};

} // namespace neurite
