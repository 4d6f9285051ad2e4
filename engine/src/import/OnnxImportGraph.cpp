// The design under construction behind OnnxImportGraph.h: node attributes, tensors, layers and ids.
#include "import/OnnxImportGraph.h"

#include "layers/LayerKind.h"

#include <onnx/onnx_pb.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace neurite {
namespace {

const onnx::AttributeProto* findAttribute(const onnx::NodeProto& node, const std::string& name)
{
    for (const onnx::AttributeProto& a : node.attribute())
        if (a.name() == name)
            return &a;
    return nullptr;
}

// "layer1/conv1" -> "layer1_conv1": ids become Python and C++ names in exports.
std::string cleanId(const std::string& text)
{
    std::string id;
    for (const char c : text)
        id += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
    while (!id.empty() && id.front() == '_')
        id.erase(id.begin());
    return id.size() > 64 ? id.substr(0, 64) : id;
}

std::string lowercase(std::string text)
{
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

const std::string& OnnxNodeView::op() const
{
    return m_node.op_type();
}

const std::string& OnnxNodeView::name() const
{
    return m_node.name();
}

std::string OnnxNodeView::label() const
{
    const std::string who = name().empty() ? "#" + std::to_string(m_index) : "'" + name() + "'";
    return "node " + who + " (" + op() + ", opset " + std::to_string(m_opset) + ")";
}

std::size_t OnnxNodeView::inputCount() const
{
    return std::size_t(m_node.input_size());
}

std::string OnnxNodeView::input(std::size_t i) const
{
    return i < inputCount() ? m_node.input(int(i)) : std::string();
}

std::size_t OnnxNodeView::outputCount() const
{
    return std::size_t(m_node.output_size());
}

const std::string& OnnxNodeView::output(std::size_t i) const
{
    return m_node.output(int(i));
}

bool OnnxNodeView::has(const std::string& attribute) const
{
    return findAttribute(m_node, attribute) != nullptr;
}

std::int64_t OnnxNodeView::integer(const std::string& attribute, std::int64_t fallback) const
{
    const onnx::AttributeProto* a = findAttribute(m_node, attribute);
    return a && a->type() == onnx::AttributeProto::INT ? a->i() : fallback;
}

std::vector<std::int64_t> OnnxNodeView::integers(const std::string& attribute) const
{
    const onnx::AttributeProto* a = findAttribute(m_node, attribute);
    if (!a || a->type() != onnx::AttributeProto::INTS)
        return {};
    return {a->ints().begin(), a->ints().end()};
}

float OnnxNodeView::real(const std::string& attribute, float fallback) const
{
    const onnx::AttributeProto* a = findAttribute(m_node, attribute);
    return a && a->type() == onnx::AttributeProto::FLOAT ? a->f() : fallback;
}

std::string OnnxNodeView::text(const std::string& attribute, const std::string& fallback) const
{
    const onnx::AttributeProto* a = findAttribute(m_node, attribute);
    return a && a->type() == onnx::AttributeProto::STRING ? a->s() : fallback;
}

std::pair<double, bool> OnnxNodeView::scalarTensor(const std::string& attribute) const
{
    const onnx::AttributeProto* a = findAttribute(m_node, attribute);
    if (!a || !a->has_t())
        return {0.0, false};
    const onnx::TensorProto& t = a->t();
    const bool integer = t.data_type() == onnx::TensorProto::INT64 || t.data_type() == onnx::TensorProto::INT32;
    const std::string& raw = t.raw_data();
    if (t.data_type() == onnx::TensorProto::INT64)
        return {t.int64_data_size() == 1 ? double(t.int64_data(0))
                : raw.size() == 8        ? double(*reinterpret_cast<const std::int64_t*>(raw.data()))
                                         : 0.0,
                true};
    if (t.data_type() == onnx::TensorProto::FLOAT)
        return {t.float_data_size() == 1 ? double(t.float_data(0))
                : raw.size() == 4        ? double(*reinterpret_cast<const float*>(raw.data()))
                                         : 0.0,
                false};
    return {0.0, integer};
}

const OnnxImportGraph::DataTensor& OnnxImportGraph::data(const std::string& tensor) const
{
    return m_data.at(tensor);
}

const std::string& OnnxImportGraph::dataInput(const OnnxNodeView& node, std::size_t i) const
{
    const std::string tensor = node.input(i);
    const auto it = m_data.find(tensor);
    if (it == m_data.end())
        refuse(node, tensor.empty() ? "input " + std::to_string(i + 1) + " is missing"
                                    : "its input '" + tensor +
                                          "' must be data flowing through the network, "
                                          "not a constant");
    return it->first;
}

const OnnxConstant* OnnxImportGraph::constant(const std::string& tensor) const
{
    const auto it = m_constants.find(tensor);
    return it == m_constants.end() ? nullptr : &it->second;
}

const OnnxConstant& OnnxImportGraph::floatInput(const OnnxNodeView& node, std::size_t i, const std::string& what) const
{
    const OnnxConstant* c = constant(node.input(i));
    if (!c || !c->isFloat)
        refuse(node, what + " ('" + node.input(i) + "') must be a constant float tensor (an initializer)");
    return *c;
}

void OnnxImportGraph::addConstant(const std::string& tensor, OnnxConstant value)
{
    m_constants[tensor] = std::move(value);
}

namespace {

// PyTorch names a node by its module's scopes, "/layer1/layer1.0/conv1/Conv" or "/features/features.0/Conv"
// (a scope that extends the one before it is that module's child by index): the module's qualified name,
// "layer1.0.conv1" or "features.0".
std::string qualifiedName(const std::string& scopes)
{
    std::string name, previous, scope;
    std::istringstream parts(scopes);
    while (std::getline(parts, scope, '/')) {
        if (scope.empty())
            continue;
        if (!previous.empty() && scope.starts_with(previous + "."))
            name += scope.substr(previous.size());
        else
            name += (name.empty() ? "" : ".") + scope;
        previous = scope;
    }
    return name;
}

} // namespace

std::vector<float> OnnxImportGraph::biasPerUnit(const OnnxNodeView& node, const OnnxConstant& c, long units,
                                                float scale, const std::string& what) const
{
    if (c.elements() != 1 && long(c.elements()) != units)
        refuse(node, what + " has " + std::to_string(c.elements()) + " values for " + std::to_string(units) + " units");
    std::vector<float> bias(static_cast<std::size_t>(units));
    for (long j = 0; j < units; ++j)
        bias[std::size_t(j)] = scale * c.floats[c.elements() == 1 ? 0 : std::size_t(j)];
    return bias;
}

std::string OnnxImportGraph::idStem(const OnnxNodeView& node)
{
    std::string name = node.name();
    if (const auto slash = name.rfind('/'); slash != std::string::npos && name.substr(slash + 1) == node.op())
        name.resize(slash); // "/fc1/Gemm" -> "/fc1", "dense1/Relu" -> "dense1"
    name = qualifiedName(name);
    // "/Relu_1" (an unnamed F.relu) reads as "relu_1", like the ids of the palette's layers.
    const std::string id = cleanId(name);
    return id.compare(0, node.op().size(), node.op()) == 0 ? lowercase(id) : id;
}

std::string OnnxImportGraph::uniqueId(std::string stem)
{
    if (stem.empty())
        stem = "layer";
    std::string id = stem;
    for (int n = 2; m_spec.find(id); ++n)
        id = stem + "_" + std::to_string(n);
    return id;
}

LayerSpec& OnnxImportGraph::addLayer(const OnnxNodeView& node, const LayerKind& kind, LayerOptions options,
                                     const std::vector<std::string>& inputs, bool image)
{
    std::string stem = idStem(node);
    const std::string id = uniqueId(stem.empty() ? lowercase(kind.name()) : stem);
    LayerSpec layer{id, kind.name(), std::move(options)};
    std::vector<Shape> shapes;
    for (const std::string& in : inputs)
        shapes.push_back(shapeOf(in));
    for (const auto& [key, message] : kind.optionProblems(layer))
        refuse(node, message);
    LayerFacts facts;
    std::string error;
    if (!kind.infer(layer, shapes, facts, error))
        refuse(node, error);
    m_spec.layers.push_back(layer);
    for (std::size_t port = 0; port < inputs.size(); ++port)
        m_spec.connections.push_back({layerOf(inputs[port]), id, int(port)});
    m_data[node.output(0)] = {id, facts.outputShape, image};
    return m_spec.layers.back();
}

void OnnxImportGraph::checkOptions(const OnnxNodeView& node, const LayerSpec& layer) const
{
    for (const auto& [key, message] : findLayerKind(layer.type)->optionProblems(layer))
        refuse(node, message);
}

void OnnxImportGraph::setTensor(const std::string& layerId, const std::string& part, std::vector<float> values)
{
    m_tensors[layerId][part] = std::move(values);
}

void OnnxImportGraph::alias(const std::string& output, const std::string& input, bool image)
{
    DataTensor d = data(input);
    d.image = image;
    m_data[output] = d;
}

LayerSpec* OnnxImportGraph::layerToExtend(const OnnxNodeView& node, const std::string& tensor, bool anyName)
{
    if (!isData(tensor) || readers(tensor) != 1 || isGraphOutput(tensor))
        return nullptr;
    LayerSpec* layer = m_spec.find(layerOf(tensor));
    if (!layer || (!anyName && idStem(node) != layer->id))
        return nullptr;
    return layer;
}

PendingPad OnnxImportGraph::takePad(const std::string& tensor)
{
    const auto it = m_pads.find(tensor);
    if (it == m_pads.end())
        return {};
    PendingPad pad = it->second;
    m_pads.erase(it);
    return pad;
}

int OnnxImportGraph::readers(const std::string& tensor) const
{
    const auto it = m_readers.find(tensor);
    return it == m_readers.end() ? 0 : it->second;
}

void OnnxImportGraph::refuse(const OnnxNodeView& node, const std::string& reason) const
{
    throw OnnxNodeProblem(node.label() + ": " + reason);
}

double roundedOption(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return std::strtod(text, nullptr);
}

} // namespace neurite
