// The decision plane's one-line legend.
#include "playground/PlaneLegend.h"

#include "playground/PlaneAxes.h"
#include "playground/PlaneColours.h"
#include "playground/PlanePoints.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kSpacing = 12;

// One dot and its text starting at `x`; returns where the next entry may start.
double paintEntry(QPainter& painter, double x, double centreY, double radius, QRgb fill, bool test, const QString& text,
                  const QColor& textColour)
{
    paintPlanePoint(painter, QPointF(x + radius + 1, centreY), radius, fill, test);
    x += 2 * radius + 6;
    const QFontMetrics metrics(painter.font());
    const double width = metrics.horizontalAdvance(text);
    painter.setPen(textColour);
    painter.drawText(QRectF(x, centreY - metrics.height() / 2.0, width + 2, metrics.height()), Qt::AlignVCenter, text);
    return x + width + kSpacing;
}

double entryWidth(const QFontMetrics& metrics, double radius, const QString& text)
{
    return 2 * radius + 6 + metrics.horizontalAdvance(text) + kSpacing;
}

// The diverging scale as a bar between its two ends' numbers.
void paintScale(QPainter& painter, const QRectF& area, double range, double right, const QColor& textColour)
{
    const QFontMetrics metrics(painter.font());
    const int decimals = std::max(0, 2 - int(std::floor(std::log10(range))));
    const QString low = tickText(-range, decimals);
    const QString high = tickText(range, decimals);
    const double centreY = area.center().y();
    double x = area.left();
    painter.setPen(textColour);
    const double lowWidth = metrics.horizontalAdvance(low);
    painter.drawText(QRectF(x, area.top(), lowWidth + 2, area.height()), Qt::AlignVCenter, low);
    x += lowWidth + 5;
    const double barWidth = std::clamp(right - x - metrics.horizontalAdvance(high) - 5, 30.0, 160.0);
    const QRectF bar(x, centreY - metrics.height() * 0.3, barWidth, metrics.height() * 0.6);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0, QColor::fromRgb(divergingColour(-1, 1)));
    gradient.setColorAt(0.5, QColor::fromRgb(divergingColour(0, 1)));
    gradient.setColorAt(1, QColor::fromRgb(divergingColour(1, 1)));
    painter.setPen(QPen(QColor(150, 150, 150), 1));
    painter.setBrush(gradient);
    painter.drawRect(bar);
    painter.setPen(textColour);
    painter.drawText(QRectF(bar.right() + 5, area.top(), metrics.horizontalAdvance(high) + 2, area.height()),
                     Qt::AlignVCenter, high);
}

} // namespace

int planeLegendHeight(const QFontMetrics& metrics)
{
    return metrics.height() + 10;
}

QString planeClassName(const QStringList& classNames, int index)
{
    if (index >= 0 && index < classNames.size() && !classNames[index].isEmpty())
        return classNames[index];
    return QString::number(index);
}

void paintPlaneLegend(QPainter& painter, const QRectF& area, const PlaneLegendContent& content, double pointRadius)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(painter.font());
    const QString testText = QCoreApplication::translate("PlaneLegend", "test");
    const double testWidth = content.showsTest ? entryWidth(metrics, pointRadius, testText) - kSpacing : 0;
    const double right = area.right() - testWidth - kSpacing;
    const double centreY = area.center().y();
    if (content.regression) {
        paintScale(painter, area, content.valueRange, right, content.text);
    } else {
        double x = area.left();
        for (int i = 0; i < content.classes; ++i) {
            const QString name = planeClassName(content.classNames, i);
            if (x + entryWidth(metrics, pointRadius, name) - kSpacing > right) {
                painter.setPen(content.text);
                painter.drawText(QRectF(x, area.top(), 20, area.height()), Qt::AlignVCenter, QStringLiteral("…"));
                break;
            }
            x = paintEntry(painter, x, centreY, pointRadius, classColour(i, content.classes), false, name,
                           content.text);
        }
    }
    if (content.showsTest)
        paintEntry(painter, area.right() - testWidth, centreY, pointRadius, qRgb(200, 200, 200), true, testText,
                   content.text);
    painter.restore();
}

} // namespace neurite::ui
