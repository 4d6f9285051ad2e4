// ONNX export with Debian's ONNX library: one graph node (or two) per layer, checked before it is written.
#include "io/AtomicFile.h"
#include "export/ExportPlan.h"
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

// Builds the graph step by step. A layer's output is an ONNX tensor of rank 2 (N, features) or rank 4
// (N, C, H, W); both hold the engine's row (C, H, W) in the same order, so a Flatten or a Reshape turns one
// into the other where a node needs the other rank (Gemm and Softmax need rank 2, Conv and pooling rank 4).
class OnnxGraphBuilder {
public:
    OnnxGraphBuilder(onnx::GraphProto& graph, const Weights& weights) : m_graph(graph), m_weights(weights) {}

    void addInput(const std::string& layerId, const Shape& shape, bool image)
    {
        if (image)
            addValueInfo(m_graph.add_input(), kInputName, {shape.channels, shape.height, shape.width});
        else
            addValueInfo(m_graph.add_input(), kInputName, {shape.size()});
        m_valueOf[layerId] = {kInputName, image, shape};
    }

    void addStep(const ExportStep& step)
    {
        const std::string& id = step.layer.id;
        const std::string& type = step.layer.type;
        const Value& in = m_valueOf.at(step.inputs.at(0));
        if (step.passThrough) {
            // Dropout is the identity at inference; ONNX's Dropout in inference mode says so explicitly.
            m_valueOf[id] = type == "Dropout" ? Value{addNode("Dropout", id, {in.name}, tensorName(id)), in.image,
                                                      step.outputShape}
                                              : in;
            return;
        }
        const std::string& source = step.inputs.at(0);
        const std::string name = tensorName(id);
        Value out{name, in.image, step.outputShape};
        if (type == "Dense")
            out = {addDense(step, asFlat(source)), false, step.outputShape};
        else if (type == "Softmax")  // over the whole sample, as the engine does: a rank-2 softmax
            out = {addActivation(type, step, asFlat(source), name), false, step.outputShape};
        else if (type == "Conv2D")
            out = {addConv(step, asImage(source)), true, step.outputShape};
        else if (type == "MaxPool2D" || type == "AvgPool2D")
            out = {addPool(step, asImage(source)), true, step.outputShape};
        else if (type == "GlobalAveragePool")  // (N, C, 1, 1): flattened where a rank 2 is needed
            out = {addNode("GlobalAveragePool", id, {asImage(source)}, name), true, step.outputShape};
        else if (type == "Flatten")
            out = {addFlatten(id, in.name, name), false, step.outputShape};
        else if (type == "BatchNorm")
            out = addBatchNorm(step);
        else if (type == "Add" || type == "Concatenate")
            out = addMerge(step);
        else
            addActivation(type, step, in.name, name);
        m_valueOf[id] = out;
    }

    // Softmax (cross-entropy) or Identity (MSE) into the graph's output.
    void addHead(const std::string& finalId, bool softmax, long classes)
    {
        const std::string in = asFlat(finalId);
        if (softmax)
            addActivation("Softmax", {}, in, kOutputName, "head");
        else
            addNode("Identity", "head", {in}, kOutputName);
        addValueInfo(m_graph.add_output(), kOutputName, {classes});
    }

private:
    struct Value {
        std::string name;   // the ONNX tensor
        bool image = false; // rank 4 (N, C, H, W) rather than rank 2 (N, C*H*W)
        Shape shape;        // of one sample, as the engine sees it
    };

    // The output of `layerId` as (N, C*H*W): flattened once, on first use.
    std::string asFlat(const std::string& layerId)
    {
        const Value& v = m_valueOf.at(layerId);
        if (!v.image)
            return v.name;
        auto [it, added] = m_flatOf.try_emplace(v.name, v.name + "/flat");
        if (added)
            addFlatten(v.name, v.name, it->second);
        return it->second;
    }

    // The output of `layerId` as (N, C, H, W): reshaped once, on first use.
    std::string asImage(const std::string& layerId)
    {
        const Value& v = m_valueOf.at(layerId);
        if (v.image)
            return v.name;
        auto [it, added] = m_imageOf.try_emplace(v.name, v.name + "/image");
        if (added) {
            const std::string shapeName = it->second + "/shape";
            onnx::TensorProto* t = m_graph.add_initializer();
            t->set_name(shapeName);
            t->set_data_type(onnx::TensorProto::INT64);
            t->add_dims(4);
            for (const std::int64_t d : {std::int64_t(-1), std::int64_t(v.shape.channels),
                                         std::int64_t(v.shape.height), std::int64_t(v.shape.width)})
                t->add_int64_data(d);
            addNode("Reshape", v.name, {v.name, shapeName}, it->second);
        }
        return it->second;
    }

    std::string addFlatten(const std::string& nodeName, const std::string& in, const std::string& out)
    {
        addIntAttribute(newNode("Flatten", nodeName, {in}, out), "axis", 1);
        return out;
    }

    // Conv with the weight [filters, channels, k, k] (the engine's order), then the fused activation.
    std::string addConv(const ExportStep& step, const std::string& in)
    {
        const std::string& id = step.layer.id;
        const ConvParameters p = convParameters(m_weights, step);
        addInitializer(id + ".weight", {p.filters, p.channels, p.kernel, p.kernel}, *p.weight);
        std::vector<std::string> inputs{in, id + ".weight"};
        if (p.hasBias) {
            addInitializer(id + ".bias", {p.filters}, p.bias);
            inputs.push_back(id + ".bias");
        }
        const std::string activation = denseActivation(step);
        const std::string out = tensorName(id);
        const std::string convOut = activation == "linear" ? out : out + "/conv";
        onnx::NodeProto* conv = newNode("Conv", id, inputs, convOut);
        addIntsAttribute(conv, "kernel_shape", {p.kernel, p.kernel});
        addIntsAttribute(conv, "strides", {p.stride, p.stride});
        addIntsAttribute(conv, "pads", {p.padTop, p.padLeft, p.padBottom, p.padRight});
        addIntsAttribute(conv, "dilations", {1, 1});
        addIntAttribute(conv, "group", 1);
        if (activation == "linear")
            return out;
        return addActivation(activationOp(activation), step, convOut, out);
    }

    // MaxPool or AveragePool without padding (so count_include_pad cannot matter; 0 says so).
    std::string addPool(const ExportStep& step, const std::string& in)
    {
        const PoolWindow w = poolWindow(step);
        const bool max = step.layer.type == "MaxPool2D";
        onnx::NodeProto* node = newNode(max ? "MaxPool" : "AveragePool", step.layer.id, {in}, tensorName(step.layer.id));
        addIntsAttribute(node, "kernel_shape", {w.size, w.size});
        addIntsAttribute(node, "strides", {w.stride, w.stride});
        addIntsAttribute(node, "pads", {0, 0, 0, 0});
        if (!max)
            addIntAttribute(node, "count_include_pad", 0);
        return tensorName(step.layer.id);
    }

    // Inference-mode BatchNormalization with the running statistics. An image input must be rank 4 (per
    // channel); a flat one may be either rank (per feature: (N, C) or (N, C, 1, 1)).
    Value addBatchNorm(const ExportStep& step)
    {
        const std::string& id = step.layer.id;
        const BatchNormParameters p = batchNormParameters(m_weights, step);
        const Value& in = m_valueOf.at(step.inputs.at(0));
        const bool image4 = in.image || !step.inputShape.isFlat();
        const std::string x = image4 ? asImage(step.inputs.at(0)) : in.name;
        const std::vector<std::string> parts{"weight", "bias", "running_mean", "running_var"};
        const std::vector<const std::vector<float>*> values{&p.gamma, &p.beta, &p.mean, &p.var};
        std::vector<std::string> inputs{x};
        for (std::size_t i = 0; i < parts.size(); ++i) {
            addInitializer(id + "." + parts[i], {p.channels}, *values[i]);
            inputs.push_back(id + "." + parts[i]);
        }
        onnx::NodeProto* node = newNode("BatchNormalization", id, inputs, tensorName(id));
        addFloatAttribute(node, "epsilon", p.epsilon);
        addFloatAttribute(node, "momentum", 1.0f - p.momentum);  // ONNX weighs the running value, not the batch
        return {tensorName(id), image4, step.outputShape};
    }

    // Add, or Concat along axis 1: the channels of (N, C, H, W), which is how the engine joins its
    // channel-major rows. Both inputs take the same rank (rank 4 for images).
    Value addMerge(const ExportStep& step)
    {
        const std::string& a = step.inputs.at(0);
        const std::string& b = step.inputs.at(1);
        const bool image4 = !step.outputShape.isFlat() ||
                            (m_valueOf.at(a).image && m_valueOf.at(b).image);
        const std::vector<std::string> inputs = image4 ? std::vector{asImage(a), asImage(b)} : std::vector{asFlat(a), asFlat(b)};
        const bool add = step.layer.type == "Add";
        onnx::NodeProto* node = newNode(add ? "Add" : "Concat", step.layer.id, inputs, tensorName(step.layer.id));
        if (!add)
            addIntAttribute(node, "axis", 1);
        return {tensorName(step.layer.id), image4, step.outputShape};
    }

    static std::string tensorName(const std::string& id)
    {
        return id == kInputName || id == kOutputName ? id + "_out" : id;
    }

    // A float tensor of shape [N, dims...]: "N" is the dynamic batch dimension.
    static void addValueInfo(onnx::ValueInfoProto* info, const std::string& name, const std::vector<long>& dims)
    {
        info->set_name(name);
        auto* tensor = info->mutable_type()->mutable_tensor_type();
        tensor->set_elem_type(onnx::TensorProto::FLOAT);
        auto* shape = tensor->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        for (const long d : dims)
            shape->add_dim()->set_dim_value(d);
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

    static void addIntsAttribute(onnx::NodeProto* node, const std::string& name, const std::vector<int>& values)
    {
        onnx::AttributeProto* a = node->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (const int v : values)
            a->add_ints(v);
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
    std::map<std::string, Value> m_valueOf;          // layer id -> its output
    std::map<std::string, std::string> m_flatOf;     // tensor -> its rank-2 copy
    std::map<std::string, std::string> m_imageOf;    // tensor -> its rank-4 copy
};

onnx::ModelProto buildModel(const ExportPlan& plan, const Weights& weights)
{
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("Neurite");
    model.set_producer_version(neuriteVersion());
    const std::string input = takesImages(plan) ? "Input: pixels / 255 as (N, C, H, W), (C, H, W) = "
                                                 : "Input: pixels / 255, flattened row-major (C, H, W) = ";
    model.set_doc_string(input + plan.inputShape.toString() + ". Output: " + (plan.softmaxHead ? "class probabilities." : "raw outputs (MSE)."));
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("neurite");
    OnnxGraphBuilder builder(*graph, weights);
    builder.addInput(plan.inputId, plan.inputShape, takesImages(plan));
    for (const ExportStep& step : plan.steps)
        builder.addStep(step);
    builder.addHead(plan.finalId, plan.softmaxHead, plan.outputSize);
    return model;
}

} // namespace

void exportOnnx(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const ExportPlan plan = makeExportPlan(spec, kFormat, imageExportTypes());
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
