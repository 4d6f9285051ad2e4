// The ONNX graph builder behind OnnxGraph.h: protobuf nodes, initialisers and rank conversions.
#include "export/OnnxGraph.h"

#include "model/DesignPlan.h"

#include <onnx/onnx_pb.h>

namespace neurite {
namespace {

const char* const kInputName = "input";
const char* const kOutputName = "probabilities";
const char* const kValueName = "value";

std::vector<float> asFloats(const std::vector<double>& values)
{
    return {values.begin(), values.end()};
}

// A float tensor of shape [N, dims...]: "N" is the dynamic batch dimension.
void addValueInfo(onnx::ValueInfoProto* info, const std::string& name, const std::vector<long>& dims)
{
    info->set_name(name);
    auto* tensor = info->mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(onnx::TensorProto::FLOAT);
    auto* shape = tensor->mutable_shape();
    shape->add_dim()->set_dim_param("N");
    for (const long d : dims)
        shape->add_dim()->set_dim_value(d);
}

} // namespace

std::string onnxActivationOp(Activation f)
{
    switch (f) {
    case Activation::ReLU: return "Relu";
    case Activation::LeakyReLU: return "LeakyRelu";
    case Activation::Sigmoid: return "Sigmoid";
    case Activation::Tanh: return "Tanh";
    case Activation::Softmax: return "Softmax";
    case Activation::Linear: break;
    }
    return "Identity";
}

OnnxNode& OnnxNode::integer(const std::string& name, std::int64_t value)
{
    onnx::AttributeProto* a = m_node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(value);
    return *this;
}

OnnxNode& OnnxNode::integers(const std::string& name, const std::vector<std::int64_t>& values)
{
    onnx::AttributeProto* a = m_node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (const std::int64_t v : values)
        a->add_ints(v);
    return *this;
}

OnnxNode& OnnxNode::real(const std::string& name, float value)
{
    onnx::AttributeProto* a = m_node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(value);
    return *this;
}

OnnxNode& OnnxNode::text(const std::string& name, const std::string& value)
{
    onnx::AttributeProto* a = m_node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(value);
    return *this;
}

std::string OnnxGraph::outputName(const std::string& layerId)
{
    return layerId == kInputName || layerId == kOutputName || layerId == kValueName ? layerId + "_out" : layerId;
}

void OnnxGraph::setOutput(const PlanStep& step, const std::string& tensor, bool image)
{
    m_valueOf[step.id()] = {tensor, image, step.outputShape()};
}

std::string OnnxGraph::asFlat(const std::string& layerId)
{
    const Value v = m_valueOf.at(layerId);
    if (!v.image)
        return v.name;
    auto [it, added] = m_flatOf.try_emplace(v.name, v.name + "/flat");
    if (added)
        node("Flatten", v.name, {v.name}, it->second).integer("axis", 1);
    return it->second;
}

std::string OnnxGraph::asImage(const std::string& layerId)
{
    const Value v = m_valueOf.at(layerId);
    if (v.image)
        return v.name;
    auto [it, added] = m_imageOf.try_emplace(v.name, v.name + "/image");
    if (added) {
        const std::string shapeName = it->second + "/shape";
        onnx::TensorProto* t = m_graph.add_initializer();
        t->set_name(shapeName);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(4);
        for (const std::int64_t d : {std::int64_t(-1), std::int64_t(v.shape.channels), std::int64_t(v.shape.height),
                                     std::int64_t(v.shape.width)})
            t->add_int64_data(d);
        node("Reshape", v.name, {v.name, shapeName}, it->second);
    }
    return it->second;
}

OnnxNode OnnxGraph::node(const std::string& op, const std::string& layerId, const std::vector<std::string>& inputs,
                         const std::string& output)
{
    onnx::NodeProto* node = m_graph.add_node();
    node->set_op_type(op);
    node->set_name(layerId + "/" + op);
    for (const std::string& in : inputs)
        node->add_input(in);
    node->add_output(output);
    return OnnxNode(node);
}

void OnnxGraph::initializer(const std::string& name, const std::vector<std::int64_t>& dims,
                            const std::vector<float>& values)
{
    onnx::TensorProto* t = m_graph.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (const std::int64_t d : dims)
        t->add_dims(d);
    t->mutable_float_data()->Add(values.begin(), values.end());
}

void OnnxGraph::activation(Activation f, float alpha, const std::string& layerId, const std::string& in,
                           const std::string& out)
{
    OnnxNode n = node(onnxActivationOp(f), layerId, {in}, out);
    if (f == Activation::LeakyReLU)
        n.real("alpha", alpha);
    if (f == Activation::Softmax)
        n.integer("axis", 1);
}

void OnnxGraph::passThrough(const PlanStep& step)
{
    m_valueOf[step.id()] = m_valueOf.at(step.inputs.at(0));
}

void OnnxGraph::addInput(const std::string& layerId, const Shape& shape, bool image)
{
    if (image)
        addValueInfo(m_graph.add_input(), kInputName, {shape.channels, shape.height, shape.width});
    else
        addValueInfo(m_graph.add_input(), kInputName, {shape.size()});
    m_valueOf[layerId] = {kInputName, image, shape};
}

void OnnxGraph::addHead(const std::string& finalId, bool softmax, long classes, const std::string& softmaxOwner)
{
    const std::string in = asFlat(finalId);
    if (softmax)
        activation(Activation::Softmax, 0, softmaxOwner, in, kOutputName);
    else
        node("Identity", "head", {in}, kOutputName);
    addValueInfo(m_graph.add_output(), kOutputName, {classes});
}

void OnnxGraph::standardiseInput(const std::string& layerId, const InputStandardisation& standardisation)
{
    const long width = long(standardisation.offset.size());
    initializer("preprocess.offset", {width}, asFloats(standardisation.offset));
    initializer("preprocess.divisor", {width}, asFloats(standardisation.divisor));
    node("Sub", "preprocess", {kInputName, "preprocess.offset"}, "preprocess/centred");
    node("Div", "preprocess", {"preprocess/centred", "preprocess.divisor"}, "preprocess/standardised");
    m_valueOf[layerId].name = "preprocess/standardised";
}

void OnnxGraph::addRegressionHead(const std::string& finalId, double targetMean, double targetDeviation)
{
    const std::string in = asFlat(finalId);
    initializer("postprocess.deviation", {1}, {float(targetDeviation)});
    initializer("postprocess.mean", {1}, {float(targetMean)});
    node("Mul", "postprocess", {in, "postprocess.deviation"}, "postprocess/scaled");
    node("Add", "postprocess", {"postprocess/scaled", "postprocess.mean"}, kValueName);
    addValueInfo(m_graph.add_output(), kValueName, {1});
}

} // namespace neurite
