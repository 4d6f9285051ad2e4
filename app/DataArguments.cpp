// Parsing the data options; the roles' names are the data schema's.
#include "DataArguments.h"

#include "neurite/Error.h"
#include "neurite/PlaneData.h"
#include "neurite/PlanePointsCsv.h"

#include <algorithm>
#include <limits>
#include <string>

namespace neurite::cli {

std::vector<OptionSpec> dataOptionSpecs()
{
    return {{"data-dir", "DIR", "where named data sets live (default $NEURITE_DATA_DIR or ~/.local/share/neurite)"},
            {"target", "COLUMN", "tables: the column to predict (default: the last column)"},
            {"test-split", "X",
             "tables and image folders without test/: the share held out for testing, stratified by class "
             "(default 0.2, at most 0.9; generated sets: default 0.5, 0.05 to 0.95)"},
            {"split-seed", "N", "tables and image folders: the seed that chooses the test rows (default 1)"},
            {"image-size", "WxH",
             "image folders: the size images are resized to, e.g. 32x32 (default: the most "
             "common size, reduced to fit in memory and to 256 a side)"},
            {"channels", "grey|rgb", "image folders: grey or RGB (default: RGB when any image is in colour)"},
            {"column", "NAME=ROLE", "tables: a column's role, numeric, categorical or ignored (repeat for more)"},
            {"points", "N", "generated sets (circle, spiral, ...): how many points, 2 to 100000 (default 500)"},
            {"noise", "X", "generated sets: the noise, 0 to 0.5 as Playground's 0 to 50% (default 0)"},
            {"data-seed", "N", "generated sets: the seed that draws the points and the test rows (default 1)"},
            {"classes", "N", "blobs: how many classes, 3 to 5 (default 3)"},
            {"features", "LIST",
             "two-dimensional sets: the input features, any of x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2) (also x1sq, "
             "x2sq, x1x2, sinx1, sinx2; default x1,x2)"},
            {"points-file", "FILE",
             "your own two-dimensional points (--data painted, implied): a CSV of two numeric columns and a "
             "target (a class or a value), kept in the saved project"}};
}

std::string dataNameOf(const Arguments& a, const std::string& fallback)
{
    if (!a.has("points-file"))
        return a.text("data", fallback);
    const std::string name = a.text("data", kPaintedDataSet);
    if (name != kPaintedDataSet)
        throw UsageError("--points-file gives the points of --data painted, not of --data " + name);
    return name;
}

namespace {

// "32x32" (width x height) into options.imageCols and imageRows.
void parseImageSize(const std::string& text, DataOptions& options)
{
    const std::size_t x = text.find('x');
    const auto side = [&](const std::string& digits) {
        if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
            return 0;
        return std::stoi(digits);
    };
    const int cols = x == std::string::npos ? 0 : side(text.substr(0, x));
    const int rows = x == std::string::npos ? 0 : side(text.substr(x + 1));
    if (cols < 1 || rows < 1 || cols > kMaxImageSide || rows > kMaxImageSide)
        throw UsageError("--image-size expects WIDTHxHEIGHT, each 1 to " + std::to_string(kMaxImageSide) +
                         " (e.g. 32x32), not '" + text + "'");
    options.imageCols = cols;
    options.imageRows = rows;
}

} // namespace

DataOptions dataOptions(const Arguments& a)
{
    DataOptions options;
    options.dataDir = a.text("data-dir");
    options.target = a.text("target");
    // The loaders check the share against their own range (a generated set allows up to 0.95).
    options.testSplit = a.real("test-split", options.testSplit, 0, 0.95);
    options.plane.testRatio = a.real("test-split", options.plane.testRatio, 0, 0.95);
    options.plane.points = int(a.integer("points", options.plane.points, 2, 100000));
    // `neurite train` shares --noise with augmentation (up to 1); the set itself refuses more than 0.5.
    options.plane.noise = a.real("noise", options.plane.noise, 0, 1);
    options.plane.seed = std::uint64_t(
        a.integer("data-seed", long(options.plane.seed), 0, std::numeric_limits<long>::max()));
    options.plane.classes = int(a.integer("classes", options.plane.classes, 3, 5));
    if (a.has("features")) {
        try {
            options.plane.features = parsePlaneFeatures(a.text("features"));
        } catch (const NeuriteError& e) {
            throw UsageError(std::string("--features: ") + e.what());
        }
    }
    if (a.has("points-file"))
        options.plane.painted = readPlanePointsCsv(a.text("points-file"));
    options.splitSeed = std::uint64_t(
        a.integer("split-seed", long(options.splitSeed), 0, std::numeric_limits<long>::max()));
    if (a.has("image-size"))
        parseImageSize(a.text("image-size"), options);
    if (a.has("channels")) {
        const std::string channels = a.text("channels");
        if (channels != "grey" && channels != "gray" && channels != "rgb")
            throw UsageError("--channels expects grey or rgb, not '" + channels + "'");
        options.imageChannels = channels == "rgb" ? 3 : 1;
    }
    for (const std::string& setting : a.all("column")) {
        // Roles hold no '=', so a column name may.
        const std::size_t equals = setting.rfind('=');
        if (equals == std::string::npos || equals == 0)
            throw UsageError("--column expects NAME=ROLE (numeric, categorical or ignored), not '" + setting + "'");
        const std::string name = setting.substr(0, equals), role = setting.substr(equals + 1);
        if (role == "numeric")
            options.columnRoles[name] = ColumnRole::Numeric;
        else if (role == "categorical")
            options.columnRoles[name] = ColumnRole::Categorical;
        else if (role == "ignored")
            options.columnRoles[name] = ColumnRole::Ignored;
        else
            throw UsageError("--column " + setting + ": the role must be numeric, categorical or ignored");
    }
    return options;
}

bool namesImageFolder(const std::string& name)
{
    const std::vector<std::string> named = dataSetNames();
    return std::find(named.begin(), named.end(), name) == named.end() && isImageFolder(name);
}

} // namespace neurite::cli
