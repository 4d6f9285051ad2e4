// Network: runs the layers of a validated design in topological order, forward and backward.
#include "neurite/Network.h"

#include "kernels/Activations.h"
#include "kernels/Losses.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"
#include "model/Layer.h"
#include "model/NetworkImpl.h"
#include "kernels/ThreadPool.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace neurite {

using detail::Node;

Weights Network::tensorsOf(Impl& impl, bool withValues)
{
    Weights result;
    for (const ParameterRef& p : impl.savedTensors()) {
        NamedTensor t{p.name, int(p.value->rows()), int(p.value->cols()), {}};
        if (withValues)
            t.values.assign(p.value->data(), p.value->data() + p.value->size());
        result.push_back(std::move(t));
    }
    return result;
}

void Network::Impl::build(const NetworkSpec& s, std::uint64_t seedValue, bool randomInit)
{
    spec = s;
    seed = seedValue;
    const DesignPlan plan = compileValidDesign(spec);
    loss = plan.loss;
    parameterCount = plan.report.totalParameters();
    multiplyAdds = plan.report.totalMultiplyAdds();
    std::map<std::string, int> index{{plan.inputId, 0}};
    Node input;
    input.id = plan.inputId;
    input.type = spec.find(plan.inputId)->type;
    input.shape = plan.inputShape;
    nodes.push_back(std::move(input));
    std::mt19937_64 rng(seedValue);
    for (const PlanStep& step : plan.steps) {
        Node node;
        node.id = step.id();
        node.type = step.layer.type;
        node.shape = step.outputShape();
        for (const std::string& from : step.inputs)
            node.inputs.push_back(index.at(from));
        // Each layer's own random stream (dropout masks) depends on its place, as the weights do.
        node.layer = step.kind->make(step, seedValue + 7919 * (nodes.size() + 1));
        if (randomInit)
            node.layer->initialise(rng);
        batchStatistics = batchStatistics || !node.layer->buffers().empty();
        index[step.id()] = int(nodes.size());
        nodes.push_back(std::move(node));
    }
    finalNode = index.at(plan.finalId);
    // Nodes moved while the vector grew: point each at its own buffer only now.
    for (Node& node : nodes)
        node.output = &node.out;
    for (Node& node : nodes) {
        for (int from : node.inputs)
            node.inPtrs.push_back(nodes[from].output);
        node.dInPtrs.assign(node.inputs.size(), nullptr);
    }
    setPool(0);
}

void Network::Impl::setPool(int threads)
{
    pool = std::make_unique<ThreadPool>(threads);
    setLayerPools(pool.get());
}

void Network::Impl::setLayerPools(ThreadPool* layerPool)
{
    for (Node& node : nodes)
        if (node.layer)
            node.layer->setThreadPool(layerPool);
}

void Network::Impl::forward(const Matrix& x, bool training)
{
    nodes.front().output = &x;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        Node& node = nodes[i];
        for (std::size_t p = 0; p < node.inputs.size(); ++p)
            node.inPtrs[p] = nodes[node.inputs[p]].output;
        node.layer->forward(node.inPtrs, node.out, training);
    }
}

// Gradients flow from the final node back to the first layer; a node feeding several layers sums them.
// Training stops at the first layers; `toInput` carries the gradient on into the Input node's `grad`.
void Network::Impl::backward(bool toInput)
{
    for (Node& node : nodes)
        node.gradSet = false;
    Node& last = nodes[finalNode];
    last.grad.swap(dFinal);
    last.gradSet = true;
    for (int i = finalNode; i >= 1; --i) {
        Node& node = nodes[i];
        if (!node.gradSet)
            continue;
        if (scratch.size() < node.inputs.size())
            scratch.resize(node.inputs.size());
        for (std::size_t p = 0; p < node.inputs.size(); ++p) {
            Node& source = nodes[node.inputs[p]];
            if (node.inputs[p] == 0 && !toInput) { // training needs no gradient for the Input
                node.dInPtrs[p] = nullptr;
                continue;
            }
            // A source that already has a gradient (from another consumer, or from an earlier port of this
            // node, as in Add(x, x)) gets this one added afterwards.
            bool taken = source.gradSet;
            for (std::size_t q = 0; q < p; ++q)
                taken = taken || node.inputs[q] == node.inputs[p];
            node.dInPtrs[p] = taken ? &scratch[p] : &source.grad;
        }
        node.layer->backward(node.inPtrs, node.out, node.grad, node.dInPtrs);
        for (std::size_t p = 0; p < node.inputs.size(); ++p) {
            if (!node.dInPtrs[p])
                continue;
            Node& source = nodes[node.inputs[p]];
            if (node.dInPtrs[p] == &scratch[p])
                source.grad += scratch[p];
            source.gradSet = true;
        }
    }
    last.grad.swap(dFinal);
}

Network::Network(const NetworkSpec& spec, std::uint64_t seed) : m_impl(std::make_unique<Impl>())
{
    m_impl->build(spec, seed);
}

// Random values for parameters that are overwritten at once are wasted work (measurable on small imported
// models under the sanitizers; in Release small beside zeroing and copying the buffers).
Network::Network(const NetworkSpec& spec, const Weights& weights, std::uint64_t seed) : m_impl(std::make_unique<Impl>())
{
    m_impl->build(spec, seed, false);
    setWeights(weights);
}

Weights Network::weightLayout(const NetworkSpec& spec)
{
    Impl impl;
    impl.build(spec, 1, false);
    // No copy of the constructors' zeros: the reader replaces every value (80 MB for a 20 M parameter model).
    return tensorsOf(impl, false);
}

Network::~Network() = default;
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;

const NetworkSpec& Network::spec() const
{
    return m_impl->spec;
}
Shape Network::inputShape() const
{
    return m_impl->nodes.front().shape;
}
int Network::outputSize() const
{
    return int(m_impl->nodes[m_impl->finalNode].shape.size());
}
LossKind Network::loss() const
{
    return m_impl->loss;
}
long Network::parameterCount() const
{
    return m_impl->parameterCount;
}

void Network::setThreads(int threads)
{
    if (threads != m_impl->requestedThreads) {
        m_impl->requestedThreads = threads;
        m_impl->setPool(threads);
    }
}

void Network::predict(const Matrix& x, Matrix& out)
{
    m_impl->forward(x, false);
    const Matrix& final = *m_impl->nodes[m_impl->finalNode].output;
    if (m_impl->loss == LossKind::CrossEntropy)
        softmaxRows(final, out);
    else
        out = final;
}

void Network::predictOne(const float* input, float* output)
{
    Impl& d = *m_impl;
    const long n = inputShape().size();
    d.single.resize(1, n);
    std::memcpy(d.single.data(), input, sizeof(float) * std::size_t(n));
    predict(d.single, d.singleOut);
    std::memcpy(output, d.singleOut.data(), sizeof(float) * std::size_t(d.singleOut.size()));
}

float Network::Impl::trainStep(const Matrix& x, detail::StepTargets targets, int* correct)
{
    if (splitsBatch(x.rows()))
        return splitTrainStep(x, targets, correct);
    forward(x, true);
    const float mean = lossAndGradient(targets, correct);
    backward();
    return mean;
}

float Network::Impl::lossAndGradient(detail::StepTargets targets, int* correct)
{
    const Matrix& final = *nodes[finalNode].output;
    if (targets.values)
        return meanSquaredErrorOfValues(final, targets.values, &dFinal);
    return loss == LossKind::CrossEntropy ? softmaxCrossEntropy(final, targets.labels, probs, &dFinal, correct)
                                          : meanSquaredError(final, targets.labels, &dFinal, correct);
}

bool Network::splitsBatch(long rows) const
{
    return m_impl->splitsBatch(rows);
}

float Network::forwardBackward(const Matrix& x, const std::uint8_t* labels, int* correct)
{
    return m_impl->trainStep(x, {labels, nullptr}, correct);
}

float Network::evaluateBatch(const Matrix& x, const std::uint8_t* labels, int* correct, Matrix* predictions)
{
    Impl& d = *m_impl;
    const Matrix& final = d.evaluationForward(x);
    if (d.loss == LossKind::MeanSquaredError) {
        if (predictions)
            *predictions = final;
        return meanSquaredError(final, labels, nullptr, correct);
    }
    const float loss = softmaxCrossEntropy(final, labels, d.probs, nullptr, correct);
    if (predictions)
        *predictions = d.probs;
    return loss;
}

namespace {

void requireValueLoss(LossKind loss)
{
    if (loss != LossKind::MeanSquaredError)
        throw NeuriteError("Regression targets need the MSE loss: set the Output's loss to MSE (the network uses "
                           "cross-entropy, which learns classes)");
}

} // namespace

float Network::forwardBackward(const Matrix& x, const float* targets)
{
    Impl& d = *m_impl;
    requireValueLoss(d.loss);
    return d.trainStep(x, {nullptr, targets}, nullptr);
}

float Network::evaluateBatch(const Matrix& x, const float* targets, Matrix* predictions)
{
    Impl& d = *m_impl;
    requireValueLoss(d.loss);
    const Matrix& final = d.evaluationForward(x);
    if (predictions)
        *predictions = final;
    return meanSquaredErrorOfValues(final, targets, nullptr);
}

// The seed of the backward pass is a one-hot row per sample: d(output k) / d(final output) = e_k.
void Network::inputGradient(const Matrix& x, int outputIndex, Matrix& dX, Matrix* outputs)
{
    Impl& d = *m_impl;
    if (outputIndex < 0 || outputIndex >= outputSize())
        throw NeuriteError("Output " + std::to_string(outputIndex) + " does not exist: the network has " +
                           std::to_string(outputSize()) + " outputs.");
    if (x.cols() != inputShape().size())
        throw NeuriteError("The input has " + std::to_string(x.cols()) + " values but the network takes " +
                           std::to_string(inputShape().size()) + ".");
    d.forward(x, false);
    const Matrix& final = *d.nodes[d.finalNode].output;
    if (outputs)
        *outputs = final;
    d.dFinal.setZero(final.rows(), final.cols());
    d.dFinal.col(outputIndex).setOnes();
    d.backward(true);
    Node& input = d.nodes.front();
    if (d.finalNode == 0) // the Input is the output: the gradient is the seed itself
        input.grad = d.dFinal;
    else if (!input.gradSet) // no path from the Input to this output carries a gradient
        input.grad.setZero(x.rows(), x.cols());
    dX = input.grad;
}

void Network::inputGradient(const float* input, int outputIndex, float* gradient)
{
    Impl& d = *m_impl;
    const long n = inputShape().size();
    d.single.resize(1, n);
    std::memcpy(d.single.data(), input, sizeof(float) * std::size_t(n));
    inputGradient(d.single, outputIndex, d.singleGradient);
    std::memcpy(gradient, d.singleGradient.data(), sizeof(float) * std::size_t(n));
}

std::vector<ParameterRef> Network::parameters()
{
    return m_impl->trainedTensors();
}

std::vector<ParameterRef> Network::Impl::trainedTensors()
{
    std::vector<ParameterRef> all;
    for (Node& node : nodes) {
        if (!node.layer)
            continue;
        for (ParameterRef p : node.layer->parameters()) {
            p.name = node.id + "." + p.name;
            all.push_back(p);
        }
    }
    return all;
}

// What a project file stores: the trainable parameters and the layers' untrained buffers (BatchNorm's
// running statistics), each named "<layerId>.<name>".
std::vector<ParameterRef> Network::Impl::savedTensors()
{
    std::vector<ParameterRef> all;
    for (Node& node : nodes) {
        if (!node.layer)
            continue;
        for (std::vector<ParameterRef> group : {node.layer->parameters(), node.layer->buffers()})
            for (ParameterRef p : group) {
                p.name = node.id + "." + p.name;
                all.push_back(p);
            }
    }
    return all;
}

Weights Network::weights() const
{
    return tensorsOf(*m_impl);
}

void Network::setWeights(const Weights& weights)
{
    std::map<std::string, const NamedTensor*> byName;
    for (const NamedTensor& t : weights)
        byName[t.name] = &t;
    const std::vector<ParameterRef> params = m_impl->savedTensors();
    // Check everything first so that a bad set leaves the network unchanged.
    for (const ParameterRef& p : params) {
        const auto it = byName.find(p.name);
        if (it == byName.end())
            throw NeuriteError("The weights have no tensor '" + p.name + "' for this design.");
        const NamedTensor& t = *it->second;
        if (t.rows != p.value->rows() || t.cols != p.value->cols() || long(t.values.size()) != p.value->size())
            throw NeuriteError("Tensor '" + p.name + "' is " + std::to_string(t.rows) + "x" + std::to_string(t.cols) +
                               " but the design needs " + std::to_string(p.value->rows()) + "x" +
                               std::to_string(p.value->cols()) + ".");
    }
    for (const ParameterRef& p : params)
        std::memcpy(p.value->data(), byName[p.name]->values.data(), sizeof(float) * std::size_t(p.value->size()));
}

std::vector<LayerActivation> Network::activations() const
{
    std::vector<LayerActivation> result;
    for (std::size_t i = 1; i < m_impl->nodes.size(); ++i) {
        const Node& node = m_impl->nodes[i];
        if (node.out.rows() == 0)
            continue;
        LayerActivation a{node.id, node.type, node.shape, {}};
        a.values.assign(node.out.data(), node.out.data() + node.out.cols());
        result.push_back(std::move(a));
    }
    return result;
}

std::vector<LayerOutput> Network::layerOutputs(long maxUnits) const
{
    const Impl& d = *m_impl;
    std::vector<LayerOutput> result;
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        const Node& node = d.nodes[i];
        if (node.shape.size() > maxUnits)
            continue;
        const bool folded = int(i) == d.finalNode && d.loss == LossKind::CrossEntropy;
        result.push_back({node.id, node.type, node.shape, node.output, folded});
    }
    return result;
}

} // namespace neurite
