// A line of text that changes many times a second, without a layout pass per change.
#include "training/LiveTextLabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace neurite::ui {

namespace {
constexpr int kMargin = 2;          // pixels above and below the line
constexpr int kHintCharacters = 24; // the width hinted without a minimum width
} // namespace

LiveTextLabel::LiveTextLabel(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void LiveTextLabel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleName(text);
    updateToolTip();
    update();
}

QSize LiveTextLabel::sizeHint() const
{
    const int width = std::max(minimumWidth(), fontMetrics().averageCharWidth() * kHintCharacters);
    return {width, fontMetrics().height() + 2 * kMargin};
}

QSize LiveTextLabel::minimumSizeHint() const
{
    return {minimumWidth(), fontMetrics().height() + 2 * kMargin};
}

QString LiveTextLabel::elided() const
{
    return fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width());
}

void LiveTextLabel::updateToolTip()
{
    setToolTip(elided() == m_text ? QString() : m_text);
}

void LiveTextLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), Qt::AlignLeft | Qt::AlignVCenter, palette(), isEnabled(), elided(),
                          QPalette::WindowText);
}

void LiveTextLabel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateToolTip();
}

// A new font changes the line's height: that one change does need the layout.
void LiveTextLabel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        updateToolTip();
    }
}

} // namespace neurite::ui
