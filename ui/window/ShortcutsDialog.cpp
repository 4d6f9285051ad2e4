// Help > Keyboard Shortcuts: every action of the window that has a shortcut, read from the actions
// themselves so that the list cannot drift from what the keys do.
#include "window/ShortcutsDialog.h"

#include "window/ShortcutToolTips.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace neurite::ui {

QList<ShortcutEntry> shortcutEntries(const QWidget* root)
{
    QList<ShortcutEntry> entries;
    for (const QAction* action : root->findChildren<QAction*>()) {
        const QString keys = shortcutText(action);
        if (!keys.isEmpty())
            entries.append({plainActionText(action), keys});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const ShortcutEntry& a, const ShortcutEntry& b) { return a.action < b.action; });
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget* window) : QDialog(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    for (const ShortcutEntry& entry : shortcutEntries(window))
        m_list->addTopLevelItem(new QTreeWidgetItem({entry.action, entry.keys}));
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(460, 520);
}

} // namespace neurite::ui
