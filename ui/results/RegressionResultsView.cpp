// The Results tab of a regression: metrics, predicted against true values, residuals.
#include "results/RegressionResultsView.h"

#include "charts/PlotMoveRepaint.h"

#include <QChart>
#include <QHBoxLayout>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

QChartView* chartView(QWidget* parent, const QString& title, const QString& x, const QString& y)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    auto* axisX = new QValueAxis(chart);
    axisX->setTitleText(x);
    auto* axisY = new QValueAxis(chart);
    axisY->setTitleText(y);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 260);
    repaintWholeWhenPlotMoves(view); // each run's targets give other axes
    return view;
}

void attach(QChartView* view, QAbstractSeries* series)
{
    view->chart()->addSeries(series);
    for (QAbstractAxis* axis : view->chart()->axes())
        series->attachAxis(axis);
}

// A margin of 5% around [low, high] (and some room when they are equal).
std::pair<double, double> padded(double low, double high)
{
    const double margin = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(low) * 0.05);
    return {low - margin, high + margin};
}

void setRange(QChartView* view, Qt::Orientation orientation, std::pair<double, double> range)
{
    for (QAbstractAxis* axis : view->chart()->axes(orientation))
        axis->setRange(range.first, range.second);
}

} // namespace

RegressionResultsView::RegressionResultsView(QWidget* parent)
    : QWidget(parent), m_metrics(new QLabel(this)),
      m_scatterView(chartView(this, tr("Predicted against true values"), tr("true"), tr("predicted"))),
      m_residualView(chartView(this, tr("Residuals"), tr("predicted"), tr("predicted − true"))),
      m_points(new QScatterSeries(this)), m_identity(new QLineSeries(this)), m_residuals(new QScatterSeries(this)),
      m_zero(new QLineSeries(this))
{
    m_metrics->setTextFormat(Qt::RichText);
    for (QScatterSeries* series : {m_points, m_residuals}) {
        series->setMarkerSize(7);
        series->setColor(QColor(31, 119, 180, 170));
        series->setBorderColor(Qt::transparent);
    }
    for (QLineSeries* line : {m_identity, m_zero})
        line->setPen(QPen(QColor(200, 60, 40), 1.5, Qt::DashLine));
    m_identity->setName(tr("y = x"));
    attach(m_scatterView, m_identity);
    attach(m_scatterView, m_points);
    attach(m_residualView, m_zero);
    attach(m_residualView, m_residuals);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_scatterView, 1);
    charts->addWidget(m_residualView, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_metrics);
    layout->addLayout(charts, 1);
    clear();
}

void RegressionResultsView::clear()
{
    m_metrics->clear();
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{m_points, m_identity, m_residuals, m_zero})
        series->clear();
}

void RegressionResultsView::setEvaluation(const RegressionEvaluation& evaluation, const QString& target)
{
    clear();
    const RegressionMetrics& m = evaluation.metrics;
    m_metrics->setText(tr("Test R² <b>%1</b> · MAE %2 · RMSE %3 (in the units of %4) over %L5 test rows")
                           .arg(m.r2, 0, 'f', 4)
                           .arg(m.mae, 0, 'g', 4)
                           .arg(m.rmse, 0, 'g', 4)
                           .arg(target.toHtmlEscaped())
                           .arg(evaluation.actual.size()));
    if (evaluation.actual.empty())
        return;
    QList<QPointF> points, residuals;
    double low = evaluation.actual.front(), high = low, residualLow = 0, residualHigh = 0;
    for (std::size_t i = 0; i < evaluation.actual.size(); ++i) {
        const double y = evaluation.actual[i], p = evaluation.predicted[i];
        points << QPointF(y, p);
        residuals << QPointF(p, p - y);
        low = std::min({low, y, p});
        high = std::max({high, y, p});
        residualLow = std::min(residualLow, p - y);
        residualHigh = std::max(residualHigh, p - y);
    }
    m_points->replace(points);
    m_residuals->replace(residuals);
    const auto range = padded(low, high);
    m_identity->replace({QPointF(range.first, range.first), QPointF(range.second, range.second)});
    m_zero->replace({QPointF(range.first, 0), QPointF(range.second, 0)});
    setRange(m_scatterView, Qt::Horizontal, range);
    setRange(m_scatterView, Qt::Vertical, range);
    setRange(m_residualView, Qt::Horizontal, range);
    setRange(m_residualView, Qt::Vertical, padded(residualLow, residualHigh));
}

QString RegressionResultsView::metricsText() const
{
    return m_metrics->text();
}

} // namespace neurite::ui
