// A runnable network built from a NetworkSpec: forward, backward, parameters and weights.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/LossKind.h"
#include "neurite/Tensor.h"
#include "neurite/Weights.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace neurite {

// The output of one layer for the last predicted sample, for the "look inside" views.
struct LayerActivation {
    std::string layerId;
    std::string type;
    Shape shape;
    std::vector<float> values;
};

// One layer's outputs for the whole batch of the most recent forward pass, without a copy: `values` is the
// network's own buffer (the Input's: the batch given to predict), valid until the next forward pass, until the
// network is moved or destroyed, and (for the Input) while the caller's batch lives.
struct LayerOutput {
    std::string layerId;
    std::string type;
    Shape shape;
    const Matrix* values = nullptr; // (batch, shape.size())
    // The final layer of a cross-entropy network: `values` are its logits, and predict's softmax of them
    // the probabilities its softmax activation stands for.
    bool softmaxFolded = false;
};

class Network {
public:
    // Validates and builds `spec`; parameters initialised from `seed`. Throws NeuriteError listing the problems.
    explicit Network(const NetworkSpec& spec, std::uint64_t seed = 1);
    // Validates and builds `spec` with `weights` (as setWeights; throws NeuriteError naming a missing or
    // misshapen tensor); `seed` drives what stays random (dropout masks).
    Network(const NetworkSpec& spec, const Weights& weights, std::uint64_t seed = 1);
    // The tensors weights() gives for `spec`, named and shaped, with no values (each `values` empty, its
    // size rows x cols): for a reader that fills them from a file.
    static Weights weightLayout(const NetworkSpec& spec);
    ~Network();
    Network(Network&&) noexcept;
    Network& operator=(Network&&) noexcept;
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    const NetworkSpec& spec() const;
    Shape inputShape() const;
    int outputSize() const;
    LossKind loss() const;
    long parameterCount() const;

    // Eval mode (dropout off). x: (batch, inputSize) -> probabilities (batch, outputSize)
    // (softmax applied for cross-entropy; raw outputs for MSE).
    void predict(const Matrix& x, Matrix& out);
    // One sample; `output` receives outputSize() values. No allocation after the first call.
    void predictOne(const float* input, float* output);

    // Training step part 1: forward in training mode, loss, backward. Gradients are overwritten (not
    // accumulated). labels: batch class indices. Returns the mean loss over the batch; `correct` (optional)
    // receives how many argmax predictions matched.
    float forwardBackward(const Matrix& x, const std::uint8_t* labels, int* correct = nullptr);
    // Whether a training step of `rows` samples runs its two halves on two threads at once (the batch split);
    // otherwise the step, bar products of large batches, runs on the calling thread.
    bool splitsBatch(long rows) const;
    // Eval-mode loss and correct count without touching gradients; `predictions` (optional) receives what
    // predict() would give for x.
    float evaluateBatch(const Matrix& x, const std::uint8_t* labels, int* correct, Matrix* predictions = nullptr);

    // Regression (a network with the MSE loss trained on real targets, e.g. a table's standardised target):
    // targets holds batch * outputSize() values, row after row; the loss is mean((output - target)^2).
    // Throw NeuriteError for a network with the cross-entropy loss.
    float forwardBackward(const Matrix& x, const float* targets);
    float evaluateBatch(const Matrix& x, const float* targets, Matrix* predictions = nullptr);

    // The gradient of one output with respect to the input, per row of x, through every layer's own backward
    // pass in eval mode (dropout off, BatchNorm on its running statistics), as predict runs. For a
    // cross-entropy network the output is the class's logit (the final layer's output before the folded
    // softmax): a probability's gradient vanishes once the network is sure, and mixes in every other class,
    // where the logit says what speaks for this class alone. For MSE it is the raw output.
    // x: (batch, inputSize) -> dX: (batch, inputSize); outputs (optional): (batch, outputSize), the logits or
    // raw outputs at x. Overwrites the parameters' gradients (this is a network to look at, not one training).
    // No allocation after the first call with the same batch size. Throws NeuriteError for an output or an
    // input width the network does not have.
    void inputGradient(const Matrix& x, int outputIndex, Matrix& dX, Matrix* outputs = nullptr);
    // One sample: `gradient` receives inputShape().size() values.
    void inputGradient(const float* input, int outputIndex, float* gradient);

    std::vector<ParameterRef> parameters();
    Weights weights() const;
    // Throws NeuriteError naming the tensor when a name is missing or a shape differs.
    void setWeights(const Weights& weights);

    // Per-layer outputs of the most recent predictOne()/predict() (first sample), in layer order.
    std::vector<LayerActivation> activations() const;
    // The Input and every layer with at most `maxUnits` outputs per sample, in plan order (the order the
    // layers run in), for the whole batch of the most recent predict() or training step.
    std::vector<LayerOutput> layerOutputs(long maxUnits) const;

    // Worker threads used by forward/backward (0 = all cores). Results are deterministic per count.
    void setThreads(int threads);

private:
    struct Impl;
    static Weights tensorsOf(Impl& impl, bool withValues = true); // every saved tensor, copied or shaped only
    std::unique_ptr<Impl> m_impl;
};

} // namespace neurite
