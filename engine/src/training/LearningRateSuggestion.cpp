// Reads a learning rate off a range test's curve: the steepest descent before the minimum.
#include "neurite/LearningRateSuggestion.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace neurite {

namespace {

// The slope of the smoothed loss against log10(rate) at point i: the difference `reach` points either side
// (numpy.gradient's central difference for reach 1), one-sided at the ends of [begin, end).
double slopeAt(const std::vector<LearningRatePoint>& points, int i, int begin, int end, int reach)
{
    const int lo = std::max(begin, i - reach);
    const int hi = std::min(end - 1, i + reach);
    const double dx = std::log10(double(points[std::size_t(hi)].learningRate)) -
                      std::log10(double(points[std::size_t(lo)].learningRate));
    if (dx <= 0)
        return 0;
    return (double(points[std::size_t(hi)].smoothedLoss) - double(points[std::size_t(lo)].smoothedLoss)) / dx;
}

LearningRateSuggestion none(const std::string& why)
{
    LearningRateSuggestion suggestion;
    suggestion.reason = why;
    return suggestion;
}

std::string rateText(float rate)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2g", double(rate)); // as the command line and the dialog show it
    return text;
}

} // namespace

int suggestionSkippedPoints(int pointCount)
{
    return std::clamp(pointCount / 10, 1, 50);
}

int suggestionSlopeReach(int pointCount)
{
    return std::max(1, pointCount / 20);
}

LearningRateSuggestion suggestLearningRate(const std::vector<LearningRatePoint>& points)
{
    const int count = int(points.size());
    const int skip = suggestionSkippedPoints(count);
    if (count - skip < 5)
        return none("Too few steps to read a curve: the sweep stopped after " + std::to_string(count) +
                    " steps. Lower the maximum learning rate or use more steps.");
    // The minimum of the smoothed loss after the noisy start: the descent, if any, ends there.
    int minimum = skip;
    for (int i = skip; i < count; ++i)
        if (points[std::size_t(i)].smoothedLoss < points[std::size_t(minimum)].smoothedLoss)
            minimum = i;
    const double start = points[std::size_t(skip)].smoothedLoss;
    const double lowest = points[std::size_t(minimum)].smoothedLoss;
    if (minimum < skip + 2 || !(lowest <= start * (1.0 - double(kMinimumDescent))))
        return none("The loss does not fall anywhere in the range: no learning rate from " +
                    rateText(points.front().learningRate) + " to " + rateText(points.back().learningRate) +
                    " makes it learn faster. Try a wider range, or check the data and the design.");
    // The steepest descent among the points up to the minimum (the minimum itself is where the slope ends).
    const int end = minimum + 1;
    const int reach = suggestionSlopeReach(count);
    int steepest = skip;
    double steepestSlope = slopeAt(points, skip, skip, end, reach);
    for (int i = skip + 1; i < end; ++i) {
        const double slope = slopeAt(points, i, skip, end, reach);
        if (slope < steepestSlope) {
            steepestSlope = slope;
            steepest = i;
        }
    }
    LearningRateSuggestion suggestion;
    suggestion.found = true;
    suggestion.index = steepest;
    suggestion.learningRate = points[std::size_t(steepest)].learningRate;
    suggestion.reason = "The smoothed loss falls fastest at " + rateText(suggestion.learningRate) +
                        " (its lowest point is at " + rateText(points[std::size_t(minimum)].learningRate) + ").";
    return suggestion;
}

} // namespace neurite
