// ONNX export with Debian's ONNX library: each layer type adds its nodes, then ONNX's checker runs.
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/OnnxHints.h"
#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

namespace neurite {
namespace {

constexpr int kOpset = 13;

// The layer whose softmax the cross-entropy head took over, or "head" when none had one.
std::string softmaxOwner(const DesignPlan& plan)
{
    for (const PlanStep& step : plan.steps)
        if (step.softmaxFolded)
            return plan.finalId;
    return "head";
}

// What the graph cannot say about the design (OnnxHints.h).
void addHints(onnx::ModelProto& model, const NetworkSpec& spec, const DesignPlan& plan)
{
    OnnxHints hints{plan.inputId, "output", plan.inputShape, plan.loss};
    for (const LayerSpec& layer : spec.layers)
        if (layer.type == "Output")
            hints.outputId = layer.id;
    onnx::StringStringEntryProto* entry = model.add_metadata_props();
    entry->set_key(kOnnxHintsKey);
    entry->set_value(onnxHintsJson(hints));
}

onnx::ModelProto buildModel(const NetworkSpec& spec, const DesignPlan& plan, const Weights& weights,
                            const DataSchema* schema)
{
    const ExportPreprocessing preprocessing = exportPreprocessing(plan, schema);
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("Neurite");
    model.set_producer_version(neuriteVersion());
    const std::string input = !preprocessing.input.empty()
                                  ? "Input: a table row's raw encoding (see the .schema.json beside this file), "
                              : takesImages(plan)
                                  ? "Input: pixels / 255 as (N, C, H, W), colour in R, G, B planes, (C, H, W) = "
                                  : "Input: pixels / 255, colour in R, G, B planes, flattened row-major (C, H, W) = ";
    const std::string output = plan.softmaxHead             ? "class probabilities."
                               : preprocessing.scaledOutput ? "\"value\", the prediction in the target's units."
                                                            : "raw outputs (MSE).";
    model.set_doc_string(input + plan.inputShape.toString() + ". Output: " + output);
    if (schema) { // the preprocessing travels inside the file too, for tools that read metadata
        onnx::StringStringEntryProto* entry = model.add_metadata_props();
        entry->set_key("neurite.data_schema");
        entry->set_value(schemaToJson(*schema));
    }
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("neurite");
    OnnxGraph builder(*graph, weights);
    builder.addInput(plan.inputId, plan.inputShape, takesImages(plan));
    if (!preprocessing.input.empty())
        builder.standardiseInput(plan.inputId, preprocessing.input);
    for (const PlanStep& step : plan.steps)
        step.kind->toOnnx(builder, step);
    if (preprocessing.scaledOutput)
        builder.addRegressionHead(plan.finalId, preprocessing.targetMean, preprocessing.targetDeviation);
    else
        builder.addHead(plan.finalId, plan.softmaxHead, plan.outputSize, softmaxOwner(plan));
    addHints(model, spec, plan);
    return model;
}

} // namespace

void exportOnnx(const NetworkSpec& spec, const Weights& weights, const std::string& path, const DataSchema* schema)
{
    const DesignPlan plan = exportPlan(spec, "ONNX");
    const onnx::ModelProto model = buildModel(spec, plan, weights, schema);
    try {
        onnx::checker::check_model(model);
    } catch (const std::exception& e) {
        throw NeuriteError("The ONNX model for " + path + " fails ONNX's checker: " + e.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw NeuriteError("Cannot encode the ONNX model for " + path + " (protobuf serialisation failed).");
    writeFileAtomically(path, bytes);
    if (schema && schema->kind == DataSchema::Kind::Table)
        writeSchemaFile(*schema, schemaPathBeside(path));
}

} // namespace neurite
