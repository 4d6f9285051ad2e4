// One layer in the Layers view (see LayerHealthRow.h).
#include "health/LayerHealthRow.h"

#include "health/DistributionChart.h"
#include "health/HealthLineChart.h"
#include "health/HistogramChart.h"

#include <QGridLayout>
#include <QLabel>

#include <cmath>

namespace neurite::ui {

QColor healthColor(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Healthy: return QColor(0x2e, 0x9e, 0x55);
    case HealthLevel::Watch: return QColor(0xe0, 0x9a, 0x1a);
    case HealthLevel::Problem: return QColor(0xd9, 0x30, 0x25);
    }
    return Qt::gray;
}

LayerHealthRow::LayerHealthRow(const QString& layerId, QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_warning(new QLabel(this)), m_layerId(layerId)
{
    setFrameShape(QFrame::StyledPanel);
    m_warning->setWordWrap(true);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    using Values = DistributionChart::Values;
    using Figure = HealthLineChart::Figure;
    m_charts = {new DistributionChart(Values::Weights, this),   new HistogramChart(Values::Weights, this),
                new HealthLineChart(Figure::UpdateRatio, this), new DistributionChart(Values::Gradients, this),
                new HistogramChart(Values::Gradients, this),    new HealthLineChart(Figure::GradientNorm, this),
                new HealthLineChart(Figure::DeadFraction, this)};
    auto* grid = new QGridLayout(this);
    grid->addWidget(m_title, 0, 0, 1, 4);
    grid->addWidget(m_warning, 1, 0, 1, 4);
    // Weights above gradients, each as its distribution over the run and its histogram now.
    for (int i = 0; i < 3; ++i)
        grid->addWidget(m_charts[std::size_t(i)], 2, i);
    for (int i = 0; i < 4; ++i)
        grid->addWidget(m_charts[std::size_t(3 + i)], 3, i);
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
}

void LayerHealthRow::showHealth(HealthSeries series, const LayerHealthMark& mark)
{
    const QColor colour = healthColor(mark.level);
    m_title->setText(
        QStringLiteral("<b>%1</b> <span style='color:%2'>\u25cf</span>").arg(m_layerId.toHtmlEscaped(), colour.name()));
    m_warning->setText(mark.text);
    m_warning->setStyleSheet(mark.level == HealthLevel::Healthy ? QString()
                                                                : QStringLiteral("color: %1").arg(colour.name()));
    for (HealthChart* chart : m_charts)
        chart->setSeries(series);
    // Only a layer that ends in a ReLU has dead units to show.
    const LayerHealth* newest = series.at(series.samples->size() - 1);
    m_charts.back()->setVisible(newest && !std::isnan(newest->deadFraction));
}

QString LayerHealthRow::warningText() const
{
    return m_warning->text();
}

} // namespace neurite::ui
