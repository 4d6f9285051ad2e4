// Draws one column's share of a table row's saliency (see ColumnShareBar.h).
#include "predict/ColumnShareBar.h"

#include "predict/SaliencyImage.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kTextWidth = 56; // room for "-0.0123" right of the bar

} // namespace

ColumnShareBar::ColumnShareBar(QWidget* parent) : QWidget(parent)
{
    setMinimumWidth(200);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ColumnShareBar::setShare(float value, float scale)
{
    m_value = value;
    m_scale = scale;
    update();
}

double ColumnShareBar::fraction() const
{
    return m_scale > 0 ? std::min(1.0, double(std::fabs(m_value)) / double(m_scale)) : 0.0;
}

QSize ColumnShareBar::sizeHint() const
{
    return {260, fontMetrics().height() + 4};
}

void ColumnShareBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(0, 2, -kTextWidth, -2);
    const int centre = area.center().x();
    const int length = int(std::lround(fraction() * double(area.width() / 2)));
    const QRect bar = m_value >= 0 ? QRect(centre, area.top(), length, area.height())
                                   : QRect(centre - length, area.top(), length, area.height());
    painter.fillRect(bar, m_value >= 0 ? kSaliencyUp : kSaliencyDown);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(centre, area.top() - 1, centre, area.bottom() + 1);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(area.right() + 4, 0, kTextWidth - 4, height()), Qt::AlignVCenter | Qt::AlignLeft,
                     QString::number(double(m_value), 'g', 3));
}

} // namespace neurite::ui
