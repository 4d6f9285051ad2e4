// The palette dock's content: every layer type from the engine's registry, grouped, with a filter box.
#include "editor/LayerPalette.h"

#include "editor/GraphView.h"
#include "editor/NodeItem.h"

#include <neurite/LayerRegistry.h>

#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;

// A tree that starts a drag carrying the layer type name, for GraphView to drop.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    void startDrag(Qt::DropActions) override
    {
        QTreeWidgetItem* item = currentItem();
        if (!item || item->data(0, kTypeRole).toString().isEmpty())
            return;
        auto* mime = new QMimeData;
        mime->setData(GraphView::layerMimeType(), item->data(0, kTypeRole).toString().toUtf8());
        auto* drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->exec(Qt::CopyAction);
    }
};

QIcon categoryIcon(const QString& category)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(categoryColor(category));
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

} // namespace

LayerPalette::LayerPalette(QWidget* parent) : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter layers…"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new PaletteTree(this);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(10);
    m_tree->setAnimated(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    populate();
    connect(m_filter, &QLineEdit::textChanged, this, &LayerPalette::setFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, &LayerPalette::onItemActivated);
}

// Categories in the registry's order, so new kinds (convolution) appear without UI changes.
void LayerPalette::populate()
{
    QHash<QString, QTreeWidgetItem*> categories;
    for (const LayerTypeInfo& info : layerTypes()) {
        const QString category = QString::fromStdString(info.category);
        QTreeWidgetItem* group = categories.value(category);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, QStringList{category});
            QFont font = group->font(0);
            font.setBold(true);
            group->setFont(0, font);
            group->setFlags(Qt::ItemIsEnabled);
            group->setIcon(0, categoryIcon(category));
            categories.insert(category, group);
        }
        auto* item = new QTreeWidgetItem(group, QStringList{QString::fromStdString(info.name)});
        item->setData(0, kTypeRole, QString::fromStdString(info.name));
        item->setToolTip(0, QString::fromStdString(info.description) + tr("\n\nDrag onto the canvas or double-click."));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_tree->expandAll();
}

void LayerPalette::setFilter(const QString& text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* group = m_tree->topLevelItem(i);
        int visible = 0;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem* item = group->child(j);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                               group->text(0).contains(text, Qt::CaseInsensitive) ||
                               item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

void LayerPalette::onItemActivated(QTreeWidgetItem* item)
{
    const QString type = item->data(0, kTypeRole).toString();
    if (!type.isEmpty())
        Q_EMIT layerActivated(type);
}

} // namespace neurite::ui
