#include "predict/ActivationColours.h"

#include <algorithm>

namespace neurite::ui {
namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

QColor activationDivergingColour(double v)
{
    v = std::clamp(v, -1.0, 1.0);
    return v < 0 ? mix(Qt::white, QColor(33, 102, 172), -v) : mix(Qt::white, QColor(178, 24, 43), v);
}

QColor activationHeatColour(double t)
{
    static const QColor stops[] = {QColor(24, 22, 36), QColor(118, 42, 120), QColor(236, 108, 44),
                                   QColor(252, 236, 150)};
    t = std::clamp(t, 0.0, 1.0) * 3;
    const int i = std::min(2, int(t));
    return mix(stops[i], stops[i + 1], t - i);
}

} // namespace neurite::ui
