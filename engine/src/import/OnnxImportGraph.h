// The design under construction from an ONNX graph, as the layer types' import hooks see it (no protobuf
// here). ONNX tensors are either data (the output of a layer, or of the Input) or constants (initialisers,
// Constant nodes, folded shape computations). A data tensor is rank 2 (N, features) or rank 4
// (N, C, H, W); both hold the engine's row (C, H, W) in the same order, so a rank change alone is no layer.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace onnx {
class NodeProto;
} // namespace onnx

namespace neurite {

class LayerKind;

// A constant tensor. Integer constants may hold the batch size, which is not known: `batch` marks those
// entries (a shape computed from the input's "N").
struct OnnxConstant {
    std::vector<std::int64_t> dims;
    bool isFloat = true;
    std::vector<float> floats;      // when isFloat, row-major
    std::vector<std::int64_t> ints; // otherwise
    std::vector<bool> batch;        // beside ints: the entry is the batch size
    std::size_t elements() const { return isFloat ? floats.size() : ints.size(); }
};

// Why one node cannot be imported; the importer collects these and reports them all at once.
class OnnxNodeProblem : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One ONNX node with its attributes, for reading.
class OnnxNodeView {
public:
    OnnxNodeView(const onnx::NodeProto& node, int opset, std::size_t index)
        : m_node(node), m_opset(opset), m_index(index)
    {
    }

    const std::string& op() const;
    // The node's name, "" when it has none.
    const std::string& name() const;
    int opset() const { return m_opset; }
    // "node '/fc1/Gemm' (Gemm, opset 14)", or "node #3 (Gemm, opset 14)" without a name.
    std::string label() const;

    std::size_t inputCount() const;
    // The i-th input's tensor, "" when absent (missing or left empty: an optional input).
    std::string input(std::size_t i) const;
    std::size_t outputCount() const;
    const std::string& output(std::size_t i = 0) const;

    bool has(const std::string& attribute) const;
    std::int64_t integer(const std::string& attribute, std::int64_t fallback) const;
    std::vector<std::int64_t> integers(const std::string& attribute) const; // empty when absent
    float real(const std::string& attribute, float fallback) const;
    std::string text(const std::string& attribute, const std::string& fallback) const;
    // A one-value tensor attribute (ConstantOfShape's "value"): its value, and whether it is an integer.
    // Absent or not one value: 0.0 as a float.
    std::pair<double, bool> scalarTensor(const std::string& attribute) const;

private:
    const onnx::NodeProto& m_node;
    int m_opset;
    std::size_t m_index;
};

// Zero padding read from a Pad node, waiting for the Conv that reads its output: top, left, bottom, right.
struct PendingPad {
    int top = 0, left = 0, bottom = 0, right = 0;
    std::string node; // the Pad's label, for the note and for errors
};

class OnnxImportGraph {
public:
    // --- data tensors
    bool isData(const std::string& tensor) const { return m_data.count(tensor) > 0; }
    const std::string& layerOf(const std::string& tensor) const { return data(tensor).layer; }
    const Shape& shapeOf(const std::string& tensor) const { return data(tensor).shape; }
    bool isImage(const std::string& tensor) const { return data(tensor).image; }
    // The data tensor of `node`'s input `i`; refuses the node when it is a constant or absent.
    const std::string& dataInput(const OnnxNodeView& node, std::size_t i) const;

    // --- constants
    const OnnxConstant* constant(const std::string& tensor) const;
    // `node`'s input `i` as a float constant (refusing the node otherwise; `what` names it: "the weight").
    const OnnxConstant& floatInput(const OnnxNodeView& node, std::size_t i, const std::string& what) const;
    void addConstant(const std::string& tensor, OnnxConstant value);
    // A float constant as one bias per unit, times `scale`: `units` values, or one broadcast to all
    // (Gemm's C, the constant of MatMul + Add). Refuses `node` for any other count, calling `c` `what`.
    std::vector<float> biasPerUnit(const OnnxNodeView& node, const OnnxConstant& c, long units, float scale,
                                   const std::string& what) const;

    // --- building the design
    // A layer for `node` reading `inputs`: its id comes from the node's name, its shape from the kind's
    // rule (a mismatch refuses the node); `image` says whether its output is rank 4.
    LayerSpec& addLayer(const OnnxNodeView& node, const LayerKind& kind, LayerOptions options,
                        const std::vector<std::string>& inputs, bool image);
    // A weight tensor of a layer already added ("weight", "bias", "running_mean", ...), in the engine's order.
    void setTensor(const std::string& layerId, const std::string& part, std::vector<float> values);
    // `output` is `input` itself (Identity, a rank change, an operation taken into the layer before it).
    void alias(const std::string& output, const std::string& input, bool image);
    // Refuses `node` when it set an option of `layer` out of range (an activation or bias taken in).
    void checkOptions(const OnnxNodeView& node, const LayerSpec& layer) const;

    // The layer writing `tensor` when `node` may take itself into it: a layer the node's own name
    // belongs to (Neurite writes "dense1/Gemm" then "dense1/Relu"), or any layer when `anyName`, whose
    // output nothing else reads and which is not the graph's output.
    LayerSpec* layerToExtend(const OnnxNodeView& node, const std::string& tensor, bool anyName);
    // The layer id a node's name gives ("/layer1/conv1/Conv" -> "layer1_conv1"), before uniqueness.
    static std::string idStem(const OnnxNodeView& node);

    // --- what surrounds the layers
    void setPendingPad(const std::string& tensor, PendingPad pad) { m_pads[tensor] = std::move(pad); }
    // The Pad waiting on `tensor`, taken (a Conv merges it); zero when there is none.
    PendingPad takePad(const std::string& tensor);
    bool hasPendingPad(const std::string& tensor) const { return m_pads.count(tensor) > 0; }
    bool isGraphOutput(const std::string& tensor) const { return tensor == m_graphOutput; }
    // How many nodes read `tensor`.
    int readers(const std::string& tensor) const;
    // The final Softmax is the loss head's: no layer, cross-entropy applies it.
    void setSoftmaxHead() { m_softmaxHead = true; }
    void note(const std::string& text) { m_notes.push_back(text); }

    [[noreturn]] void refuse(const OnnxNodeView& node, const std::string& reason) const;

protected:
    struct DataTensor {
        std::string layer;
        Shape shape;
        bool image = false;
    };
    const DataTensor& data(const std::string& tensor) const;
    std::string uniqueId(std::string stem);

    NetworkSpec m_spec;
    std::map<std::string, std::map<std::string, std::vector<float>>> m_tensors; // layer -> part -> values
    std::map<std::string, DataTensor> m_data;
    std::map<std::string, OnnxConstant> m_constants;
    std::map<std::string, PendingPad> m_pads;
    std::map<std::string, int> m_readers;
    std::string m_graphOutput;
    bool m_softmaxHead = false;
    std::vector<std::string> m_notes;
};

// Real attributes are float in ONNX: a value written from "0.1" reads back as 0.1 (6 significant digits),
// so that options round-trip through a file.
double roundedOption(double value);

} // namespace neurite
