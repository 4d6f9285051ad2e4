// The frame every small layer health chart shares (see HealthChart.h).
#include "health/HealthChart.h"

#include <QPainter>

#include <cmath>

namespace neurite::ui {

namespace {
constexpr double kTitleHeight = 16;
constexpr double kAxisWidth = 38;
} // namespace

HealthChart::HealthChart(const QString& title, QWidget* parent) : QWidget(parent), m_title(title)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HealthChart::setSeries(HealthSeries series)
{
    m_series = series;
    update();
}

void HealthChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::Antialiasing);
    QFont small = font();
    small.setPixelSize(11);
    painter.setFont(small);
    painter.setPen(palette().text().color());
    painter.drawText(QRectF(4, 0, width() - 8, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    const QRectF plot(kAxisWidth, kTitleHeight + 4, width() - kAxisWidth - 6, height() - kTitleHeight - 10);
    painter.setPen(QColor(0xc8, 0xcc, 0xd4));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    if (m_series.empty() || plot.width() < 10 || plot.height() < 10)
        return;
    QString top, bottom;
    painter.save();
    painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
    paintPlot(painter, plot, top, bottom);
    painter.restore();
    painter.setPen(palette().placeholderText().color());
    painter.drawText(QRectF(0, plot.top() - 2, kAxisWidth - 4, 14), Qt::AlignRight | Qt::AlignTop, top);
    painter.drawText(QRectF(0, plot.bottom() - 12, kAxisWidth - 4, 14), Qt::AlignRight | Qt::AlignBottom, bottom);
}

QString shortNumber(double value)
{
    if (value == 0 || !std::isfinite(value))
        return QString::number(value);
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e4 || magnitude < 1e-2)
        return QString::number(value, 'e', 0).replace(QLatin1String("e-0"), QLatin1String("e-"));
    return QString::number(value, 'g', 2);
}

} // namespace neurite::ui
