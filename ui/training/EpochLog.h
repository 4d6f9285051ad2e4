// The Train tab's log of runs and epochs: follows the newest line unless the user scrolled up to read.
#pragma once

#include <QPlainTextEdit>

namespace neurite::ui {

// QPlainTextEdit follows appended text only while it is visible and shows its last line, and when shown
// again after lines came in hidden it scrolls to its text cursor, which stays wherever the user last
// clicked: after a tab switch it can stop at "Epoch 127" for good. This log follows whenever the user
// left it at the end (before a line arrives, before it was hidden or resized), and stays put only while
// they have scrolled up to read.
class EpochLog : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EpochLog(QWidget* parent = nullptr);

    void appendLine(const QString& line);
    // True when new lines will scroll into view (the user has not scrolled up).
    bool isFollowing() const;
    // True when the last line is inside the viewport.
    bool showsLastLine() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool atEnd() const;
    void scrollToEnd();

    // Whether the log was at its end when it was last hidden (nobody can scroll a hidden log).
    bool m_followWhileHidden = true;
    int m_hiddenAt = 0; // the scroll bar's value then
};

} // namespace neurite::ui
