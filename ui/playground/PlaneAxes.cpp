// Ticks, numbers and axis names around the decision plane.
#include "playground/PlaneAxes.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kTickLength = 4;
constexpr int kGap = 3;

int tickCountFor(double min, double max, double step)
{
    return int(std::floor(max / step + 1e-9) - std::ceil(min / step - 1e-9)) + 1;
}

// The smallest step of 1, 2 or 5 times a power of ten that gives at most maxCount ticks in [min, max].
double niceStep(double min, double max, int maxCount)
{
    double power = std::pow(10.0, std::floor(std::log10((max - min) / maxCount)));
    for (;; power *= 10)
        for (const double factor : {1.0, 2.0, 5.0})
            if (tickCountFor(min, max, factor * power) <= maxCount)
                return factor * power;
}

} // namespace

PlaneTicks planeTicks(double min, double max, int maxCount)
{
    PlaneTicks ticks;
    if (!(max > min) || !std::isfinite(min) || !std::isfinite(max))
        return ticks;
    const double step = niceStep(min, max, std::max(2, maxCount));
    const double tolerance = step * 1e-9;
    for (double k = std::ceil((min - tolerance) / step); k * step <= max + tolerance; ++k)
        ticks.values.push_back(k * step);
    ticks.decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    return ticks;
}

QString tickText(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.startsWith(u'-')) {
        const bool zero = text.count(u'0') + text.count(u'.') + 1 == text.size();
        text = zero ? text.mid(1) : QChar(0x2212) + text.mid(1);
    }
    return text;
}

QMargins planeAxesMargins(const QFontMetrics& metrics, const PlaneTicks& ticksX2)
{
    int widest = metrics.horizontalAdvance(QStringLiteral("0"));
    for (const double value : ticksX2.values)
        widest = std::max(widest, metrics.horizontalAdvance(tickText(value, ticksX2.decimals)));
    const int left = kTickLength + kGap + widest + 2 * kGap + metrics.height();
    const int bottom = kTickLength + kGap + metrics.height() + kGap + metrics.height();
    const int right = metrics.horizontalAdvance(QStringLiteral("\u22128.8")) / 2 + kGap;
    return {left, 0, right, bottom};
}

void paintPlaneAxes(QPainter& painter, const PlaneFrame& frame, const PlaneTicks& ticksX1, const PlaneTicks& ticksX2,
                    const QString& x1Name, const QString& x2Name, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor lines = text;
    lines.setAlphaF(0.65f);
    const QRectF plot = frame.plot;
    const QFontMetrics metrics(painter.font());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(lines, 1));
    // A frame just outside the plot's pixels, so that it never covers the plane.
    const QRect inside = plot.toRect();
    painter.drawRect(QRect(inside.left() - 1, inside.top() - 1, inside.width() + 1, inside.height() + 1));
    const double numberTop = plot.bottom() + kTickLength + kGap;
    for (const double value : ticksX1.values) {
        const double x = std::round(frame.toWidget(value, 0).x());
        painter.drawLine(QPointF(x, plot.bottom() + 1), QPointF(x, plot.bottom() + kTickLength));
        const QString text = tickText(value, ticksX1.decimals);
        const double width = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x - width / 2 - 2, numberTop, width + 4, metrics.height()), Qt::AlignCenter, text);
    }
    const double numberRight = plot.left() - kTickLength - kGap;
    double widest = 0;
    for (const double value : ticksX2.values) {
        const double y = std::round(frame.toWidget(0, value).y());
        painter.drawLine(QPointF(plot.left() - kTickLength, y), QPointF(plot.left() - 1, y));
        const QString text = tickText(value, ticksX2.decimals);
        widest = std::max<double>(widest, metrics.horizontalAdvance(text));
        painter.drawText(QRectF(numberRight - 200, y - metrics.height() / 2.0, 200, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, text);
    }
    painter.setPen(text);
    const double nameTop = numberTop + metrics.height() + kGap;
    painter.drawText(QRectF(plot.left(), nameTop, plot.width(), metrics.height()), Qt::AlignCenter, x1Name);
    // The left axis's name reads upwards, beside the numbers.
    painter.translate(numberRight - widest - 2 * kGap - metrics.height() / 2.0, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -metrics.height() / 2.0, plot.height(), metrics.height()),
                     Qt::AlignCenter, x2Name);
    painter.restore();
}

} // namespace neurite::ui
