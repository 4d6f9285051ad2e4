// `neurite predict`: classifies image files with a trained project, using the canvas's preprocessing.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "ImagePreprocessing.h"
#include "neurite/Dataset.h"
#include "neurite/DesignFile.h"
#include "neurite/Error.h"
#include "neurite/ImageFolder.h"
#include "neurite/ProjectFile.h"
#include "neurite/TablePredictions.h"

#include <QCoreApplication>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace neurite::cli {
namespace {

// Qt cannot open a file whose name is not valid UTF-8 (e.g. Latin-1 bytes): such an image is read through
// a copy with a plain name, and messages still name the original. Throws NeuriteError (the message
// without the name, which the caller prints first).
std::vector<float> preprocessNamedImage(const std::string& name)
{
    const QString path = QString::fromStdString(name);
    if (path.toStdString() == name)
        return render::preprocessImageFile(path);
    std::ifstream in(name, std::ios::binary);
    if (!in)
        throw NeuriteError("cannot open: " + std::string(std::strerror(errno)));
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    QTemporaryFile copy;
    if (!copy.open() || copy.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !copy.flush())
        throw NeuriteError("cannot copy it to a temporary file: " + copy.errorString().toStdString());
    try {
        return render::preprocessImageFile(copy.fileName());
    } catch (const NeuriteError& e) {
        throw NeuriteError(QString::fromStdString(e.what()).replace(copy.fileName(), path).toStdString());
    }
}

// One image file as the network's input, prepared as the model's training images were. The stored schema
// decides: a model trained on an image folder (ImagePreparation::Resize) takes the whole image converted
// and resized with its stored encoding, exactly as loadImageFolder read its training images; a model of
// the IDX digit sets or the canvas (Digit, and every project saved before image folders) takes the
// MNIST-style preparation, which finds, crops and centres the ink of a photographed digit.
std::vector<float> inputFromImageFile(const std::string& name, const Project& project, const Network& network)
{
    if (project.schema && project.schema->imagePreparation == ImagePreparation::Resize) {
        const std::vector<std::uint8_t> sample = loadImageFile(name, project.schema->image);
        std::vector<float> input(sample.size());
        for (std::size_t i = 0; i < sample.size(); ++i)
            input[i] = float(sample[i]) * kPixelScale;
        return input;
    }
    std::vector<float> input = preprocessNamedImage(name);
    if (long(input.size()) != network.inputShape().size())
        throw NeuriteError("the network takes " + std::to_string(network.inputShape().size()) +
                           " inputs, not a 28x28 image.");
    return input;
}

// Rows of a table through a model trained on a table: the rows with their predictions, as CSV.
int predictTable(const Arguments& a)
{
    const std::string path = a.positional()[0];
    if (a.positional().size() > 1)
        throw UsageError("give either --csv ROWS.csv or image files, not both");
    const Project project = loadProjectOrDesign(path);
    if (!project.weights)
        throw NeuriteError(path + " has no trained weights: train it first.");
    if (!project.schema || project.schema->kind != DataSchema::Kind::Table)
        throw NeuriteError(path + " was trained on images, not on a table: give it image files instead of --csv");
    Network network = networkFromProject(project);
    if (!a.has("out")) {
        predictTableRows(network, *project.schema, project.classNames, a.text("csv"), std::cout);
        return 0;
    }
    const std::size_t rows = predictTableRowsToFile(network, *project.schema, project.classNames, a.text("csv"),
                                                    a.text("out"));
    std::cout << "Predicted " << withThousands(double(rows)) << " rows of " << a.text("csv") << " into "
              << a.text("out") << "\n";
    return 0;
}

Arguments predictArguments()
{
    return Arguments(
        "neurite predict FILE.neurite|MODEL.onnx IMAGE... | neurite predict FILE.neurite --csv ROWS.csv [--out FILE]",
        "Prints the predicted class and the class probabilities of each image (PNG, JPEG, BMP or WebP). For\n"
        "a model trained on an image folder, each image is converted to grey or RGB and resized as the\n"
        "training images were. For a model of the digit sets, images are prepared like MNIST: a dark digit\n"
        "on a light background is inverted, the ink is cropped, scaled to 20 px and centred by its centre\n"
        "of mass in 28x28.\n"
        "With --csv, a model trained on a table predicts each row of ROWS.csv (its columns found by name,\n"
        "other columns ignored) and writes the rows with the predicted class and the class probabilities\n"
        "(or the predicted value) as CSV, to --out or the standard output.",
        {{"top", "N", "print only the N most likely classes (default: all)"},
         {"csv", "ROWS.csv", "a table of rows to predict (a model trained on a table)"},
         {"out", "FILE", "with --csv: write the predictions here instead of the standard output"}},
        1, 100000);
}

} // namespace

int runPredict(const Args& args)
{
    Arguments a = predictArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    if (a.has("csv"))
        return predictTable(a);
    if (a.has("out"))
        throw UsageError("--out goes with --csv");
    if (a.positional().size() < 2)
        throw UsageError("missing argument; give image files or --csv ROWS.csv");
    int argc = 1;
    char name[] = "neurite";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv); // lets QImage find its format plugins

    const std::string path = a.positional()[0];
    const Project project = loadProjectOrDesign(path);
    if (!project.weights)
        throw NeuriteError(path + " has no trained weights: train it first.");
    if (project.schema && project.schema->kind == DataSchema::Kind::Table)
        throw NeuriteError(path + " was trained on a table: give it rows with --csv ROWS.csv");
    Network network = networkFromProject(project);
    const int classes = network.outputSize();
    const int top = int(a.integer("top", classes, 1, classes));
    std::vector<float> probabilities(std::size_t(classes), 0.0f);
    int failures = 0;
    for (std::size_t i = 1; i < a.positional().size(); ++i) {
        std::vector<float> input;
        try {
            input = inputFromImageFile(a.positional()[i], project, network);
        } catch (const NeuriteError& e) {
            std::cerr << a.positional()[i] << ": " << e.what() << "\n"; // the other images still run
            ++failures;
            continue;
        }
        network.predictOne(input.data(), probabilities.data());
        std::vector<int> order(static_cast<std::size_t>(classes));
        for (int c = 0; c < classes; ++c)
            order[std::size_t(c)] = c;
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return probabilities[x] > probabilities[y]; });
        const auto className = [&](int c) {
            return c < int(project.classNames.size()) ? project.classNames[std::size_t(c)] : std::to_string(c);
        };
        std::cout << a.positional()[i] << ": " << className(order[0]) << " (" << percent(probabilities[order[0]], 1)
                  << ")\n";
        for (int k = 0; k < top; ++k)
            std::cout << "  " << className(order[k]) << "  " << fixed(probabilities[order[k]], 4) << "\n";
    }
    return failures ? 1 : 0;
}

} // namespace neurite::cli
