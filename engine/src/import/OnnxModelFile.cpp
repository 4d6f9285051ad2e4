// The checks an ONNX file passes before the importer maps it (see OnnxModelFile.h).
#include "import/OnnxModelFile.h"

#include "neurite/Error.h"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace neurite {
namespace {

int defaultDomainOpset(const onnx::ModelProto& model, const std::string& context)
{
    int opset = 0;
    for (const onnx::OperatorSetIdProto& o : model.opset_import())
        if (o.domain().empty() || o.domain() == "ai.onnx")
            opset = int(std::min<std::int64_t>(o.version(), 1 << 20));
    if (opset == 0)
        throw NeuriteError(context + ": the model imports no ONNX opset (opset_import has no default domain)");
    if (opset < oldestOnnxOpset() || opset > newestOnnxOpset())
        throw NeuriteError(context + ": the model uses ONNX opset " + std::to_string(opset) +
                           "; Neurite reads opsets " + std::to_string(oldestOnnxOpset()) + " to " +
                           std::to_string(newestOnnxOpset()) + " (re-export it with another opset_version)");
    return opset;
}

// Graphs inside attributes (If, Loop, Scan bodies) are not imported; their nodes count toward the limit
// so that nesting cannot hide a huge model from it.
std::size_t nodeCount(const onnx::GraphProto& graph, int depth)
{
    std::size_t n = std::size_t(graph.node_size());
    if (depth > 8)
        return n;
    for (const onnx::NodeProto& node : graph.node())
        for (const onnx::AttributeProto& a : node.attribute()) {
            if (a.has_g())
                n += nodeCount(a.g(), depth + 1);
            for (const onnx::GraphProto& g : a.graphs())
                n += nodeCount(g, depth + 1);
        }
    return n;
}

void checkWithOnnx(const onnx::ModelProto& model, const std::string& context)
{
    try {
        onnx::checker::check_model(model);
    } catch (const std::exception& e) {
        throw NeuriteError(context + ": ONNX's checker rejects the model: " + e.what());
    }
}

} // namespace

int oldestOnnxOpset()
{
    return 9;
}

int newestOnnxOpset()
{
    return onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map().at(onnx::ONNX_DOMAIN).second;
}

std::string readModelBytes(const std::string& path, std::size_t limit)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
        throw NeuriteError(path + ": cannot open: " + error.message());
    if (size > limit)
        throw NeuriteError(path + ": " + std::to_string(size >> 20) + " MiB is over the " +
                           std::to_string(limit >> 20) + " MiB Neurite reads from an ONNX file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NeuriteError(path + ": cannot open: " + std::strerror(errno));
    std::string bytes(std::size_t(size), '\0');
    in.read(bytes.data(), std::streamsize(bytes.size()));
    if (in.bad() || std::size_t(in.gcount()) != bytes.size())
        throw NeuriteError(path + ": cannot read the whole file (it changed while being read?)");
    return bytes;
}

OnnxModelFile readOnnxModel(const std::string& bytes, const TensorSource& source)
{
    const std::string& context = source.context;
    const OnnxImportLimits& limits = *source.limits;
    if (bytes.size() > limits.maxFileBytes)
        throw NeuriteError(context + ": over the " + std::to_string(limits.maxFileBytes >> 20) +
                           " MiB Neurite reads from an ONNX file");
    OnnxModelFile file;
    if (bytes.empty() || !file.model.ParseFromString(bytes))
        throw NeuriteError(context + ": not an ONNX model (the file is not a valid ONNX protobuf message)");
    if (!file.model.has_graph())
        throw NeuriteError(context + ": the ONNX model has no graph");
    if (const std::size_t n = nodeCount(file.model.graph(), 0); n > limits.maxNodes)
        throw NeuriteError(context + ": the graph has " + std::to_string(n) + " nodes; Neurite imports at most " +
                           std::to_string(limits.maxNodes));
    file.opset = defaultDomainOpset(file.model, context);
    inlineExternalData(file.model, source);
    checkWithOnnx(file.model, context);
    return file;
}

} // namespace neurite
