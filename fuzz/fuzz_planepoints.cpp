// Fuzzes reading a CSV file as the user's two-dimensional points, and loading what it read as the painted
// set. Points that were read must be well formed (at most 100,000, at most 8 classes, finite, class indices
// within the names), write back to CSV and read again bit for bit, and load as a table with a label below the
// class count for every row; every refusal is a NeuriteError.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/PlanePointsCsv.h"
#include "neurite/TableData.h"

#include <cmath>
#include <cstring>

using namespace neurite;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void checkWellFormed(const PaintedPoints& painted)
{
    if (painted.points.empty() || painted.points.size() > kMaxPaintedPoints ||
        painted.classes.size() > std::size_t(kMaxPaintedClasses))
        fuzz::invariantBroken("points read beyond their limits");
    for (const PlanePoint& point : painted.points) {
        if (!std::isfinite(point.x1) || !std::isfinite(point.x2) || !std::isfinite(point.target))
            fuzz::invariantBroken("a point read is not finite");
        if (!painted.regression && !(point.target >= 0 && point.target < double(painted.classes.size())))
            fuzz::invariantBroken("a class index read is not one of the class names");
    }
}

// The points written and read again: the same classes, in the same order, and the same bits.
void checkRoundTrip(const PaintedPoints& painted, const std::string& path)
{
    try {
        writePlanePointsCsv(path, painted);
        const PaintedPoints again = readPlanePointsCsv(path);
        bool same = again.classes == painted.classes && again.regression == painted.regression &&
                    again.points.size() == painted.points.size();
        for (std::size_t i = 0; same && i < painted.points.size(); ++i)
            same = sameBits(again.points[i].x1, painted.points[i].x1) &&
                   sameBits(again.points[i].x2, painted.points[i].x2) &&
                   sameBits(again.points[i].target, painted.points[i].target);
        if (!same)
            fuzz::invariantBroken("points written to CSV read back differently");
    } catch (const NeuriteError&) {
        fuzz::invariantBroken("points that were read cannot be written and read again");
    }
}

void checkLoadsAsTable(const PaintedPoints& painted, std::uint8_t choice)
{
    DataOptions options;
    options.plane.painted = painted;
    options.plane.features = 1u + choice % kAllPlaneFeatures;
    Dataset data;
    try {
        data = loadTable(kPaintedDataSet, options);
    } catch (const NeuriteError&) {
        return; // too few points, a class of one point, values all alike: refused by name
    }
    for (const SampleSet* set : {&data.train, &data.test}) {
        for (std::uint8_t label : set->labels)
            if (label >= data.classCount())
                fuzz::invariantBroken("a painted point's label is not below the class count");
        for (float value : set->values)
            if (!std::isfinite(value))
                fuzz::invariantBroken("a painted set holds a value that is not finite");
    }
    if (data.train.count() + data.test.count() != painted.points.size())
        fuzz::invariantBroken("the painted set lost or gained points");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const std::string path = fuzz::scratchPath("points.csv");
    static const std::string written = fuzz::scratchPath("points-written.csv");
    fuzz::writeScratch(path, data + 1, size - 1);
    PaintedPoints painted;
    try {
        painted = readPlanePointsCsv(path);
    } catch (const NeuriteError&) {
        return 0;
    }
    checkWellFormed(painted);
    checkRoundTrip(painted, written);
    checkLoadsAsTable(painted, data[0]);
    return 0;
}
