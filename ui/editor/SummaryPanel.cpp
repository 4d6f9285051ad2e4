// The summary dock's content: per-layer output shape, parameters and multiply-adds, with totals (like Keras).
#include "editor/SummaryPanel.h"

#include "document/ProjectDocument.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {
constexpr int kLayerRole = Qt::UserRole + 1;
constexpr double kBytesPerWeight = 4; // float32
} // namespace

QString formatBytes(double bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return QObject::tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QObject::tr("%1 KiB").arg(locale.toString(bytes / 1024, 'f', 1));
    return QObject::tr("%1 MiB").arg(locale.toString(bytes / (1024 * 1024), 'f', 2));
}

SummaryPanel::SummaryPanel(ProjectDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_table = new QTreeWidget(this);
    m_table->setColumnCount(5);
    m_table->setHeaderLabels({tr("Layer"), tr("Type"), tr("Output shape"), tr("Parameters"), tr("Mult-adds")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(false);
    m_totals = new QLabel(this);
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setContentsMargins(6, 4, 6, 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(m_totals);
    connect(document, &ProjectDocument::validationChanged, this, &SummaryPanel::refresh);
    connect(m_table, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { Q_EMIT layerClicked(item->data(0, kLayerRole).toString()); });
    refresh();
}

QString SummaryPanel::totalsText() const
{
    return m_totals->text();
}

// Rows follow the data's path (topological order) when there is one, else the design's order.
void SummaryPanel::refresh()
{
    m_table->clear();
    const ValidationReport& report = m_document->validation();
    const NetworkSpec spec = m_document->spec();
    std::vector<std::string> order = report.order;
    for (const LayerSpec& layer : spec.layers)
        if (std::find(order.begin(), order.end(), layer.id) == order.end())
            order.push_back(layer.id);
    const QLocale locale;
    for (const std::string& id : order) {
        const LayerSpec* layer = spec.find(id);
        if (!layer)
            continue;
        auto facts = report.layers.find(id);
        const bool known = facts != report.layers.end();
        auto* item = new QTreeWidgetItem(m_table,
                                         {QString::fromStdString(id), QString::fromStdString(layer->type),
                                          known ? QString::fromStdString(facts->second.outputShape.toString())
                                                : tr("?"),
                                          known ? locale.toString(qlonglong(facts->second.parameters)) : tr("?"),
                                          known ? locale.toString(qlonglong(facts->second.multiplyAdds)) : tr("?")});
        item->setData(0, kLayerRole, QString::fromStdString(id));
        for (int column = 2; column < 5; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    const long parameters = report.totalParameters();
    m_totals->setText(tr("<b>Total parameters:</b> %1 &nbsp;·&nbsp; <b>Weights:</b> %2 &nbsp;·&nbsp; "
                         "<b>Multiply-adds per sample:</b> %3")
                          .arg(locale.toString(qlonglong(parameters)), formatBytes(parameters * kBytesPerWeight),
                               locale.toString(qlonglong(report.totalMultiplyAdds()))));
}

} // namespace neurite::ui
