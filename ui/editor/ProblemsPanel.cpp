// The Problems dock's content: the engine's validation issues, one row each; a click selects the layer.
#include "editor/ProblemsPanel.h"

#include "document/ProjectDocument.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace neurite::ui {

namespace {
constexpr int kLayerRole = Qt::UserRole + 1;

// QTreeView asks a delegate for a row's height without telling it the column's width, so long messages
// stay one line and are cut at the edge. This one wraps the message column at its current width.
class WrappingDelegate : public QStyledItemDelegate {
public:
    WrappingDelegate(QTreeView* view, int column) : QStyledItemDelegate(view), m_view(view), m_column(column) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QSize one = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() != m_column)
            return one;
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const int margin = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &item, m_view) + 1);
        const int width = std::max(40, m_view->header()->sectionSize(m_column) - margin);
        const QRect text = item.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, item.text);
        return {one.width(), std::max(one.height(), text.height() + one.height() - item.fontMetrics.height())};
    }

private:
    QTreeView* m_view;
    int m_column;
};

// Rich text, so that Qt wraps a long message in the tooltip instead of one line wider than the screen.
QString wrappedToolTip(const QString& text)
{
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}
} // namespace

ProblemsPanel::ProblemsPanel(ProjectDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Layer"), tr("Problem")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformRowHeights(false);
    m_list->setItemDelegate(new WrappingDelegate(m_list, 1));
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    // Rows wrap at the column's width: when the dock or the column is resized, their heights follow.
    connect(m_list->header(), &QHeaderView::sectionResized, m_list, [this] { m_list->doItemsLayout(); });
    connect(document, &ProjectDocument::validationChanged, this, &ProblemsPanel::refresh);
    connect(m_list, &QTreeWidget::itemClicked, this, &ProblemsPanel::onItemClicked);
    refresh();
}

void ProblemsPanel::refresh()
{
    m_list->clear();
    QStyle* style = QApplication::style();
    int errors = 0;
    int warnings = 0;
    for (const ValidationIssue& issue : m_document->validation().issues) {
        const bool error = issue.severity == ValidationIssue::Severity::Error;
        (error ? errors : warnings) += 1;
        const QString layer = QString::fromStdString(issue.layerId);
        auto* item = new QTreeWidgetItem(m_list, {layer.isEmpty() ? tr("(design)") : layer,
                                                  QString::fromStdString(issue.message)});
        item->setIcon(0, style->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setData(0, kLayerRole, layer);
        item->setToolTip(0, wrappedToolTip(QString::fromStdString(issue.message)));
        item->setToolTip(1, wrappedToolTip(QString::fromStdString(issue.message)));
    }
    if (errors + warnings == 0) {
        auto* item = new QTreeWidgetItem(m_list, {QString(), tr("No problems: the design is ready to train.")});
        item->setIcon(0, style->standardIcon(QStyle::SP_DialogApplyButton));
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_count = errors + warnings;
    Q_EMIT countChanged(errors, warnings);
}

void ProblemsPanel::onItemClicked(QTreeWidgetItem* item)
{
    const QString layer = item->data(0, kLayerRole).toString();
    if (!layer.isEmpty())
        Q_EMIT layerClicked(layer);
}

} // namespace neurite::ui
