// The interface every layer answers: forward, backward and its parameters.
#pragma once

#include "neurite/Weights.h"
#include "neurite/Tensor.h"

#include <random>
#include <span>
#include <vector>

namespace neurite {

class ThreadPool;

class Layer {
public:
    virtual ~Layer() = default;

    // inputs: one (batch, inSize) matrix per port -> out: (batch, outSize). `training` turns on dropout etc.
    virtual void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) = 0;

    // dOut: (batch, outSize), the loss gradient w.r.t. `out` as forward left it. Writes each non-null
    // dInputs[i] (batch, inSize) and overwrites (not accumulates) the parameter gradients.
    virtual void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                          std::span<Matrix* const> dInputs) = 0;

    virtual std::vector<ParameterRef> parameters() { return {}; }
    // State saved with the weights but not trained (BatchNorm's running statistics); grad is null.
    virtual std::vector<ParameterRef> buffers() { return {}; }
    virtual void initialise(std::mt19937_64&) {}
    // Makes this layer compute with `source`'s parameter values instead of its own (the batch split's replica
    // reads the network's weights as the optimiser leaves them); its gradients stay its own. `source` is a
    // layer built from the same step and outlives this one. False when this kind cannot: then the values are
    // copied each step.
    virtual bool readParametersOf(Layer& /*source*/) { return false; }
    // Shared worker threads for large matrix products (may be null: single-threaded).
    void setThreadPool(ThreadPool* pool) { m_pool = pool; }

protected:
    ThreadPool* m_pool = nullptr;
};

} // namespace neurite
