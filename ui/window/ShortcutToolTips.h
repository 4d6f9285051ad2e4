// Tooltips that name an action's shortcut ("Redo (Ctrl+Shift+Z)"), kept up to date as the action changes.
#pragma once

#include <QString>

class QAction;
class QWidget;

namespace neurite::ui {

// The menu text without its mnemonic and trailing ellipsis: "Save &As…" -> "Save As".
QString plainActionText(const QAction* action);
// Every shortcut of an action in the platform's own spelling, "Ctrl+Shift+Z, Ctrl+Y"; empty without one.
QString shortcutText(const QAction* action);
// Gives each action under `root` that has a shortcut a tooltip naming it, and follows later changes of its
// text or shortcut (the undo action's text changes with every edit). Safe to call again for new actions.
void showShortcutsInToolTips(QWidget* root);

} // namespace neurite::ui
