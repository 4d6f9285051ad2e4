// ONNX export with Debian's ONNX library: each layer type adds its nodes, then ONNX's checker runs.
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

namespace neurite {
namespace {

constexpr int kOpset = 13;

onnx::ModelProto buildModel(const DesignPlan& plan, const Weights& weights)
{
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("Neurite");
    model.set_producer_version(neuriteVersion());
    const std::string input = takesImages(plan) ? "Input: pixels / 255 as (N, C, H, W), (C, H, W) = "
                                                : "Input: pixels / 255, flattened row-major (C, H, W) = ";
    model.set_doc_string(input + plan.inputShape.toString() +
                         ". Output: " + (plan.softmaxHead ? "class probabilities." : "raw outputs (MSE)."));
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("neurite");
    OnnxGraph builder(*graph, weights);
    builder.addInput(plan.inputId, plan.inputShape, takesImages(plan));
    for (const PlanStep& step : plan.steps)
        step.kind->toOnnx(builder, step);
    builder.addHead(plan.finalId, plan.softmaxHead, plan.outputSize);
    return model;
}

} // namespace

void exportOnnx(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const DesignPlan plan = exportPlan(spec, "ONNX");
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
