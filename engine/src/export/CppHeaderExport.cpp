// The standalone C++ header export: constexpr weight arrays and a predict() that needs only <cmath>.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/ModelExport.h"

namespace neurite {

void exportCppHeader(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const DesignPlan plan = exportPlan(spec, "C++ header");
    CppProgram program(plan, weights);
    for (const PlanStep& step : plan.steps)
        step.kind->toCpp(program, step);
    writeFileAtomically(path, program.headerText(path));
}

} // namespace neurite
