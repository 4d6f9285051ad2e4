// `neurite import`: an ONNX model becomes a Neurite project (design and weights) or a design file; weights
// trained by a PyTorch export's train.py (weights.npz) go back into the project they were exported from.
#include "Arguments.h"
#include "Commands.h"
#include "neurite/DesignFile.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/OnnxImport.h"
#include "neurite/ProjectFile.h"
#include "neurite/TorchWeightsImport.h"
#include "neurite/Validation.h"

#include <iostream>

namespace neurite::cli {
namespace {

bool endsWith(const std::string& text, const std::string& ending)
{
    return text.size() >= ending.size() && text.compare(text.size() - ending.size(), ending.size(), ending) == 0;
}

void printLayers(const NetworkSpec& spec)
{
    const ValidationReport report = validate(spec);
    for (const std::string& id : report.order) {
        const LayerSpec& layer = *spec.find(id);
        const auto facts = report.layers.find(id);
        std::cout << "  " << layerCaption(layer) << " (" << id << ")";
        if (facts != report.layers.end())
            std::cout << " -> " << facts->second.outputShape.toString();
        std::cout << "\n";
    }
}

// weights.npz from train.py into the project (or design) it was exported from, saved as `out`: the
// project's design, settings, data schema and history with the weights trained in PyTorch.
int importTrainedWeights(const std::string& npz, const std::string& into, const std::string& out)
{
    if (into.empty() || out.empty())
        throw UsageError("give --into FILE.neurite (the project the PyTorch folder was exported from) and --out "
                         "FILE.neurite (the project to write with the trained weights)");
    Project project = loadProjectOrDesign(into);
    const Weights current = networkFromProject(project).weights();
    project.weights = importTorchWeights(project.spec, current, npz);
    saveProject(project, out);
    std::size_t values = 0;
    for (const NamedTensor& tensor : *project.weights)
        values += tensor.values.size();
    std::cout << "Read " << values << " weights from " << npz << " into the design of " << into << "\n"
              << "Wrote " << out << " (the design, settings and data schema of " << into
              << " with these weights; its training history is the project's own)\n";
    return 0;
}

} // namespace

int runImport(const Args& args)
{
    Arguments a("neurite import MODEL.onnx --out FILE.neurite|DESIGN.json\n"
                "       neurite import TRAINED.npz --into PROJECT.neurite --out FILE.neurite",
                "Imports an ONNX model (from PyTorch's torch.onnx.export, tf2onnx, Neurite...) as an editable\n"
                "design with its weights. A .neurite project keeps the weights (train it further, draw into it,\n"
                "export it again); a design JSON file keeps the layers only. Nothing is written when any node\n"
                "cannot be imported: each one is named with the reason.\n"
                "An .npz file is weights trained by the train.py of a PyTorch export (`neurite export --format\n"
                "torch`): they go back into the project the folder was exported from (--into), saved as --out.",
                {{"out", "PATH", "the project (.neurite) or design file (.json) to write"},
                 {"into", "FILE", ".npz weights: the project (or design file) the PyTorch folder was exported from"}},
                1, 1);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string model = a.positional()[0];
    const std::string out = a.text("out");
    if (endsWith(model, ".npz"))
        return importTrainedWeights(model, a.text("into"), out);
    if (out.empty())
        throw UsageError("give --out FILE.neurite (design and weights) or --out DESIGN.json (design only)");
    const OnnxImport imported = importOnnx(model);
    std::cout << "Imported " << model << ": " << imported.project.spec.layers.size() << " layers\n";
    printLayers(imported.project.spec);
    for (const std::string& note : imported.notes)
        std::cout << "note: " << note << "\n";
    if (endsWith(out, ".json")) {
        DesignFile design;
        design.name = "Imported from " + model;
        design.spec = imported.project.spec;
        saveDesignFile(design, out);
        std::cout << "Wrote the design (without weights) to " << out << "\n";
    } else {
        saveProject(imported.project, out);
        std::cout << "Wrote " << out << " (design and weights)\n";
    }
    return 0;
}

} // namespace neurite::cli
