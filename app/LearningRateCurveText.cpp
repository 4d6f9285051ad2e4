// Draws a range test's curve with characters (see LearningRateCurveText.h).
#include "LearningRateCurveText.h"

#include "ConsoleFormat.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace neurite::cli {
namespace {

// The plot's frame: the log10 rates and losses its corners stand for.
struct PlotFrame {
    double left = 0, right = 1; // log10(rate)
    double bottom = 0, top = 1; // smoothed loss
    int width = 0, height = 0;

    int column(float rate) const
    {
        const double x = (std::log10(double(rate)) - left) / std::max(1e-12, right - left);
        return std::clamp(int(std::lround(x * (width - 1))), 0, width - 1);
    }
    // Row 0 is the top; losses above the frame give -1.
    int row(float loss) const
    {
        const double y = (double(loss) - bottom) / std::max(1e-12, top - bottom);
        return y > 1.0 ? -1 : std::clamp(int(std::lround((1.0 - y) * (height - 1))), 0, height - 1);
    }
};

PlotFrame frameOf(const std::vector<LearningRatePoint>& points, int width, int height)
{
    PlotFrame frame;
    frame.width = width;
    frame.height = height;
    frame.left = std::log10(double(points.front().learningRate));
    frame.right = std::log10(double(points.back().learningRate));
    double lowest = points.front().smoothedLoss;
    for (const LearningRatePoint& p : points)
        lowest = std::min(lowest, double(p.smoothedLoss));
    // The top: the highest smoothed loss before its minimum, so that the diverging end runs off the plot
    // rather than flattening the descent.
    const auto minimum = std::min_element(points.begin(), points.end(),
                                          [](const auto& a, const auto& b) { return a.smoothedLoss < b.smoothedLoss; });
    double top = lowest;
    for (auto p = points.begin(); p != minimum; ++p)
        top = std::max(top, double(p->smoothedLoss));
    frame.bottom = lowest;
    frame.top = std::max(top, lowest * 1.05 + 1e-6);
    return frame;
}

std::vector<std::string> drawnRows(const LearningRateFinderResult& result, const PlotFrame& frame)
{
    std::vector<std::string> rows(std::size_t(frame.height), std::string(std::size_t(frame.width), ' '));
    if (result.suggestion.found)
        for (std::string& row : rows)
            row[std::size_t(frame.column(result.suggestion.learningRate))] = '|';
    for (const LearningRatePoint& p : result.points) {
        const int row = frame.row(p.smoothedLoss);
        const std::size_t column = std::size_t(frame.column(p.learningRate));
        if (row < 0)
            rows.front()[column] = '^';
        else
            rows[std::size_t(row)][column] = '*';
    }
    return rows;
}

} // namespace

std::string learningRateCurvePlot(const LearningRateFinderResult& result, int width, int height)
{
    if (result.points.size() < 2)
        return "(too few steps to plot)\n";
    const PlotFrame frame = frameOf(result.points, width, height);
    const std::vector<std::string> rows = drawnRows(result, frame);
    const std::string topLabel = significant(frame.top, 3), bottomLabel = significant(frame.bottom, 3);
    const std::size_t labelWidth = std::max(topLabel.size(), bottomLabel.size()) + 1;
    std::ostringstream out;
    out << "smoothed loss\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string label = i == 0 ? topLabel : i + 1 == rows.size() ? bottomLabel : "";
        out << std::string(labelWidth - label.size(), ' ') << label << " \u2502" << rows[i] << "\n";
    }
    out << std::string(labelWidth + 1, ' ') << "\u2514" << std::string(std::size_t(width), '-') << "\n";
    const std::string leftRate = significant(result.points.front().learningRate, 2);
    const std::string rightRate = significant(result.points.back().learningRate, 2);
    const std::size_t gap = std::size_t(std::max(1, width - int(leftRate.size() + rightRate.size())));
    out << std::string(labelWidth + 2, ' ') << leftRate << std::string(gap, ' ') << rightRate
        << "  learning rate (log scale)";
    if (result.suggestion.found)
        out << ", | suggested";
    out << "\n";
    return out.str();
}

} // namespace neurite::cli
