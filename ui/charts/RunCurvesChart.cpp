// Several runs' curves on one chart, the metric chosen in the chart's own list.
#include "charts/RunCurvesChart.h"

#include "charts/ChartHoverLabel.h"
#include "charts/ChartLegend.h"
#include "charts/EpochMetricChart.h" // kMostDottedEpochs
#include "charts/PlotMoveRepaint.h"
#include "charts/SmoothedAverage.h"
#include "charts/TrainingChart.h" // epochPosition

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace neurite::ui {

namespace {
const QList<QColor> kRunColors = {QColor(31, 119, 180),  QColor(230, 115, 0),   QColor(44, 160, 44),
                                  QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                  QColor(227, 119, 194), QColor(127, 127, 127)};

bool isAccuracy(RunCurvesChart::Metric metric)
{
    return metric == RunCurvesChart::Metric::TrainingAccuracy || metric == RunCurvesChart::Metric::ValidationAccuracy;
}
} // namespace

RunCurvesChart::RunCurvesChart(QWidget* parent)
    : QWidget(parent), m_metric(new QComboBox(this)), m_view(new QChartView(this)), m_xAxis(new QValueAxis),
      m_yAxis(new QValueAxis)
{
    m_metric->addItem(tr("Training loss (smoothed batches)"), int(Metric::SmoothedTrainingLoss));
    m_metric->addItem(tr("Training loss (epoch mean)"), int(Metric::TrainingLoss));
    m_metric->addItem(tr("Validation loss"), int(Metric::ValidationLoss));
    m_metric->addItem(tr("Training accuracy"), int(Metric::TrainingAccuracy));
    m_metric->addItem(tr("Validation accuracy"), int(Metric::ValidationAccuracy));
    connect(m_metric, &QComboBox::currentIndexChanged, this, &RunCurvesChart::redraw);

    QChart* chart = m_view->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_xAxis->setTitleText(tr("epoch"));
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_yAxis->setLabelFormat(QStringLiteral("%g"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_hover = new ChartHoverLabel(m_view, [this](const QXYSeries* s, QPointF p) { return describePoint(s, p); });
    m_legend = new ChartLegend(m_view);
    repaintWholeWhenPlotMoves(m_view); // runs shown or hidden change the legend and the axes

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Curve:"), this));
    row->addWidget(m_metric);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    redraw();
}

RunCurvesChart::~RunCurvesChart() = default;

QColor RunCurvesChart::runColor(std::size_t index)
{
    return kRunColors[int(index % std::size_t(kRunColors.size()))];
}

void RunCurvesChart::setRuns(std::vector<RunCurve> runs)
{
    m_runs = std::move(runs);
    redraw();
}

void RunCurvesChart::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

RunCurvesChart::Metric RunCurvesChart::metric() const
{
    return Metric(m_metric->currentData().toInt());
}

int RunCurvesChart::drawnSeriesCount() const
{
    return int(m_view->chart()->series().size());
}

std::vector<QPointF> RunCurvesChart::curve(const TrainingHistory& history, Metric metric)
{
    std::vector<QPointF> points;
    if (metric == Metric::SmoothedTrainingLoss) {
        SmoothedAverage average; // the same line as the live loss chart's
        for (const BatchReport& b : history.batches)
            points.emplace_back(epochPosition(b), average.add(b.loss));
        return points;
    }
    for (const EpochReport& e : history.epochs) {
        double y = 0;
        switch (metric) {
        case Metric::TrainingLoss: y = e.trainLoss; break;
        case Metric::ValidationLoss: y = e.validationLoss; break;
        case Metric::TrainingAccuracy: y = 100.0 * e.trainAccuracy; break;
        case Metric::ValidationAccuracy: y = 100.0 * e.validationAccuracy; break;
        case Metric::SmoothedTrainingLoss: break;
        }
        if (std::isfinite(y))
            points.emplace_back(e.epoch, y);
    }
    return points;
}

void RunCurvesChart::redraw()
{
    QChart* chart = m_view->chart();
    m_hover->hide(); // its series are about to go
    chart->removeAllSeries();
    m_drawn.clear();
    m_drawnRuns.clear();
    const Metric shown = metric();
    double maxX = 1, lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const std::vector<QPointF> points = curve(*m_runs[i].history, shown);
        if (points.empty())
            continue;
        auto* series = new QLineSeries;
        series->setName(m_runs[i].legend);
        series->setPen(QPen(m_runs[i].color, 2.0));
        series->setPointsVisible(shown != Metric::SmoothedTrainingLoss &&
                                 points.size() <= std::size_t(EpochMetricChart::kMostDottedEpochs));
        chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        auto drawn = std::make_unique<DownsampledSeries>(series);
        drawn->append(points);
        lo = std::min(lo, drawn->drawnMin());
        hi = std::max(hi, drawn->drawnMax());
        maxX = std::max({maxX, points.back().x(), double(m_runs[i].epochs)});
        m_drawn.push_back(std::move(drawn));
        m_drawnRuns.push_back(i);
    }
    chart->setTitle(m_metric->currentText());
    fitAxes(isAccuracy(shown), maxX, lo, hi);
    m_legend->refresh();
}

// Accuracy from the nearest ten below the lowest point to 100%; loss from 0 to a nice number above the top.
void RunCurvesChart::fitAxes(bool accuracy, double maxX, double lo, double hi)
{
    m_yAxis->setTitleText(accuracy ? tr("accuracy (%)") : tr("loss"));
    m_xAxis->setRange(0, maxX);
    // Whole epochs as ticks while they fit (0, 1, 2, 3 rather than 0, 0.75, 1.5); nice numbers beyond.
    if (maxX <= 12 && maxX == std::floor(maxX))
        m_xAxis->setTickCount(int(maxX) + 1);
    else
        m_xAxis->applyNiceNumbers();
    if (m_drawn.empty())
        m_yAxis->setRange(0, accuracy ? 100 : 1);
    else if (accuracy)
        m_yAxis->setRange(std::clamp(std::floor((lo - 5) / 10) * 10, 0.0, 90.0), 100);
    else {
        m_yAxis->setRange(0, hi * 1.05);
        m_yAxis->applyNiceNumbers();
    }
}

// The run, where on its curve, and the exact value: the stored point nearest the drawn one.
QString RunCurvesChart::describePoint(const QXYSeries* series, QPointF point) const
{
    const QList<QAbstractSeries*> drawn = m_view->chart()->series();
    const auto at = std::find(drawn.begin(), drawn.end(), series);
    const auto index = std::size_t(at - drawn.begin());
    if (at == drawn.end() || index >= m_drawn.size())
        return {};
    const QPointF* p = m_drawn[index]->nearest(point.x());
    const RunCurve& run = m_runs[m_drawnRuns[index]];
    const Metric shown = metric();
    const QString value = isAccuracy(shown) ? QString::number(p->y(), 'f', 2) + '%' : QString::number(p->y(), 'f', 4);
    const QString where = shown == Metric::SmoothedTrainingLoss ? tr("epoch %1").arg(p->x(), 0, 'f', 2)
                                                                : tr("epoch %1").arg(std::lround(p->x()));
    return tr("%1, %2: %3 %4").arg(run.name, where, m_metric->currentText().toLower(), value);
}

} // namespace neurite::ui
