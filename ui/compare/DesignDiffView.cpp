// The design diff's banner, graph and list of differences.
#include "compare/DesignDiffView.h"

#include "compare/DesignDiffScene.h"
#include "editor/NodeItem.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kNodeRole = Qt::UserRole; // the layer a panel entry shows when clicked

QString layerLabel(const LayerSpec& layer)
{
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(layer.id), QString::fromStdString(layer.type));
}

QString wireLabel(const Connection& c)
{
    return QStringLiteral("%1 \u2192 %2").arg(QString::fromStdString(c.from), QString::fromStdString(c.to));
}

} // namespace

DiffGraphView::DiffGraphView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(QColor(0xf6, 0xf7, 0xf9));
}

void DiffGraphView::fitToContents()
{
    if (!scene() || scene()->sceneRect().isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1)
        setTransform(QTransform());
    m_fitted = true;
}

void DiffGraphView::wheelEvent(QWheelEvent* event)
{
    const double factor = std::pow(1.2, event->angleDelta().y() / 120.0);
    const double zoom = transform().m11() * factor;
    if (zoom < 0.1 || zoom > 4)
        return;
    scale(factor, factor);
    m_fitted = false;
}

void DiffGraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToContents();
}

void DiffGraphView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    fitToContents();
}

DesignDiffView::DesignDiffView(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName,
                               const QString& afterName, QWidget* parent)
    : QWidget(parent), m_scene(new DesignDiffScene(this)), m_view(new DiffGraphView(m_scene, this)),
      m_banner(new QLabel(this)), m_leave(new QPushButton(tr("Leave Design Diff"), this)),
      m_panel(new QTreeWidget(this))
{
    m_scene->setDesigns(before, after);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setWordWrap(true);
    m_banner->setText(bannerText(beforeName, afterName));
    m_leave->setToolTip(tr("Back to the editor (Esc)"));
    connect(m_leave, &QPushButton::clicked, this, &DesignDiffView::leaveRequested);

    m_panel->setHeaderLabel(tr("Differences"));
    m_panel->setMinimumWidth(240); // "activation: relu → tanh" whole
    m_panel->header()->setStretchLastSection(true);
    connect(m_panel, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, kNodeRole).toString();
        if (NodeItem* node = m_scene->nodeItem(id))
            m_view->centerOn(node);
    });
    fillPanel();

    auto* top = new QHBoxLayout;
    top->addWidget(m_banner, 1);
    top->addWidget(m_leave);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
}

// Esc leaves wherever the focus is in the diff: the graph and the panel leave the key to their parent.
void DesignDiffView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT leaveRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString DesignDiffView::bannerText(const QString& beforeName, const QString& afterName) const
{
    const DesignDiff& d = m_scene->diff();
    const auto chip = [](DiffStatus status, std::size_t count) {
        return QStringLiteral("<span style='color:%1'><b>%2 %3</b></span>")
            .arg(diffColor(status).name())
            .arg(count)
            .arg(diffStatusName(status));
    };
    QString text =
        tr("<b>Design diff</b>: %1 compared with %2. ").arg(afterName.toHtmlEscaped(), beforeName.toHtmlEscaped());
    if (d.empty())
        return text + tr("The designs are the same.");
    text += chip(DiffStatus::Added, d.added.size()) + QStringLiteral(", ") +
            chip(DiffStatus::Removed, d.removed.size()) + QStringLiteral(", ") +
            chip(DiffStatus::Changed, d.changed.size()) + tr(" layer(s)");
    const std::size_t wires = d.connectionsAdded.size() + d.connectionsRemoved.size();
    if (wires > 0)
        text += tr("; %1 wire(s) differ").arg(wires);
    return text + QStringLiteral(".");
}

QTreeWidgetItem* DesignDiffView::addEntry(const QString& text, const QString& nodeId, int status)
{
    auto* item = new QTreeWidgetItem(m_panel, {text});
    item->setData(0, kNodeRole, nodeId);
    item->setForeground(0, diffColor(DiffStatus(status)));
    return item;
}

void DesignDiffView::fillPanel()
{
    const DesignDiff& d = m_scene->diff();
    for (const LayerDifference& change : d.changed) {
        const QString id = QString::fromStdString(change.afterId);
        QTreeWidgetItem* item = addEntry(QStringLiteral("~ %1 (%2)").arg(id, QString::fromStdString(change.afterType)),
                                         id, int(DiffStatus::Changed));
        for (const QString& line : m_scene->differences(id))
            new QTreeWidgetItem(item, {line});
        item->setExpanded(true);
    }
    for (const LayerSpec& layer : d.added)
        addEntry(QStringLiteral("+ ") + layerLabel(layer), QString::fromStdString(layer.id), int(DiffStatus::Added));
    for (const LayerSpec& layer : d.removed)
        addEntry(QStringLiteral("\u2212 ") + layerLabel(layer), QString::fromStdString(layer.id),
                 int(DiffStatus::Removed));
    for (const Connection& c : d.connectionsAdded)
        addEntry(tr("+ wire %1").arg(wireLabel(c)), QString::fromStdString(c.to), int(DiffStatus::Added));
    for (const Connection& c : d.connectionsRemoved)
        addEntry(tr("\u2212 wire %1").arg(wireLabel(c)), QString::fromStdString(c.to), int(DiffStatus::Removed));
    if (d.empty())
        new QTreeWidgetItem(m_panel, {tr("No differences: the designs are the same.")});
}

} // namespace neurite::ui
