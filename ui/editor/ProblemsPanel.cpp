// The Problems dock's content: the engine's validation issues, one row each; a click selects the layer.
#include "editor/ProblemsPanel.h"

#include "document/ProjectDocument.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {
constexpr int kLayerRole = Qt::UserRole + 1;
}

ProblemsPanel::ProblemsPanel(ProjectDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Layer"), tr("Problem")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformRowHeights(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
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
        item->setToolTip(1, QString::fromStdString(issue.message));
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
