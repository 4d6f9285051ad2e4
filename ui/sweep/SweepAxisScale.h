// Where a swept value or a metric sits along a plot's axis: numbers on a linear or logarithmic scale, other
// values (optimiser names, schedules) as evenly spaced categories in the order the sweep gave them.
#pragma once

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace neurite::ui {

class SweepAxisScale {
public:
    // A scale for these values (repeats allowed). Numeric when every value reads as a number; logarithmic
    // when they are all positive and the largest is at least ten times the smallest (learning rates, weight
    // decays), since a linear axis would crowd every value but the largest at the bottom.
    static SweepAxisScale ofValues(const std::vector<std::string>& values);
    // A linear numeric scale from `low` to `high` (the metric's axis); equal ends are widened a little.
    static SweepAxisScale linear(double low, double high);

    bool isNumeric() const { return m_numeric; }
    bool isLogarithmic() const { return m_logarithmic; }
    // 0 at the low end, 1 at the high end; a category's place among the categories (0.5 for a single one).
    // -1 for a value the scale does not know (a category it was not given, text on a numeric axis).
    double position(const std::string& value) const;
    double positionOfNumber(double value) const;
    // The labels along the axis with their positions: every category, or the numbers the values take (at
    // most about eight, so that labels do not overlap).
    std::vector<std::pair<double, QString>> ticks() const;

private:
    bool m_numeric = true;
    bool m_logarithmic = false;
    double m_low = 0;
    double m_high = 1;
    std::vector<std::string> m_categories;
    std::vector<double> m_numbers; // the distinct values given, ascending (numeric scales)
};

// The value `text` holds as a number, or false when it is not one ("adam", "", "1e-3x").
bool sweepValueNumber(const std::string& text, double& number);

} // namespace neurite::ui
