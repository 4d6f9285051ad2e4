// The ONNX importer: the model's input becomes the Input layer, every node is folded (constants, Identity,
// Pad) or read by the layer type that stands for its operator, and the graph's output becomes the Output
// layer. Problems are collected over the whole graph and reported together, before anything is returned.
#include "export/OnnxHints.h"
#include "import/OnnxActivationImport.h"
#include "import/OnnxConstantFolding.h"
#include "import/OnnxImportGraph.h"
#include "import/OnnxModelFile.h"
#include "import/OnnxPadNode.h"
#include "import/OnnxTensorData.h"
#include "import/OnnxUnsupportedOps.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"
#include "neurite/DataSchema.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/OnnxImport.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace neurite {
namespace {

// At most this many problems are listed; a model with more says how many were left out.
constexpr std::size_t kListedProblems = 40;

std::string metadata(const onnx::ModelProto& model, const std::string& key)
{
    for (const onnx::StringStringEntryProto& entry : model.metadata_props())
        if (entry.key() == key)
            return entry.value();
    return {};
}

// The layer type whose import hook reads `op`; asked several times for every node, so built once.
const LayerKind* kindReading(const std::string& op)
{
    static const std::map<std::string, const LayerKind*> byOp = [] {
        std::map<std::string, const LayerKind*> table;
        for (const LayerKind* kind : layerKinds())
            for (const std::string& name : kind->onnxOps())
                table.emplace(name, kind);
        return table;
    }();
    const auto it = byOp.find(op);
    return it == byOp.end() ? nullptr : it->second;
}

class OnnxImporter : public OnnxImportGraph {
public:
    OnnxImporter(OnnxModelFile file, TensorSource source)
        : m_file(std::move(file)), m_model(m_file.model), m_graph(m_model.graph()), m_opset(m_file.opset),
          m_source(std::move(source))
    {
        if (const auto hints = onnxHintsFromJson(metadata(m_model, kOnnxHintsKey)))
            m_hints = *hints;
        if (const std::string schema = metadata(m_model, "neurite.data_schema"); !schema.empty())
            m_schema = schemaFromJson(schema, m_source.context + ": metadata neurite.data_schema");
    }

    OnnxImport run()
    {
        readInitializers();
        countReaders();
        refuseUnknownOperators();
        readInput();
        importNodes();
        addOutput();
        pruneLayersOffThePath();
        // What is left to do reads only the design and its tensors: the file's own copies can go.
        m_constants.clear();
        m_file.model.Clear();
        OnnxImport result;
        result.project.spec = m_spec;
        result.project.weights = assembledWeights();
        result.project.schema = m_schema;
        result.notes = m_notes;
        return result;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw NeuriteError(m_source.context + ": " + message); }

    OnnxNodeView view(int i) const { return OnnxNodeView(m_graph.node(i), m_opset, std::size_t(i)); }

    void readInitializers()
    {
        for (const onnx::TensorProto& tensor : m_graph.initializer())
            addConstant(tensor.name(), readTensor(tensor, m_source));
    }

    void countReaders()
    {
        for (const onnx::NodeProto& node : m_graph.node())
            for (const std::string& input : node.input())
                ++m_readers[input];
        if (m_graph.output_size() != 1) {
            std::string names;
            for (const onnx::ValueInfoProto& output : m_graph.output())
                names += (names.empty() ? "" : ", ") + output.name();
            fail("a Neurite design has one output; this model has " + std::to_string(m_graph.output_size()) +
                 (names.empty() ? "" : ": " + names));
        }
        m_graphOutput = m_graph.output(0).name();
    }

    bool isKnown(const onnx::NodeProto& node) const
    {
        const std::string& op = node.op_type();
        return (node.domain().empty() || node.domain() == "ai.onnx") &&
               (op == "Constant" || op == "Identity" || op == "Pad" || op == "LogSoftmax" || isConstantOp(op) ||
                kindReading(op) || isSchemaNode(node));
    }

    // Every node no layer type reads, or whose attributes rule it out, all at once, before any is mapped.
    void refuseUnknownOperators() const
    {
        std::vector<std::string> problems;
        for (int i = 0; i < m_graph.node_size(); ++i) {
            const onnx::NodeProto& node = m_graph.node(i);
            std::string problem = isKnown(node) ? attributeProblem(view(i))
                                                : unsupportedOpReason(node.op_type(), node.domain());
            if (!problem.empty())
                problems.push_back(view(i).label() + ": " + problem);
        }
        report(problems);
    }

    static std::string attributeProblem(const OnnxNodeView& node)
    {
        if (node.op() == "Pad")
            return padAttributeProblem(node);
        const LayerKind* kind = kindReading(node.op());
        return kind ? kind->onnxAttributeProblem(node) : std::string();
    }

    void report(const std::vector<std::string>& problems) const
    {
        if (problems.empty())
            return;
        std::string text = "cannot import " + std::to_string(problems.size()) +
                           (problems.size() == 1 ? " node" : " nodes") + " of this model:";
        for (std::size_t i = 0; i < problems.size() && i < kListedProblems; ++i)
            text += "\n  " + problems[i];
        if (problems.size() > kListedProblems)
            text += "\n  ... and " + std::to_string(problems.size() - kListedProblems) + " more";
        fail(text);
    }

    void readInput();
    void importNodes();
    void importNode(int index);
    void addOutput();
    void pruneLayersOffThePath();
    bool endsInSoftmax(const std::string& layerId) const;
    Weights assembledWeights();

    std::vector<float>* importedTensor(const std::string& layer, const std::string& part)
    {
        const auto tensors = m_tensors.find(layer);
        if (tensors == m_tensors.end())
            return nullptr;
        const auto values = tensors->second.find(part);
        return values == tensors->second.end() ? nullptr : &values->second;
    }

    // Neurite's own table models standardise their input and rescale a regression's output around the
    // layers; with the schema in the metadata, the design takes that from the schema instead.
    bool isSchemaNode(const onnx::NodeProto& node) const
    {
        return m_schema && (node.name().starts_with("preprocess/") || node.name().starts_with("postprocess/"));
    }

    OnnxModelFile m_file;
    const onnx::ModelProto& m_model;
    const onnx::GraphProto& m_graph;
    int m_opset;
    TensorSource m_source;
    OnnxHints m_hints{"input", "output", {}, {}};
    std::optional<DataSchema> m_schema;
    std::set<std::string> m_failed; // tensors of nodes that could not be imported: their readers are skipped
};

// The engine's shape of the model's input: an image (C, H, W), or a flat vector the hints (or the MNIST
// size) say is an image flattened.
Shape inputShape(const std::vector<std::int64_t>& dims, const OnnxHints& hints, std::vector<std::string>& notes)
{
    if (dims.size() == 3)
        return {int(dims[0]), int(dims[1]), int(dims[2])};
    const long features = long(dims[0]);
    if (hints.inputShape && hints.inputShape->size() == features)
        return *hints.inputShape;
    if (features == 28 * 28) {
        notes.push_back("The input's 784 values are read as a 28 x 28 grey image (1, 28, 28), as MNIST's.");
        return {1, 28, 28};
    }
    return Shape::flat(int(features));
}

void OnnxImporter::readInput()
{
    std::vector<const onnx::ValueInfoProto*> inputs;
    for (const onnx::ValueInfoProto& input : m_graph.input())
        if (!constant(input.name()))
            inputs.push_back(&input);
    if (inputs.size() != 1)
        fail("a Neurite design has one input; this model has " + std::to_string(inputs.size()));
    const onnx::ValueInfoProto& input = *inputs[0];
    const auto& type = input.type();
    if (!type.has_tensor_type() || type.tensor_type().elem_type() != onnx::TensorProto::FLOAT)
        fail("input '" + input.name() + "' must be a float tensor");
    const auto& shape = type.tensor_type().shape();
    if (shape.dim_size() != 2 && shape.dim_size() != 4)
        fail("input '" + input.name() + "' has " + std::to_string(shape.dim_size()) +
             " dimensions; Neurite reads (N, features) or (N, C, H, W)");
    std::vector<std::int64_t> dims;
    for (int d = 1; d < shape.dim_size(); ++d) {
        if (!shape.dim(d).has_dim_value() || shape.dim(d).dim_value() < 1 || shape.dim(d).dim_value() > 65536)
            fail("dimension " + std::to_string(d + 1) + " of input '" + input.name() +
                 "' must be a fixed size between 1 and 65536 (only the batch may vary)");
        dims.push_back(shape.dim(d).dim_value());
    }
    const Shape s = inputShape(dims, m_hints, m_notes);
    LayerSpec layer{m_hints.inputId.empty() ? "input" : m_hints.inputId,
                    "Input",
                    {{"channels", double(s.channels)}, {"height", double(s.height)}, {"width", double(s.width)}}};
    for (const auto& [key, message] : findLayerKind("Input")->optionProblems(layer))
        fail("input '" + input.name() + "': " + message);
    m_spec.layers.push_back(layer);
    m_data[input.name()] = {layer.id, s, shape.dim_size() == 4};
}

void OnnxImporter::importNodes()
{
    std::vector<std::string> problems;
    for (int i = 0; i < m_graph.node_size(); ++i) {
        const onnx::NodeProto& node = m_graph.node(i);
        // A node reading what a refused node wrote is skipped: its problem is the earlier one's.
        bool failed = std::any_of(node.input().begin(), node.input().end(),
                                  [this](const std::string& in) { return m_failed.count(in) > 0; });
        try {
            if (!failed)
                importNode(i);
        } catch (const OnnxNodeProblem& problem) {
            problems.push_back(problem.what());
            failed = true;
        } catch (const NeuriteError& error) {
            problems.push_back(view(i).label() + ": " + error.what());
            failed = true;
        }
        if (failed)
            m_failed.insert(node.output().begin(), node.output().end());
    }
    report(problems);
}

void OnnxImporter::importNode(int index)
{
    const onnx::NodeProto& proto = m_graph.node(index);
    const OnnxNodeView node = view(index);
    if (node.op() == "Constant")
        return addConstant(node.output(0), constantNodeValue(proto, m_source));
    if (node.op() != "Conv")
        for (std::size_t i = 0; i < node.inputCount(); ++i)
            if (hasPendingPad(node.input(i)))
                refuse(node, "it reads the output of a Pad node; Neurite pads only inside a Conv2D");
    if (isSchemaNode(proto))
        return alias(node.output(0), dataInput(node, 0), false);
    if (isConstantOp(node.op()) && foldConstantNode(*this, node))
        return;
    if (node.op() == "Identity")
        return alias(node.output(0), dataInput(node, 0), isImage(dataInput(node, 0)));
    if (node.op() == "Pad")
        return readPadNode(*this, node);
    if (node.op() == "LogSoftmax")
        return importFinalLogSoftmax(*this, node);
    const LayerKind* kind = kindReading(node.op());
    if (!kind) // an operator folded only when its inputs are constants (Slice, Transpose, ...)
        refuse(node, unsupportedOpReason(node.op(), ""));
    kind->fromOnnx(*this, node);
}

bool OnnxImporter::endsInSoftmax(const std::string& layerId) const
{
    const LayerSpec* layer = m_spec.find(layerId);
    const LayerKind* kind = layer ? findLayerKind(layer->type) : nullptr;
    return kind && kind->endsInSoftmax(*layer);
}

void OnnxImporter::addOutput()
{
    if (m_failed.count(m_graphOutput))
        return;
    if (!isData(m_graphOutput))
        fail("the model's output '" + m_graphOutput + "' does not depend on its input");
    const Shape& shape = shapeOf(m_graphOutput);
    LossKind loss = m_softmaxHead || shape.size() >= 2 ? LossKind::CrossEntropy : LossKind::MeanSquaredError;
    if (m_hints.loss)
        loss = *m_hints.loss;
    else if (!m_softmaxHead && loss == LossKind::CrossEntropy && !endsInSoftmax(layerOf(m_graphOutput)))
        m_notes.push_back("The model ends in raw scores (logits); as a classifier trained with cross-entropy, "
                          "Neurite's design outputs their softmax.");
    const std::string id = uniqueId(m_hints.outputId.empty() ? "output" : m_hints.outputId);
    m_spec.layers.push_back(
        {id, "Output", {{"loss", std::string(loss == LossKind::CrossEntropy ? "cross_entropy" : "mse")}}});
    m_spec.connections.push_back({layerOf(m_graphOutput), id, 0});
}

// Layers whose output never reaches the model's output (branches the graph computes and drops) are left
// out, as Neurite's own plan would leave them out of training and exports.
void OnnxImporter::pruneLayersOffThePath()
{
    std::set<std::string> needed;
    std::vector<std::string> pending;
    for (const LayerSpec& layer : m_spec.layers)
        if (layer.type == "Output" || layer.type == "Input")
            pending.push_back(layer.id);
    while (!pending.empty()) {
        const std::string id = pending.back();
        pending.pop_back();
        if (!needed.insert(id).second)
            continue;
        for (const Connection& c : m_spec.connections)
            if (c.to == id)
                pending.push_back(c.from);
    }
    const std::size_t before = m_spec.layers.size();
    std::erase_if(m_spec.layers, [&](const LayerSpec& l) { return !needed.count(l.id); });
    std::erase_if(m_spec.connections,
                  [&](const Connection& c) { return !needed.count(c.from) || !needed.count(c.to); });
    if (const std::size_t dropped = before - m_spec.layers.size(); dropped > 0)
        m_notes.push_back(std::to_string(dropped) + (dropped == 1 ? " layer does" : " layers do") +
                          " not lead to the model's output and " + (dropped == 1 ? "was" : "were") + " left out.");
}

// The weights in the engine's layout, with the names and shapes the network itself gives them.
Weights OnnxImporter::assembledWeights()
{
    const DesignPlan plan = compileDesign(m_spec);
    if (!plan.ok()) {
        std::string text = "the imported design has problems:";
        for (const ValidationIssue& issue : plan.report.errors())
            text += "\n  " + issue.message;
        fail(text);
    }
    Weights weights = Network::weightLayout(m_spec);
    for (NamedTensor& tensor : weights) {
        const std::size_t dot = tensor.name.rfind('.');
        std::vector<float>* values = importedTensor(tensor.name.substr(0, dot), tensor.name.substr(dot + 1));
        const std::size_t size = std::size_t(tensor.rows) * std::size_t(tensor.cols);
        if (!values || values->size() != size)
            fail("the model gives no " + tensor.name + " of " + std::to_string(size) + " values");
        tensor.values = std::move(*values);
    }
    return weights;
}

} // namespace

OnnxImport importOnnxBytes(const std::string& bytes, const std::string& context, const std::string& folder,
                           const OnnxImportLimits& limits)
{
    const TensorSource source{context, folder, &limits};
    OnnxImporter importer(readOnnxModel(bytes, source), source);
    return importer.run();
}

OnnxImport importOnnx(const std::string& path, const OnnxImportLimits& limits)
{
    const std::string folder = std::filesystem::absolute(path).parent_path().string();
    const TensorSource source{path, folder, &limits};
    // The file's bytes are let go once parsed: a large model is not held twice while it is mapped.
    OnnxImporter importer(readOnnxModel(readModelBytes(path, limits.maxFileBytes), source), source);
    return importer.run();
}

bool isOnnxPath(const std::string& path)
{
    std::string ending = path.size() >= 5 ? path.substr(path.size() - 5) : path;
    std::transform(ending.begin(), ending.end(), ending.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ending == ".onnx";
}

} // namespace neurite
