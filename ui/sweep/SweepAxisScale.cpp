// Positions along a sweep plot's axis (see SweepAxisScale.h).
#include "sweep/SweepAxisScale.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace neurite::ui {

namespace {

constexpr std::size_t kMaxNumericTicks = 8;

QString numberLabel(double value)
{
    return QString::number(value, 'g', 4);
}

} // namespace

bool sweepValueNumber(const std::string& text, double& number)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    number = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(number);
}

SweepAxisScale SweepAxisScale::ofValues(const std::vector<std::string>& values)
{
    SweepAxisScale scale;
    for (const std::string& value : values) {
        double number = 0;
        if (!sweepValueNumber(value, number))
            scale.m_numeric = false;
        else
            scale.m_numbers.push_back(number);
        if (std::find(scale.m_categories.begin(), scale.m_categories.end(), value) == scale.m_categories.end())
            scale.m_categories.push_back(value);
    }
    if (!scale.m_numeric || scale.m_numbers.empty()) {
        scale.m_numeric = false;
        scale.m_numbers.clear();
        return scale;
    }
    scale.m_categories.clear();
    std::sort(scale.m_numbers.begin(), scale.m_numbers.end());
    scale.m_numbers.erase(std::unique(scale.m_numbers.begin(), scale.m_numbers.end()), scale.m_numbers.end());
    scale.m_low = scale.m_numbers.front();
    scale.m_high = scale.m_numbers.back();
    scale.m_logarithmic = scale.m_low > 0 && scale.m_high >= 10 * scale.m_low;
    return scale;
}

SweepAxisScale SweepAxisScale::linear(double low, double high)
{
    SweepAxisScale scale;
    if (!(high > low)) { // one value (or none yet): a small band around it
        const double pad = std::isfinite(low) && low != 0 ? std::abs(low) * 0.05 : 0.5;
        low = std::isfinite(low) ? low - pad : 0;
        high = low + 2 * pad;
    }
    scale.m_low = low;
    scale.m_high = high;
    constexpr int kSteps = 4; // five labels: the ends, the middle and the quarters
    for (int i = 0; i <= kSteps; ++i)
        scale.m_numbers.push_back(low + (high - low) * i / kSteps);
    return scale;
}

double SweepAxisScale::position(const std::string& value) const
{
    if (!m_numeric) {
        const auto found = std::find(m_categories.begin(), m_categories.end(), value);
        if (found == m_categories.end())
            return -1;
        if (m_categories.size() == 1)
            return 0.5;
        return double(found - m_categories.begin()) / double(m_categories.size() - 1);
    }
    double number = 0;
    return sweepValueNumber(value, number) ? positionOfNumber(number) : -1;
}

double SweepAxisScale::positionOfNumber(double value) const
{
    if (!m_numeric || !std::isfinite(value))
        return -1;
    if (m_high == m_low)
        return 0.5; // every run swept the same number
    if (m_logarithmic)
        return (std::log(value) - std::log(m_low)) / (std::log(m_high) - std::log(m_low));
    return (value - m_low) / (m_high - m_low);
}

std::vector<std::pair<double, QString>> SweepAxisScale::ticks() const
{
    std::vector<std::pair<double, QString>> ticks;
    if (!m_numeric) {
        for (const std::string& category : m_categories)
            ticks.emplace_back(position(category), QString::fromStdString(category));
        return ticks;
    }
    // Every value up to kMaxNumericTicks of them, else evenly picked ones (the ends always).
    const std::size_t count = m_numbers.size();
    const std::size_t shown = std::min(count, kMaxNumericTicks);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::size_t at = shown == 1 ? 0 : i * (count - 1) / (shown - 1);
        ticks.emplace_back(positionOfNumber(m_numbers[at]), numberLabel(m_numbers[at]));
    }
    return ticks;
}

} // namespace neurite::ui
