// The points of a two-dimensional data set in plane coordinates, and the part of the plane that shows them.
#include "neurite/Error.h"
#include "neurite/PlaneData.h"
#include "neurite/PlaneView.h"

#include <algorithm>
#include <cmath>

namespace neurite {

namespace {

// Each side of the data's range gets this share of the range as a margin, so no point sits on the border.
constexpr double kMargin = 0.05;
// Ranges within this factor of each other are shown at the same scale on both axes (a square in data units).
constexpr double kSquareRatio = 2;
// How far a decoded point may pass the generated sets' frame and still count as inside: the float rounding
// of the standardisation.
constexpr double kFrameTolerance = 1e-4;

void appendSamples(const SampleSet& set, bool test, const PlaneInputs& inputs, std::vector<PlaneSample>& samples)
{
    if (set.count() == 0)
        return;
    if (set.kind != SampleKind::TableRow || set.valuesPerSample() != inputs.width())
        throw NeuriteError("The data set's samples have " + std::to_string(set.valuesPerSample()) +
                           " values each, but its plane inputs (" + inputs.x1Name() + ", " + inputs.x2Name() +
                           " and their features) are " + std::to_string(inputs.width()));
    for (std::size_t i = 0; i < set.count(); ++i) {
        PlaneSample sample;
        inputs.decode(set.row(i), sample.x1, sample.x2);
        if (!set.labels.empty())
            sample.label = set.labels[i];
        if (!set.targets.empty())
            sample.value = inputs.targetValue(set.targets[i]);
        sample.test = test;
        samples.push_back(sample);
    }
}

struct Extent {
    double x1Min = INFINITY, x1Max = -INFINITY, x2Min = INFINITY, x2Max = -INFINITY;
};

Extent extentOf(const std::vector<PlaneSample>& samples)
{
    Extent e;
    for (const PlaneSample& s : samples) {
        e.x1Min = std::min(e.x1Min, s.x1);
        e.x1Max = std::max(e.x1Max, s.x1);
        e.x2Min = std::min(e.x2Min, s.x2);
        e.x2Max = std::max(e.x2Max, s.x2);
    }
    return e;
}

// Generated and painted sets live in Playground's [-6, 6]² and are shown in it, so that views of different
// sets and seeds line up. A table that merely names its columns x1 and x2 but fills a small part of that
// square (less than half its width on both axes) is shown at its own scale instead.
bool inPlaygroundFrame(const Dataset& data, const PlaneInputs& inputs, const Extent& e)
{
    const double limit = kPlaneExtent + kFrameTolerance;
    if (e.x1Min < -limit || e.x1Max > limit || e.x2Min < -limit || e.x2Max > limit)
        return false;
    if (isPlaneDataSet(data.name))
        return true;
    const bool playgroundNames = inputs.x1Name() == "x1" && inputs.x2Name() == "x2";
    return playgroundNames && std::max(e.x1Max - e.x1Min, e.x2Max - e.x2Min) >= kPlaneExtent;
}

// [centre - width / 2, centre + width / 2] widened by the margin.
void setAxis(double low, double high, double width, double& min, double& max)
{
    const double centre = (low + high) / 2;
    min = centre - width * (0.5 + kMargin);
    max = centre + width * (0.5 + kMargin);
}

} // namespace

std::vector<PlaneSample> planeSamples(const Dataset& data, const PlaneInputs& inputs)
{
    std::vector<PlaneSample> samples;
    samples.reserve(data.train.count() + data.validation.count() + data.test.count());
    // A validation part given with the data is not held out for testing: it is shown with the training points.
    appendSamples(data.train, false, inputs, samples);
    appendSamples(data.validation, false, inputs, samples);
    appendSamples(data.test, true, inputs, samples);
    return samples;
}

PlaneBounds planeBounds(const Dataset& data, const PlaneInputs& inputs)
{
    const std::vector<PlaneSample> samples = planeSamples(data, inputs);
    if (samples.empty())
        return {};
    const Extent e = extentOf(samples);
    if (inPlaygroundFrame(data, inputs, e))
        return {};
    double width1 = e.x1Max - e.x1Min, width2 = e.x2Max - e.x2Min;
    // A range of one value (all points on a line, or one point) borrows the other's width, or one unit.
    if (width1 <= 0)
        width1 = width2 > 0 ? width2 : 1;
    if (width2 <= 0)
        width2 = width1;
    if (std::max(width1, width2) <= kSquareRatio * std::min(width1, width2))
        width1 = width2 = std::max(width1, width2);
    PlaneBounds bounds;
    setAxis(e.x1Min, e.x1Max, width1, bounds.x1Min, bounds.x1Max);
    setAxis(e.x2Min, e.x2Max, width2, bounds.x2Min, bounds.x2Max);
    return bounds;
}

} // namespace neurite
