// ONNX export with Debian's ONNX library: one graph node (or two) per layer, checked before it is written.
#include "AtomicFile.h"
#include "ExportPlan.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <map>

namespace neurite {
namespace {

constexpr int kOpset = 13;
const char* const kFormat = "ONNX";
const char* const kInputName = "input";
const char* const kOutputName = "probabilities";

// Builds the graph step by step; `tensorOf` maps a layer id to the tensor that holds its output.
class OnnxGraphBuilder {
public:
    OnnxGraphBuilder(onnx::GraphProto& graph, const Weights& weights) : m_graph(graph), m_weights(weights) {}

    void addInput(const std::string& layerId, long features)
    {
        addValueInfo(m_graph.add_input(), kInputName, features);
        m_tensorOf[layerId] = kInputName;
    }

    void addStep(const ExportStep& step)
    {
        const std::string& id = step.layer.id;
        const std::string in = m_tensorOf.at(step.inputs.at(0));
        if (step.passThrough) {
            // Dropout is the identity at inference; ONNX's Dropout in inference mode says so explicitly.
            m_tensorOf[id] = step.layer.type == "Dropout" ? addNode("Dropout", id, {in}, tensorName(id)) : in;
            return;
        }
        if (step.layer.type == "Dense")
            m_tensorOf[id] = addDense(step, in);
        else
            m_tensorOf[id] = addActivation(step.layer.type, step, in, tensorName(id));
    }

    // Softmax (cross-entropy) or Identity (MSE) into the graph's output.
    void addHead(const std::string& finalId, bool softmax, long classes)
    {
        const std::string in = m_tensorOf.at(finalId);
        if (softmax)
            addActivation("Softmax", {}, in, kOutputName, "head");
        else
            addNode("Identity", "head", {in}, kOutputName);
        addValueInfo(m_graph.add_output(), kOutputName, classes);
    }

private:
    static std::string tensorName(const std::string& id)
    {
        return id == kInputName || id == kOutputName ? id + "_out" : id;
    }

    // A float tensor of shape [rows, N-dynamic...]: "N" is the batch dimension.
    static void addValueInfo(onnx::ValueInfoProto* info, const std::string& name, long features)
    {
        info->set_name(name);
        auto* tensor = info->mutable_type()->mutable_tensor_type();
        tensor->set_elem_type(onnx::TensorProto::FLOAT);
        auto* shape = tensor->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        shape->add_dim()->set_dim_value(features);
    }

    onnx::NodeProto* newNode(const std::string& op, const std::string& layerId, const std::vector<std::string>& inputs,
                             const std::string& output)
    {
        onnx::NodeProto* node = m_graph.add_node();
        node->set_op_type(op);
        node->set_name(layerId + "/" + op);
        for (const std::string& in : inputs)
            node->add_input(in);
        node->add_output(output);
        return node;
    }

    std::string addNode(const std::string& op, const std::string& layerId, const std::vector<std::string>& inputs,
                        const std::string& output)
    {
        newNode(op, layerId, inputs, output);
        return output;
    }

    void addInitializer(const std::string& name, const std::vector<std::int64_t>& dims, const std::vector<float>& values)
    {
        onnx::TensorProto* t = m_graph.add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (const std::int64_t d : dims)
            t->add_dims(d);
        t->mutable_float_data()->Add(values.begin(), values.end());
    }

    // Gemm(x, W^T, b) with transB=1: W is stored [out, in] (OpenCV's importer needs transB=1).
    std::string addDense(const ExportStep& step, const std::string& in)
    {
        const std::string& id = step.layer.id;
        const DenseParameters p = denseParameters(m_weights, step);
        std::vector<float> outByIn(std::size_t(p.inputs) * std::size_t(p.units));
        for (int i = 0; i < p.inputs; ++i)
            for (int o = 0; o < p.units; ++o)
                outByIn[std::size_t(o) * std::size_t(p.inputs) + std::size_t(i)] = (*p.weight)[std::size_t(i) * std::size_t(p.units) + std::size_t(o)];
        addInitializer(id + ".weight", {p.units, p.inputs}, outByIn);
        addInitializer(id + ".bias", {p.units}, p.bias);  // zeros for a layer without bias: C is broadcast

        const std::string activation = denseActivation(step);
        const std::string out = tensorName(id);
        const std::string gemmOut = activation == "linear" ? out : out + "/gemm";
        onnx::NodeProto* gemm = newNode("Gemm", id, {in, id + ".weight", id + ".bias"}, gemmOut);
        addIntAttribute(gemm, "transB", 1);
        if (activation == "linear")
            return out;
        return addActivation(activationOp(activation), step, gemmOut, out);
    }

    static std::string activationOp(const std::string& activation)
    {
        if (activation == "relu") return "Relu";
        if (activation == "leaky_relu") return "LeakyRelu";
        if (activation == "sigmoid") return "Sigmoid";
        if (activation == "tanh") return "Tanh";
        return "Softmax";
    }

    // `type` is an ONNX op or a Neurite activation layer type (ReLU, LeakyReLU, Sigmoid, Tanh, Softmax).
    std::string addActivation(const std::string& type, const ExportStep& step, const std::string& in,
                              const std::string& out, const std::string& nodeName = {})
    {
        static const std::map<std::string, std::string> ops{
            {"ReLU", "Relu"}, {"LeakyReLU", "LeakyRelu"}, {"Sigmoid", "Sigmoid"}, {"Tanh", "Tanh"}, {"Softmax", "Softmax"}};
        const auto it = ops.find(type);
        const std::string op = it != ops.end() ? it->second : type;
        onnx::NodeProto* node = newNode(op, nodeName.empty() ? step.layer.id : nodeName, {in}, out);
        if (op == "LeakyRelu")
            addFloatAttribute(node, "alpha", leakyAlpha(step));
        if (op == "Softmax")
            addIntAttribute(node, "axis", 1);
        return out;
    }

    static void addIntAttribute(onnx::NodeProto* node, const std::string& name, std::int64_t value)
    {
        onnx::AttributeProto* a = node->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }

    static void addFloatAttribute(onnx::NodeProto* node, const std::string& name, float value)
    {
        onnx::AttributeProto* a = node->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(value);
    }

    onnx::GraphProto& m_graph;
    const Weights& m_weights;
    std::map<std::string, std::string> m_tensorOf;
};

onnx::ModelProto buildModel(const ExportPlan& plan, const Weights& weights)
{
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("Neurite");
    model.set_producer_version(neuriteVersion());
    model.set_doc_string("Input: pixels / 255, flattened row-major (C, H, W) = " + plan.inputShape.toString() +
                         ". Output: " + (plan.softmaxHead ? "class probabilities." : "raw outputs (MSE)."));
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("neurite");
    OnnxGraphBuilder builder(*graph, weights);
    builder.addInput(plan.inputId, plan.inputShape.size());
    for (const ExportStep& step : plan.steps)
        builder.addStep(step);
    builder.addHead(plan.finalId, plan.softmaxHead, plan.outputSize);
    return model;
}

} // namespace

void exportOnnx(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const ExportPlan plan = makeExportPlan(spec, kFormat, basicExportTypes());
    const onnx::ModelProto model = buildModel(plan, weights);
    try {
        onnx::checker::check_model(model);
    } catch (const std::exception& e) {
        throw NeuriteError("The ONNX model for " + path + " fails ONNX's checker: " + e.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw NeuriteError("Cannot encode the ONNX model for " + path + " (protobuf serialisation failed).");
    writeFileAtomically(path, bytes);
}

} // namespace neurite
