// Help > Keyboard Shortcuts: every action of the window that has a shortcut, read from the actions
// themselves so that the list cannot drift from what the keys do.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

namespace neurite::ui {

struct ShortcutEntry {
    QString action; // "Redo"
    QString keys;   // "Ctrl+Shift+Z, Ctrl+Y"
};

// The actions under `root` that have a shortcut, in the order of their first shortcut's text.
QList<ShortcutEntry> shortcutEntries(const QWidget* root);

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window);

    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list;
};

} // namespace neurite::ui
