// The standalone C++ header export: constexpr weight arrays and a predict() that needs only <cmath>.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/ModelExport.h"

namespace neurite {

void exportCppHeader(const NetworkSpec& spec, const Weights& weights, const std::string& path, const DataSchema* schema)
{
    const DesignPlan plan = exportPlan(spec, "C++ header");
    const ExportPreprocessing preprocessing = exportPreprocessing(plan, schema);
    CppProgram program(plan, weights);
    if (!preprocessing.input.empty())
        program.standardiseInput(preprocessing.input);
    if (preprocessing.scaledOutput)
        program.scaleOutput(preprocessing.targetMean, preprocessing.targetDeviation);
    for (const PlanStep& step : plan.steps)
        step.kind->toCpp(program, step);
    writeFileAtomically(path, program.headerText(path));
    if (schema && schema->kind == DataSchema::Kind::Table)
        writeSchemaFile(*schema, schemaPathBeside(path));
}

} // namespace neurite
