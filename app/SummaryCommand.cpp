// `neurite summary`: a Keras-style table of layers, output shapes and parameter counts.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include <neurite/DesignFile.h>
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Validation.h"

#include <iomanip>
#include <iostream>

namespace neurite::cli {

int runSummary(const Args& args)
{
    Arguments a("neurite summary FILE.neurite|DESIGN.json|MODEL.onnx | --preset NAME",
                "Lists the layers of a design with their output shapes and parameter counts. The design comes\n"
                "from a .neurite project, a design JSON file (File > Save Design As), an ONNX model or a built-in\n"
                "preset.",
                {{"preset", "NAME", "a built-in design instead of a file: mlp, logistic, lenet or resnet-small"}}, 0,
                1);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    NetworkSpec spec;
    if (!a.positional().empty()) {
        spec = loadProjectOrDesign(a.positional()[0]).spec;
    } else {
        const auto p = preset(a.text("preset", ""));
        if (!p)
            throw UsageError(
                "give a .neurite or design JSON file, or --preset NAME (mlp, logistic, lenet, resnet-small)");
        spec = *p;
    }
    const ValidationReport report = validate(spec);
    const std::string rule(78, '-');
    std::cout << std::left << std::setw(36) << "Layer (id)" << std::setw(18) << "Output shape" << std::right
              << std::setw(12) << "Params" << std::setw(12) << "Mult-adds"
              << "\n"
              << rule << "\n";
    for (const std::string& id : report.order) {
        const LayerSpec& layer = *spec.find(id);
        const auto facts = report.layers.find(id);
        const bool known = facts != report.layers.end();
        std::cout << padRight(layerCaption(layer) + " (" + id + ")", 36)
                  << padRight(known ? facts->second.outputShape.toString() : "?", 18) << std::right << std::setw(12)
                  << (known ? withThousands(double(facts->second.parameters)) : "?") << std::setw(12)
                  << (known ? withThousands(double(facts->second.multiplyAdds)) : "?") << "\n";
    }
    std::cout << rule << "\n"
              << "Total parameters: " << withThousands(double(report.totalParameters())) << " ("
              << fixed(double(report.totalParameters()) * 4.0 / 1024.0, 1) << " KiB of float32 weights)\n"
              << "Multiply-adds per sample: " << withThousands(double(report.totalMultiplyAdds())) << "\n";
    for (const ValidationIssue& issue : report.issues)
        std::cout << (issue.severity == ValidationIssue::Severity::Error ? "error: " : "warning: ") << issue.message
                  << "\n";
    return report.ok() ? 0 : 1;
}

} // namespace neurite::cli
