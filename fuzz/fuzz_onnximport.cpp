// Fuzzes the ONNX importer (importOnnxBytes) with tighter limits than a user's. An imported design must
// build, predict, and export to ONNX and import again: whatever the importer accepts is a design Neurite
// can work with.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/OnnxImport.h"
#include "neurite/Validation.h"

#include <string>

using namespace neurite;

namespace {

constexpr long kMaxParameters = 200'000;

OnnxImportLimits fuzzLimits()
{
    OnnxImportLimits limits;
    limits.maxFileBytes = std::size_t(4) << 20;
    limits.maxNodes = 2000;
    limits.maxTensorElements = std::size_t(1) << 20;
    return limits;
}

void checkWorks(const OnnxImport& imported)
{
    const ValidationReport report = validate(imported.project.spec);
    if (!report.ok())
        fuzz::invariantBroken("the importer returned a design with errors");
    if (report.totalParameters() > kMaxParameters)
        return;
    Network network = networkFromProject(imported.project);
    Matrix x = Matrix::Constant(2, network.inputShape().size(), 0.5f), out;
    network.predict(x, out);
    static const std::string path = fuzz::scratchPath("reexported.onnx");
    exportOnnx(imported.project.spec, network.weights(), path);
    const OnnxImport again = importOnnx(path);
    if (again.project.spec.layers.size() != imported.project.spec.layers.size())
        fuzz::invariantBroken("export -> import changed the number of layers of an imported design");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    static const OnnxImportLimits limits = fuzzLimits();
    OnnxImport imported;
    try {
        imported = importOnnxBytes(bytes, "fuzz.onnx", "", limits);
    } catch (const NeuriteError&) {
        return 0;
    }
    checkWorks(imported);
    return 0;
}
