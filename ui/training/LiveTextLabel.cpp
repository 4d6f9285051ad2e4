// A line of text that changes many times a second, without a layout pass per change.
#include "training/LiveTextLabel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

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

// The whole text when it does not fit; worked out when asked, not on every one of many new texts.
bool LiveTextLabel::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    if (elided() != m_text)
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), m_text, this);
    else
        QToolTip::hideText();
    return true;
}

void LiveTextLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), Qt::AlignLeft | Qt::AlignVCenter, palette(), isEnabled(), elided(),
                          QPalette::WindowText);
}

// A new font changes the line's height: that one change does need the layout.
void LiveTextLabel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
}

} // namespace neurite::ui
