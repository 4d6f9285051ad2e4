// The Train tab's "Layers" view (see LayerHealthView.h).
#include "health/LayerHealthView.h"

#include "health/LayerHealthRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace neurite::ui {

LayerHealthView::LayerHealthView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_export(new QPushButton(tr("Export CSV\u2026"), this)),
      m_redrawTimer(new QTimer(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &LayerHealthView::exportRequested);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_export, 0, Qt::AlignTop);

    auto* rows = new QWidget;
    m_rowsLayout = new QVBoxLayout(rows);
    m_rowsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(rows);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    // Not restarted by later samples: a steady stream still redraws every kRedrawMs.
    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(kRedrawMs);
    connect(m_redrawTimer, &QTimer::timeout, this, &LayerHealthView::redraw);
    showSummary();
}

void LayerHealthView::startRun(const NetworkSpec& spec)
{
    m_spec = spec;
    m_samples.clear();
    m_redrawTimer->stop();
    redraw();
}

void LayerHealthView::addSample(const HealthSample& sample)
{
    m_samples.push_back(sample);
    if (m_samples.size() >= kMaxHealthSamples)
        thinHealthSamples(m_samples); // as the trainer does, so a long run costs the view no more
    if (!m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void LayerHealthView::showRun(const std::vector<HealthSample>& samples, const NetworkSpec& spec)
{
    m_spec = spec;
    m_samples = samples;
    m_redrawTimer->stop();
    redraw();
}

void LayerHealthView::redraw()
{
    m_warnings = healthWarnings(m_samples, m_spec);
    m_marks = layerHealthMarks(m_samples, m_warnings);
    rebuildRows();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const QString id = QString::fromStdString(m_samples.back().layers[i].layerId);
        m_rows[i]->showHealth(HealthSeries{&m_samples, int(i)}, m_marks.value(id));
    }
    showSummary();
    m_export->setEnabled(!m_samples.empty());
    Q_EMIT marksChanged(m_marks);
}

// One row per layer of the newest sample; kept while the layers stay the same.
void LayerHealthView::rebuildRows()
{
    std::vector<std::string> ids;
    if (!m_samples.empty())
        for (const LayerHealth& layer : m_samples.back().layers)
            ids.push_back(layer.layerId);
    bool same = ids.size() == m_rows.size();
    for (std::size_t i = 0; same && i < ids.size(); ++i)
        same = m_rows[i]->objectName() == QString::fromStdString(ids[i]);
    if (same)
        return;
    for (LayerHealthRow* row : m_rows)
        delete row;
    m_rows.clear();
    for (const std::string& id : ids) {
        auto* row = new LayerHealthRow(QString::fromStdString(id));
        row->setObjectName(QString::fromStdString(id));
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row);
        m_rows.push_back(row);
    }
}

void LayerHealthView::showSummary()
{
    m_summary->setText(summaryText());
}

QString LayerHealthView::summaryText() const
{
    if (m_samples.empty())
        return tr("Train to see each layer's health: how its weights and gradients are spread, how much each "
                  "step changes it, and how many of its ReLUs are dead.");
    const QString where = tr("Step %1 \u00b7 samples: %2.").arg(m_samples.back().step).arg(m_samples.size());
    if (m_warnings.empty())
        return where + QLatin1Char(' ') + tr("Every layer looks healthy.");
    QStringList lines{where};
    for (const HealthWarning& w : m_warnings)
        lines << QStringLiteral("<span style='color:%1'>\u25cf</span> %2")
                     .arg(healthColor(w.level).name(), QString::fromStdString(w.message).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

} // namespace neurite::ui
