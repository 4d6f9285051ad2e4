// The network's answer at a point of the plane, from the decision plane's grid.
#include "playground/PlaneAnswer.h"

#include "playground/PlaneLegend.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace neurite::ui {

namespace {
constexpr int kClassesShown = 4;
} // namespace

int planeCellAt(const PlaneGrid& grid, double x1, double x2)
{
    const PlaneBounds& b = grid.bounds;
    const int n = grid.resolution;
    if (n <= 0 || grid.output.size() != std::size_t(n) * n * std::max(grid.outputs, 0))
        return -1;
    if (!(x1 >= b.x1Min && x1 <= b.x1Max && x2 >= b.x2Min && x2 <= b.x2Max))
        return -1;
    const int col = std::min(n - 1, int(std::floor((x1 - b.x1Min) / (b.x1Max - b.x1Min) * n)));
    const int row = std::min(n - 1, int(std::floor((b.x2Max - x2) / (b.x2Max - b.x2Min) * n)));
    return row * n + col;
}

QString planeAnswerText(const PlaneGrid& grid, double x1, double x2, const QStringList& classNames)
{
    const int cell = planeCellAt(grid, x1, x2);
    if (cell < 0 || grid.outputs <= 0)
        return {};
    const float* values = grid.output.data() + std::size_t(cell) * grid.outputs;
    if (grid.regression)
        return QCoreApplication::translate("PlaneAnswer", "value %1").arg(double(values[0]), 0, 'g', 4);
    std::vector<int> order(std::size_t(grid.outputs));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [values](int a, int b) { return values[a] > values[b]; });
    QStringList lines;
    for (std::size_t i = 0; i < order.size() && i < std::size_t(kClassesShown); ++i)
        lines << QStringLiteral("%1: %2%")
                     .arg(planeClassName(classNames, order[i]))
                     .arg(100.0 * double(values[order[i]]), 0, 'f', 1);
    return lines.join(u'\n');
}

} // namespace neurite::ui
