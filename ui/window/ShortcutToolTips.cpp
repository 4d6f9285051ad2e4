// Tooltips that name an action's shortcut ("Redo (Ctrl+Shift+Z)"), kept up to date as the action changes.
#include "window/ShortcutToolTips.h"

#include <QAction>
#include <QStringList>
#include <QWidget>

namespace neurite::ui {

namespace {
const char* const kFollowed = "neuriteShortcutToolTip";

void updateToolTip(QAction* action)
{
    const QString keys = shortcutText(action);
    if (keys.isEmpty())
        return;
    const QString tip = QStringLiteral("%1 (%2)").arg(plainActionText(action), keys);
    if (action->toolTip() != tip)
        action->setToolTip(tip); // emits changed() once more; the comparison above ends it there
}
} // namespace

QString plainActionText(const QAction* action)
{
    QString text = action->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    return text.trimmed();
}

QString shortcutText(const QAction* action)
{
    QStringList keys;
    for (const QKeySequence& key : action->shortcuts())
        if (!key.isEmpty())
            keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

void showShortcutsInToolTips(QWidget* root)
{
    for (QAction* action : root->findChildren<QAction*>()) {
        if (action->property(kFollowed).toBool())
            continue;
        action->setProperty(kFollowed, true);
        QObject::connect(action, &QAction::changed, action, [action] { updateToolTip(action); });
        updateToolTip(action);
    }
}

} // namespace neurite::ui
