// `neurite export`: writes a project's network as ONNX, a PyTorch folder, a C++ header, a diagram or CSV.
#include "Arguments.h"
#include "Commands.h"
#include <neurite/DesignFile.h>
#include "NetworkDiagram.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/ProjectFile.h"

#include <QGuiApplication>

#include <iostream>
#include <memory>
#include <set>

namespace neurite::cli {
namespace {

Arguments exportArguments()
{
    return Arguments("neurite export FILE.neurite|DESIGN.json --format onnx|torch|cpp|svg|png|csv --out PATH",
                     "Exports a project: its trained network (onnx, torch, cpp), a diagram of its design (svg, png)\n"
                     "or its training history (csv). A project without weights exports its initial weights (from its\n"
                     "seed), and so does a design JSON file. A layer a format cannot express is an error naming the\n"
                     "layer; nothing is half-written.\n"
                     "  onnx   ONNX opset 13: input 'input' [N, C*H*W], output 'probabilities'\n"
                     "  torch  a folder: model.py (torch.nn.Module), weights.npz, train.py (DistributedDataParallel)\n"
                     "  cpp    one dependency-free header with constexpr weights and predict(input, output)\n"
                     "  svg    the network diagram as SVG; png as a PNG picture\n"
                     "  csv    the training history: a row per batch and per epoch\n"
                     "See docs/export.md for loading each format in its target.",
                     {{"format", "NAME", "onnx, torch, cpp, svg, png or csv"},
                      {"out", "PATH", "the file (or, for torch, the folder) to write"},
                      {"scale", "X", "png: pixels per diagram unit (default 2)"}},
                     1, 1);
}

// Fonts need a QGuiApplication; without a display the offscreen platform serves.
std::unique_ptr<QGuiApplication> guiForPictures()
{
    if (QGuiApplication::instance())
        return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "neurite";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

void exportPicture(const Project& project, const std::string& format, const std::string& out, double scale)
{
    const auto app = guiForPictures();
    const render::NetworkDiagram diagram(project.spec);
    if (format == "svg")
        diagram.writeSvg(QString::fromStdString(out));
    else
        diagram.writePng(QString::fromStdString(out), scale);
}

} // namespace

int runExport(const Args& args)
{
    Arguments a = exportArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string format = a.text("format");
    const std::string out = a.text("out");
    if (format.empty() || out.empty())
        throw UsageError("give --format (onnx, torch, cpp, svg, png or csv) and --out PATH");
    static const std::set<std::string> formats{"onnx", "torch", "cpp", "svg", "png", "csv"};
    if (!formats.count(format))
        throw UsageError("unknown format '" + format + "' (choose onnx, torch, cpp, svg, png or csv)");
    const double scale = a.real("scale", 2.0, 0.25, 16.0);
    const Project project = loadProjectOrDesign(a.positional().at(0));

    if (format == "svg" || format == "png") {
        exportPicture(project, format, out, scale);
    } else if (format == "csv") {
        if (project.history.epochs.empty())
            std::cerr << "neurite export: note: the project has no training history; the CSV has only a header\n";
        exportHistoryCsv(project.history, out);
    } else {
        if (!project.weights)
            std::cerr << "neurite export: note: the project is not trained; exporting its initial weights\n";
        const Network network = networkFromProject(project);
        const DataSchema* schema = project.schema ? &*project.schema : nullptr; // the preprocessing, carried along
        if (format == "onnx")
            exportOnnx(project.spec, network.weights(), out, schema);
        else if (format == "torch")
            exportTorch(project.spec, network.weights(), project.settings, out, schema);
        else
            exportCppHeader(project.spec, network.weights(), out, schema);
    }
    std::cout << "Exported " << out << "\n";
    return 0;
}

} // namespace neurite::cli
