// The ONNX graph under construction, as the layer types' ONNX hooks see it (no protobuf in this header).
// A layer's output is a tensor of rank 2 (N, features) or rank 4 (N, C, H, W); both hold the engine's row
// (C, H, W) in the same order, so asFlat/asImage convert once where a node needs the other rank.
#pragma once

#include "kernels/Activations.h"
#include "neurite/DataSchema.h"
#include "neurite/Weights.h"
#include "neurite/Tensor.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace onnx {
class GraphProto;
class NodeProto;
} // namespace onnx

namespace neurite {

struct PlanStep;

// The ONNX operator of an activation ("Relu" for ReLU; "Identity" for linear): what export writes and
// import reads.
std::string onnxActivationOp(Activation f);

// A node just added: its attributes are set through this handle.
class OnnxNode {
public:
    explicit OnnxNode(onnx::NodeProto* node) : m_node(node) {}
    OnnxNode& integer(const std::string& name, std::int64_t value);
    OnnxNode& integers(const std::string& name, const std::vector<std::int64_t>& values);
    OnnxNode& real(const std::string& name, float value);
    OnnxNode& text(const std::string& name, const std::string& value);

private:
    onnx::NodeProto* m_node;
};

class OnnxGraph {
public:
    OnnxGraph(onnx::GraphProto& graph, const Weights& weights) : m_graph(graph), m_weights(weights) {}

    const Weights& weights() const { return m_weights; }

    // The output of `layerId` as it is, as (N, C*H*W), or as (N, C, H, W).
    const std::string& tensor(const std::string& layerId) const { return m_valueOf.at(layerId).name; }
    bool isImage(const std::string& layerId) const { return m_valueOf.at(layerId).image; }
    std::string asFlat(const std::string& layerId);
    std::string asImage(const std::string& layerId);

    // The tensor a step writes, and recording what it holds.
    static std::string outputName(const std::string& layerId);
    void setOutput(const PlanStep& step, const std::string& tensor, bool image);

    // A node named "<layerId>/<op>".
    OnnxNode node(const std::string& op, const std::string& layerId, const std::vector<std::string>& inputs,
                  const std::string& output);
    void initializer(const std::string& name, const std::vector<std::int64_t>& dims, const std::vector<float>& values);
    // The activation node applying `f` to `in` into `out` (Softmax over axis 1, LeakyRelu with `alpha`).
    void activation(Activation f, float alpha, const std::string& layerId, const std::string& in,
                    const std::string& out);
    // The step's output is its first input's, unchanged (a folded softmax).
    void passThrough(const PlanStep& step);

    void addInput(const std::string& layerId, const Shape& shape, bool image);
    // The Input layer's output becomes (input - offset) / divisor: the model takes a table's raw encoding.
    void standardiseInput(const std::string& layerId, const InputStandardisation& standardisation);
    // "probabilities" [N, classes]: softmax of the final layer, or its raw outputs. The softmax node is
    // named after `softmaxOwner` ("dense3/Softmax": the layer whose softmax the loss took over), so that
    // an import gives it back to that layer; "head" when no layer had one.
    void addHead(const std::string& finalId, bool softmax, long classes, const std::string& softmaxOwner);
    // "value" [N, 1]: the final layer's output * deviation + mean, the target in its own units.
    void addRegressionHead(const std::string& finalId, double targetMean, double targetDeviation);

private:
    struct Value {
        std::string name;   // the ONNX tensor
        bool image = false; // rank 4 (N, C, H, W) rather than rank 2 (N, C*H*W)
        Shape shape;        // of one sample, as the engine sees it
    };

    onnx::GraphProto& m_graph;
    const Weights& m_weights;
    std::map<std::string, Value> m_valueOf;       // layer id -> its output
    std::map<std::string, std::string> m_flatOf;  // tensor -> its rank-2 copy
    std::map<std::string, std::string> m_imageOf; // tensor -> its rank-4 copy
};

} // namespace neurite
