// The sweep plots' metric colours (see SweepMetricColour.h).
#include "sweep/SweepMetricColour.h"

#include <algorithm>

namespace neurite::ui {

QColor sweepMetricColour(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const QColor low(68, 1, 84), middle(33, 145, 140), high(214, 150, 0);
    const auto mix = [](const QColor& a, const QColor& b, double s) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * s),
                                float(a.greenF() + (b.greenF() - a.greenF()) * s),
                                float(a.blueF() + (b.blueF() - a.blueF()) * s));
    };
    return t < 0.5 ? mix(low, middle, t * 2) : mix(middle, high, (t - 0.5) * 2);
}

} // namespace neurite::ui
