// Dispatch: no arguments (or a .neurite file) opens the designer; otherwise a headless subcommand.
#include "Cli.h"

#include "Arguments.h"
#include "Commands.h"
#include "neurite/Error.h"

#include <cstdio>
#include <iostream>
#include <map>

namespace neurite::cli {
namespace {

const char* kOverview =
    "Usage: neurite [FILE.neurite]          open the designer\n"
    "       neurite <command> [options]     run headless\n\n"
    "Commands:\n"
    "  train     train a design or preset on a data set, with a progress bar\n"
    "  eval      test accuracy, per-class precision/recall and the confusion matrix of a trained project\n"
    "  predict   classify image files (PNG/JPEG) with a trained project\n"
    "  summary   layers, output shapes and parameter counts of a design\n"
    "  bench     training throughput and inference latency of the reference MLP\n"
    "  data      list, locate and prepare data sets\n"
    "  export    write a project as ONNX, PyTorch, a C++ header, a diagram (SVG/PNG) or history CSV\n\n"
    "Run `neurite <command> --help` for a command's options.\n";

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || (std::string(argv[1]).size() > 8 && std::string(argv[1]).ends_with(".neurite")))
        return runGui(argc, argv);
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kOverview;
        return 0;
    }
    const Args args(argv + 2, argv + argc);
    static const std::map<std::string, int (*)(const Args&)> commands{
        {"train", runTrain}, {"eval", runEval},   {"predict", runPredict},
        {"summary", runSummary}, {"bench", runBench}, {"data", runData},
        {"export", runExport},
    };
    const auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "neurite: unknown command '" << command << "'\n\n" << kOverview;
        return 2;
    }
    try {
        return it->second(args);
    } catch (const UsageError& e) {
        std::cerr << "neurite " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const NeuriteError& e) {
        std::cerr << "neurite " << command << ": " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "neurite " << command << ": out of memory\n";
        return 1;
    }
}

} // namespace neurite::cli
