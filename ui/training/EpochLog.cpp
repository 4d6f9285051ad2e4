// The Train tab's log of runs and epochs: follows the newest line unless the user scrolled up to read.
#include "training/EpochLog.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>

namespace neurite::ui {

EpochLog::EpochLog(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(5000);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("One line per epoch appears here."));
}

bool EpochLog::atEnd() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

bool EpochLog::isFollowing() const
{
    return isVisible() ? atEnd() : m_followWhileHidden;
}

void EpochLog::scrollToEnd()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

// Whether to follow is read before the line goes in: the line itself moves the end away.
void EpochLog::appendLine(const QString& line)
{
    const bool follow = isFollowing();
    appendPlainText(line);
    if (follow)
        scrollToEnd();
}

void EpochLog::hideEvent(QHideEvent* event)
{
    m_followWhileHidden = atEnd();
    m_hiddenAt = verticalScrollBar()->value();
    QPlainTextEdit::hideEvent(event);
}

// The base class scrolls its text cursor into view here: a follower goes back to the end, a reader to
// the line they were reading.
void EpochLog::showEvent(QShowEvent* event)
{
    QPlainTextEdit::showEvent(event);
    if (m_followWhileHidden)
        scrollToEnd();
    else
        verticalScrollBar()->setValue(m_hiddenAt);
}

void EpochLog::resizeEvent(QResizeEvent* event)
{
    const bool follow = isFollowing();
    QPlainTextEdit::resizeEvent(event);
    if (follow)
        scrollToEnd();
}

bool EpochLog::showsLastLine() const
{
    const QRectF box = blockBoundingGeometry(document()->lastBlock()).translated(contentOffset());
    return box.top() >= 0 && box.bottom() <= viewport()->height() + 0.5;
}

} // namespace neurite::ui
