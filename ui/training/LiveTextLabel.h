// A line of text that changes many times a second: a run's speed, the plane's caption.
#pragma once

#include <QWidget>

namespace neurite::ui {

// Drawn elided in the width its layout gives it (the whole text in the tool tip when it does not fit). A
// QLabel asks for its layout to be redone on every new text; the request climbs every layout up to the
// window's tabs, which then repaint the whole window: during a fast run that was hundreds of full repaints.
// This widget's size hint does not depend on its text, so a new text only repaints the widget itself.
class LiveTextLabel : public QWidget {
    Q_OBJECT
public:
    explicit LiveTextLabel(QWidget* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    void clear() { setText(QString()); }

    // One line of the font; the minimum width (setMinimumWidth), or a short phrase's.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString elided() const;

    QString m_text;
};

} // namespace neurite::ui
