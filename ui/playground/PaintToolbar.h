// The tools for painting a two-dimensional data set: a Paint toggle, Undo, the class picker, what the
// mouse buttons do, and Clear, Save points… and Open points…, which ask the window to act.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;
class QPushButton;

namespace neurite::ui {

class PlaneClassPicker;

class PaintToolbar : public QWidget {
    Q_OBJECT
public:
    explicit PaintToolbar(QWidget* parent = nullptr);

    PlaneClassPicker* picker() const { return m_picker; }
    bool isPainting() const;
    // Checks or unchecks Paint; emits paintToggled when it changes.
    void setPainting(bool painting);

    QToolButton* paintButton() const { return m_paint; }
    QToolButton* undoButton() const { return m_undo; }
    // Follows the plane's undoAvailable.
    void setUndoEnabled(bool enabled);
    QPushButton* clearButton() const { return m_clear; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* openButton() const { return m_open; }

Q_SIGNALS:
    void paintToggled(bool painting);
    void undoRequested();
    void clearRequested();
    void saveRequested();
    void openRequested();

private:
    PlaneClassPicker* m_picker = nullptr;
    QToolButton* m_paint = nullptr;
    QToolButton* m_undo = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_open = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace neurite::ui
