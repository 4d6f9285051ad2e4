// The running network's insides, shared by Network.cpp and the batch-split training step.
#pragma once

#include "neurite/Network.h"

#include "kernels/ThreadPool.h"
#include "model/Layer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace neurite {

namespace detail {

// One layer of the running network and its buffers.
struct Node {
    std::string id;
    std::string type;
    Shape shape;
    std::unique_ptr<Layer> layer;      // null for the Input node
    std::vector<int> inputs;           // node indices, one per port
    std::vector<const Matrix*> inPtrs; // the inputs' outputs, prepared once
    std::vector<Matrix*> dInPtrs;      // where backward writes input gradients (null: not needed)
    Matrix out;                        // (batch, shape.size())
    Matrix grad;                       // dLoss/dOut
    bool gradSet = false;
    const Matrix* output = &out; // the Input node points at the caller's batch instead
};

// What a training step learns from: class labels, or real targets (outputSize() values a row).
struct StepTargets {
    const std::uint8_t* labels = nullptr;
    const float* values = nullptr;
};

} // namespace detail

struct Network::Impl {
    NetworkSpec spec;
    std::uint64_t seed = 1;
    std::vector<detail::Node> nodes; // topological order, Input first, Output excluded
    int finalNode = -1;              // the node that feeds the Output layer
    LossKind loss = LossKind::CrossEntropy;
    long parameterCount = 0;
    long multiplyAdds = 0;        // per sample, forward
    bool batchStatistics = false; // a layer (BatchNorm) normalises over the whole batch
    std::unique_ptr<ThreadPool> pool;
    int requestedThreads = 0;
    Matrix probs;                // cross-entropy head: softmax of the final node's logits
    Matrix dFinal;               // gradient w.r.t. the final node's output
    Matrix single, singleOut;    // predictOne buffers
    Matrix singleGradient;       // inputGradient's for one sample
    std::vector<Matrix> scratch; // per input port: a gradient to be added to one already there
    // The batch split: a second copy of the layers that trains on (or evaluates) the second half of a batch
    // (BatchSplitStep.cpp), and this network's own half of the batch (or chunk of it).
    std::unique_ptr<Impl> replica;
    std::vector<ParameterRef> splitParameters; // trainedTensors(), kept while the layers live
    bool replicaReadsWeights = false;          // the replica's layers read these layers' weights in place
    Matrix batchPart;
    Matrix evaluated; // (batch, final node's size): an evaluation's output, gathered chunk by chunk

    // randomInit false: the parameters stay as the layers' constructors leave them (zeros, BatchNorm's ones),
    // for a caller that sets every one of them next.
    void build(const NetworkSpec& s, std::uint64_t seed, bool randomInit = true);
    void forward(const Matrix& x, bool training);
    void backward(bool toInput = false);
    void setPool(int threads);
    void setLayerPools(ThreadPool* layerPool);
    std::vector<ParameterRef> savedTensors();
    std::vector<ParameterRef> trainedTensors(); // the parameters, each with its gradient

    // forward (training mode), loss and backward; returns the batch's mean loss.
    float trainStep(const Matrix& x, detail::StepTargets targets, int* correct);
    // The loss of the final node's output against the targets, and its gradient into dFinal.
    float lossAndGradient(detail::StepTargets targets, int* correct);
    bool splitsBatch(long rows) const;
    float splitTrainStep(const Matrix& x, detail::StepTargets targets, int* correct);
    // Builds the replica on first use and gives it this network's current weights.
    void prepareReplica();
    // Runs half(*this, 0, rows / 2) and half(*replica, rows / 2, rest) on two threads at once, the layers'
    // own splits off meanwhile.
    void runHalves(long rows, const std::function<void(Impl& net, long begin, long count)>& half);

    // The eval-mode forward pass of an evaluation (EvaluationForward.cpp): the final node's output for every
    // row of x. The layers' outputs are left holding a part of the batch only.
    const Matrix& evaluationForward(const Matrix& x);
    bool splitsEvaluation(long rows) const;
    long evaluationChunkRows() const;
    void forwardRowsInChunks(const Matrix& x, long begin, long count, long chunk, Matrix& out);
};

} // namespace neurite
