// `neurite eval`: accuracy, per-class precision/recall/F1 and the confusion matrix of a trained project, or
// R², MAE and RMSE of a regression.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "DataArguments.h"
#include "neurite/DataSets.h"
#include "neurite/DesignFile.h"
#include "neurite/Error.h"
#include "neurite/PlaneData.h"
#include "neurite/ImageFolder.h"
#include "neurite/OnnxImport.h"
#include "neurite/ProjectFile.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <vector>

namespace neurite::cli {

namespace {

void printClassification(Network& network, const Dataset& data, const std::string& samples)
{
    const int classes = data.classCount();
    const Evaluation e = evaluate(network, data.test, classes);
    std::cout << "Test accuracy: " << percent(e.accuracy) << "  loss " << fixed(e.loss, 4) << "  ("
              << withThousands(double(data.test.count())) << " " << samples << " of " << data.name << ")\n\n";
    std::cout << std::left << std::setw(14) << "class" << std::right << std::setw(10) << "precision" << std::setw(10)
              << "recall" << std::setw(10) << "F1" << std::setw(10) << samples << "\n";
    for (int c = 0; c < classes; ++c) {
        int count = 0;
        for (int k = 0; k < classes; ++k)
            count += e.confusion[c][k];
        std::cout << std::left << std::setw(14) << data.classNames[c] << std::right << std::setw(10)
                  << fixed(e.precision[c], 3) << std::setw(10) << fixed(e.recall[c], 3) << std::setw(10)
                  << fixed(e.f1[c], 3) << std::setw(10) << count << "\n";
    }
    std::cout << "\nConfusion matrix (rows: true class, columns: predicted)\n      ";
    for (int c = 0; c < classes; ++c)
        std::cout << std::setw(6) << c;
    std::cout << "\n";
    for (int r = 0; r < classes; ++r) {
        std::cout << std::setw(6) << r;
        for (int c = 0; c < classes; ++c)
            std::cout << std::setw(6) << e.confusion[r][c];
        std::cout << "\n";
    }
}

void printRegression(Network& network, const Dataset& data)
{
    const RegressionEvaluation e = evaluateRegression(network, data.test, data.schema.targetMean,
                                                      data.schema.targetDeviation);
    std::cout << "Test R\u00b2: " << fixed(e.metrics.r2, 4) << " (MAE " << significant(e.metrics.mae) << ", RMSE "
              << significant(e.metrics.rmse) << ") on " << withThousands(double(data.test.count())) << " rows of "
              << data.name << "\n";
}

// A table project is evaluated on every row of the given table (its target filled), encoded with the
// project's own schema.
// An image folder is read with the model's own encoding and the split it was trained with, so that
// "test" means the same images (test/, or the same held-out share); its classes must be the model's.
Dataset loadImageFolderToEvaluate(const Project& project, const std::string& folder, const std::string& dataDir)
{
    DataOptions options;
    options.dataDir = dataDir;
    if (project.schema && project.schema->kind == DataSchema::Kind::Images) {
        options.imageChannels = project.schema->image.channels;
        options.imageRows = project.schema->image.rows;
        options.imageCols = project.schema->image.cols;
    }
    options.testSplit = project.settings.image.testSplit;
    Dataset data = loadImageFolder(folder, options);
    if (!project.classNames.empty() && data.classNames != project.classNames) {
        const auto list = [](const std::vector<std::string>& names) {
            std::string text;
            for (const std::string& name : names)
                text += (text.empty() ? "" : ", ") + name;
            return text;
        };
        throw NeuriteError("The classes of " + folder + " (" + list(data.classNames) + ") are not the model's (" +
                           list(project.classNames) + ")");
    }
    return data;
}

Dataset loadEvaluationData(const Project& project, const std::string& name, const std::string& dataDir)
{
    if (namesImageFolder(name))
        return loadImageFolderToEvaluate(project, name, dataDir);
    if (!project.schema || project.schema->kind != DataSchema::Kind::Table)
        return loadDataset(name, dataDir);
    // A generated set is generated again with the project's options: the same points, split and encoding,
    // so that its test rows are the ones held out in training.
    if (isPlaneDataSet(name)) {
        DataOptions options;
        options.plane = project.settings.plane;
        Dataset data = loadTable(name, options);
        if (data.schema == *project.schema)
            return data;
    }
    std::size_t dropped = 0;
    Dataset data = loadTableWithSchema(name, *project.schema, &dropped, project.settings.plane);
    if (dropped > 0)
        std::cout << withThousands(double(dropped)) << " rows without a target left out\n";
    return data;
}

// --time N: the median wall time of N passes over the test samples after a warm-up pass, the data already in
// memory (what tests/bench/compare_torch_workloads.sh compares with PyTorch's batch evaluation).
void printEvaluationTime(Network& network, const Dataset& data, int passes)
{
    const auto pass = [&] {
        if (data.task() == TaskKind::Regression)
            evaluateRegression(network, data.test, data.schema.targetMean, data.schema.targetDeviation);
        else
            evaluate(network, data.test, data.classCount());
    };
    pass();
    std::vector<double> seconds;
    for (int i = 0; i < passes; ++i) {
        const auto start = std::chrono::steady_clock::now();
        pass();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::cout << "\nEvaluation time: " << fixed(median * 1e3, 2) << " ms for "
              << withThousands(double(data.test.count())) << " samples ("
              << withThousands(double(data.test.count()) / median) << " samples/s; median of " << passes
              << " passes)\n";
}

} // namespace

int runEval(const Args& args)
{
    Arguments a("neurite eval FILE.neurite|MODEL.onnx [--data NAME|DIR|FILE]",
                "Evaluates a trained project (or an ONNX model) on a data set's test images (default: the set it was "
                "trained on).\n"
                "A model trained on a table is evaluated on every row of the table given (default: the one it\n"
                "was trained on, training rows included), encoded with the model's own column encodings; one\n"
                "trained on a generated set (circle, spiral, ...) on the test rows of the same points.",
                {{"data", "NAME|DIR|FILE",
                  "mnist-10k, fashion-mnist, mnist, a folder of IDX files or of images in class folders, or a table"},
                 {"data-dir", "DIR", "where named data sets live"},
                 {"threads", "N", "worker threads (0 = all cores)"},
                 {"time", "N", "also time N evaluation passes over the test samples and print the median"}},
                1, 1);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string path = a.positional()[0];
    const Project project = loadProjectOrDesign(path);
    if (!project.weights)
        throw NeuriteError(path + " has no trained weights: train it first (neurite train --design " + path +
                           " --out " + path + ").");
    // A .neurite project knows its data set; an ONNX file only what its input looks like (a digit model
    // defaults to mnist-10k, as a new project does).
    if (isOnnxPath(path) && !a.has("data") && project.schema && project.schema->kind == DataSchema::Kind::Table)
        throw UsageError("give --data TABLE.csv: " + path + " does not say which table it was trained on");
    const std::string dataName = a.text("data",
                                        project.dataSetName.empty() ? project.settings.dataSet : project.dataSetName);
    const Dataset data = loadEvaluationData(project, dataName, a.text("data-dir"));
    Network network = networkFromProject(project);
    network.setThreads(int(a.integer("threads", 0, 0, 1024)));
    checkDataFitsNetwork(network, data);
    if (data.task() == TaskKind::Regression)
        printRegression(network, data);
    else
        printClassification(network, data, data.test.kind == SampleKind::TableRow ? "rows" : "images");
    if (a.has("time"))
        printEvaluationTime(network, data, int(a.integer("time", 5, 1, 1000)));
    return 0;
}

} // namespace neurite::cli
