// The command table and the overview generated from it.
#include "CommandTable.h"

#include <algorithm>
#include <sstream>

namespace neurite::cli {
namespace {

constexpr Command kCommands[] = {
    {"train", "train a design or preset on a data set, with a progress bar", runTrain},
    {"lr-find", "find a learning rate: the range test on a copy of the network, with a suggested rate", runLrFind},
    {"sweep", "train one run per combination of swept settings and layer options, ranked by test metric", runSweep},
    {"runs", "list, rename, star, annotate, delete and restore the runs a project keeps", runRuns},
    {"diff", "the differences between two designs (projects, design files, ONNX models, runs)", runDiff},
    {"eval", "test accuracy, per-class precision/recall and the confusion matrix of a trained project", runEval},
    {"predict", "classify image files (PNG/JPEG) with a trained project", runPredict},
    {"summary", "layers, output shapes and parameter counts of a design", runSummary},
    {"bench", "training throughput and inference latency of the reference MLP", runBench},
    {"data", "list, locate and prepare data sets", runData},
    {"export", "write a project as ONNX, PyTorch, a C++ header, a diagram (SVG/PNG) or history CSV", runExport},
    {"import", "read an ONNX model as a design with its weights, or weights trained by an exported train.py",
     runImport},
};

// Command names are padded to this width so that the help texts line up.
constexpr std::size_t kNameColumn = 10;

} // namespace

std::span<const Command> commands()
{
    return kCommands;
}

const Command* findCommand(std::string_view name)
{
    for (const Command& command : kCommands)
        if (name == command.name)
            return &command;
    return nullptr;
}

std::string overviewText()
{
    std::ostringstream out;
    out << "Usage: neurite [FILE.neurite|DESIGN.json|MODEL.onnx]  open the designer\n"
           "       neurite <command> [options]                    run headless\n"
           "       neurite --version                              print the version\n\n"
           "Commands:\n";
    for (const Command& command : kCommands) {
        std::string name = command.name;
        name.resize(std::max(kNameColumn, name.size() + 1), ' ');
        out << "  " << name << command.help << "\n";
    }
    out << "\nRun `neurite <command> --help` (or `neurite help <command>`) for a command's options.\n";
    return out.str();
}

} // namespace neurite::cli
