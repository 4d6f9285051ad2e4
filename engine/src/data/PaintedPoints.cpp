// The user's own points: their class names and the checks that a set of them can be saved and trained on.
#include "neurite/PaintedPoints.h"

#include "data/TableCells.h"
#include "data/TextChecks.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace neurite {

namespace {

std::string pointName(std::size_t index)
{
    return "point " + std::to_string(index + 1);
}

// A name the table reads back as it was: not empty, not a missing-value marker ("NA", "?"), without spaces
// around it (CSV readers trim them) or control characters, valid UTF-8 and short enough to show.
void checkClassName(const std::string& name, int index)
{
    const std::string which = "the name of class " + std::to_string(index + 1);
    std::string problem;
    if (name.empty())
        problem = "is empty";
    else if (name.size() > kMaxClassNameBytes)
        problem = "is longer than " + std::to_string(kMaxClassNameBytes) + " bytes";
    else if (checkText(name) != TextProblem::None)
        problem = "is not UTF-8 text";
    else if (std::any_of(name.begin(), name.end(), [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; }))
        problem = "holds a control character";
    else if (name.front() == ' ' || name.back() == ' ')
        problem = "begins or ends with a space";
    else if (isMissingCell(name))
        problem = "reads as a missing value";
    if (!problem.empty())
        throw NeuriteError(which + " ('" + (problem == "is not UTF-8 text" ? std::string("?") : name) + "') " +
                           problem);
}

void checkClassNames(const std::vector<std::string>& classes)
{
    if (classes.size() > std::size_t(kMaxPaintedClasses))
        throw NeuriteError("the points have " + std::to_string(classes.size()) + " class names; at most " +
                           std::to_string(kMaxPaintedClasses) + " classes can be painted");
    for (std::size_t i = 0; i < classes.size(); ++i) {
        checkClassName(classes[i], int(i));
        for (std::size_t j = 0; j < i; ++j)
            if (classes[j] == classes[i])
                throw NeuriteError("classes " + std::to_string(j + 1) + " and " + std::to_string(i + 1) +
                                   " are both named '" + classes[i] + "'");
    }
}

} // namespace

std::string paintedClassName(int index)
{
    return "class " + std::to_string(index + 1);
}

std::vector<std::string> paintedClassNames(const PaintedPoints& painted)
{
    int count = int(painted.classes.size());
    if (!painted.regression)
        for (const PlanePoint& point : painted.points)
            if (point.target >= 0 && point.target < kMaxPaintedClasses)
                count = std::max(count, int(point.target) + 1);
    std::vector<std::string> names(painted.classes);
    for (int i = int(names.size()); i < count; ++i)
        names.push_back(paintedClassName(i));
    return names;
}

void checkPaintedPoints(const PaintedPoints& painted)
{
    if (painted.points.size() > kMaxPaintedPoints)
        throw NeuriteError("there are " + std::to_string(painted.points.size()) + " points; at most " +
                           std::to_string(kMaxPaintedPoints) + " can be painted or read");
    checkClassNames(painted.classes);
    for (std::size_t i = 0; i < painted.points.size(); ++i) {
        const PlanePoint& point = painted.points[i];
        if (!std::isfinite(point.x1) || !std::isfinite(point.x2))
            throw NeuriteError(pointName(i) + " is not on the plane: its coordinates must be finite numbers");
        if (painted.regression
                ? !std::isfinite(point.target)
                : !(point.target >= 0 && point.target < kMaxPaintedClasses && point.target == std::floor(point.target)))
            throw NeuriteError(pointName(i) + (painted.regression ? "'s value must be a finite number"
                                                                  : "'s class must be a class index from 0 to 7"));
    }
    if (!painted.regression) {
        // A name given for a class index must not repeat a default name of another ("class 2" twice).
        checkClassNames(paintedClassNames(painted));
    }
}

void checkPaintedPointsTrainable(const PaintedPoints& painted)
{
    checkPaintedPoints(painted);
    const std::size_t n = painted.points.size();
    if (n < kMinPaintedPoints)
        throw NeuriteError("there " + std::string(n == 1 ? "is " : "are ") + std::to_string(n) + " point" +
                           (n == 1 ? "" : "s") + ": paint at least " + std::to_string(kMinPaintedPoints) +
                           " points, so that some can be held out for testing");
    if (painted.regression) {
        const double first = painted.points.front().target;
        if (std::all_of(painted.points.begin(), painted.points.end(),
                        [first](const PlanePoint& p) { return p.target == first; }))
            throw NeuriteError("every point has the value " + numberText(first) +
                               ": paint points of different values, so that there is something to learn");
        return;
    }
    std::map<int, std::size_t> counts;
    for (const PlanePoint& point : painted.points)
        ++counts[int(point.target)];
    const std::vector<std::string> names = paintedClassNames(painted);
    if (counts.size() < 2)
        throw NeuriteError("every point is of " + names[std::size_t(counts.begin()->first)] +
                           ": paint points of at least two classes");
    for (const auto& [index, count] : counts)
        if (count == 1)
            throw NeuriteError(names[std::size_t(index)] +
                               " has a single point: paint at least two of each class, so that one can be "
                               "held out for testing (or erase it)");
}

} // namespace neurite
