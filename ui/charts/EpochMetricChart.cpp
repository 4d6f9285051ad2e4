// A live training chart of one metric over epochs: the loss (log scale on request) or the accuracy (percent).
#include "charts/EpochMetricChart.h"

#include "charts/ChartHoverLabel.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace neurite::ui {

namespace {
const QColor kTrainColor(31, 119, 180);
const QColor kValidationColor(230, 115, 0);
const QColor kBestColor(44, 160, 44);

QColor faint(int alpha)
{
    QColor color = kTrainColor;
    color.setAlpha(alpha);
    return color;
}
} // namespace

EpochMetricChart::EpochMetricChart(EpochMetric metric, QWidget* parent)
    : TrainingChart(metric == EpochMetric::Loss ? tr("Loss") : tr("Accuracy"), parent), m_metric(metric),
      m_redrawTimer(new QTimer(this))
{
    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(kRedrawMs);
    connect(m_redrawTimer, &QTimer::timeout, this, &EpochMetricChart::redraw);
    if (m_metric == EpochMetric::Loss)
        addLossSeries();
    else
        addAccuracySeries();
    m_validationSeries = addLine(tr("Validation"), kValidationColor, 2.2);
    m_validationSeries->setPointsVisible(true);
    m_bestSeries = addScatter(tr("Best epoch"), kBestColor, 13);
    m_smooth.setSeries(m_smoothSeries);
    m_validationLine.setSeries(m_validationSeries);
    m_trainLine.setSeries(m_trainSeries);
    for (DownsampledSeries* line : {&m_raw, &m_smooth, &m_trainLine, &m_validationLine})
        line->setDeferred(true);
    reset(1);
}

// Series are added in drawing order: the faint lines first, behind the others.
void EpochMetricChart::addLossSeries()
{
    m_rawSeries = addLine(tr("Training (per batch)"), faint(55), 1.0);
    m_smoothSeries = addLine(tr("Training (smoothed)"), kTrainColor, 2.2);
    m_raw.setSeries(m_rawSeries);
    yAxis()->setTitleText(tr("loss"));
    setNiceNumbers(true);
}

void EpochMetricChart::addAccuracySeries()
{
    m_smoothSeries = addLine(tr("Training (smoothed batches)"), faint(70), 1.2);
    m_trainSeries = addLine(tr("Training (epoch)"), kTrainColor, 2.2);
    m_trainSeries->setPointsVisible(true);
    yAxis()->setTitleText(tr("%"));
}

void EpochMetricChart::reset(int plannedEpochs)
{
    m_redrawTimer->stop();
    m_epochsChanged = false;
    m_raw.clear();
    m_smooth.clear();
    m_trainLine.clear();
    m_validationLine.clear();
    m_bestSeries->clear();
    m_bestSeries->setName(tr("Best epoch")); // the legend named the last run's best epoch
    m_epochs.clear();
    m_average.reset();
    m_bestEpoch = 0;
    m_batchesPerEpoch = 0;
    clearMarks();
    setPlannedEpochs(plannedEpochs);
    setYRange(0, m_metric == EpochMetric::Loss ? 1 : 100);
}

double EpochMetricChart::drawn(float value) const
{
    if (!std::isfinite(value))
        return std::numeric_limits<double>::quiet_NaN();
    return m_metric == EpochMetric::Loss ? double(value) : 100.0 * double(value);
}

double EpochMetricChart::trainValue(const EpochReport& e) const
{
    return drawn(m_metric == EpochMetric::Loss ? e.trainLoss : e.trainAccuracy);
}

double EpochMetricChart::validationValue(const EpochReport& e) const
{
    return drawn(m_metric == EpochMetric::Loss ? e.validationLoss : e.validationAccuracy);
}

void EpochMetricChart::addBatches(const BatchReports& batches)
{
    std::vector<QPointF> raw, smooth;
    raw.reserve(m_rawSeries ? batches.size() : 0);
    smooth.reserve(batches.size());
    for (const BatchReport& b : batches) {
        const double x = epochPosition(b);
        const double value = m_metric == EpochMetric::Loss ? double(b.loss) : 100.0 * double(b.accuracy);
        if (m_rawSeries)
            raw.emplace_back(x, value);
        smooth.emplace_back(x, m_average.add(value));
        m_batchesPerEpoch = b.batchesPerEpoch;
    }
    if (m_rawSeries)
        m_raw.append(raw);
    m_smooth.append(smooth);
    scheduleRedraw();
}

void EpochMetricChart::addEpoch(const EpochReport& report)
{
    m_epochs.push_back(report);
    if (m_trainSeries)
        m_trainLine.append(QPointF(report.epoch, trainValue(report)));
    const double validation = validationValue(report);
    if (std::isfinite(validation))
        m_validationLine.append(QPointF(report.epoch, validation));
    if (report.best) {
        m_bestEpoch = report.epoch;
        m_bestPoint = QPointF(report.epoch, std::isfinite(validation) ? validation : trainValue(report));
    }
    m_epochsChanged = true;
    scheduleRedraw();
}

void EpochMetricChart::setHistory(const TrainingHistory& history, int plannedEpochs)
{
    reset(plannedEpochs);
    addBatches(history.batches);
    for (const EpochReport& e : history.epochs)
        addEpoch(e);
    redraw();
}

// Not restarted by later reports: a steady stream of them still redraws every kRedrawMs.
void EpochMetricChart::scheduleRedraw()
{
    if (!m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void EpochMetricChart::redraw()
{
    m_redrawTimer->stop();
    m_raw.publish();
    m_smooth.publish();
    if (m_epochsChanged) {
        const bool dotted = m_epochs.size() <= std::size_t(kMostDottedEpochs);
        if (m_trainSeries && m_trainSeries->pointsVisible() != dotted)
            m_trainSeries->setPointsVisible(dotted);
        if (m_validationSeries->pointsVisible() != dotted)
            m_validationSeries->setPointsVisible(dotted);
        m_trainLine.publish();
        m_validationLine.publish();
        if (m_bestEpoch > 0) {
            m_bestSeries->replace(QList<QPointF>{m_bestPoint});
            m_bestSeries->setName(tr("Best epoch (%1)").arg(m_bestEpoch));
        }
        m_epochsChanged = false;
    }
    rescale();
    hoverLabel()->refresh();
}

int EpochMetricChart::trainPointCount() const
{
    return int(m_trainLine.appendedCount());
}

int EpochMetricChart::validationPointCount() const
{
    return int(m_validationLine.appendedCount());
}

void EpochMetricChart::setLogScale(bool on)
{
    TrainingChart::setLogScale(on);
    rescale();
}

void EpochMetricChart::rescale()
{
    if (m_metric == EpochMetric::Loss)
        rescaleLoss();
    else
        rescaleAccuracy();
}

// From 0 (or the decade below the lowest loss in log scale) to just above the highest.
void EpochMetricChart::rescaleLoss()
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const DownsampledSeries* line : {&m_raw, &m_validationLine})
        if (line->drawnCount() > 0) {
            lo = std::min(lo, line->drawnMin());
            hi = std::max(hi, line->drawnMax());
        }
    if (lo > hi)
        return; // nothing drawn yet
    if (logScale())
        setYRange(std::pow(10.0, std::floor(std::log10(std::max(lo, 1e-4)))),
                  std::pow(10.0, std::ceil(std::log10(std::max(hi, 1e-4) * 1.01))));
    else
        setYRange(0, hi * 1.05);
}

// Zoom in on the interesting top once the curves are there: from 10 points below the lowest value.
void EpochMetricChart::rescaleAccuracy()
{
    if (m_smooth.drawnCount() == 0 && m_trainLine.drawnCount() == 0 && m_validationLine.drawnCount() == 0) {
        setYRange(0, 100); // nothing to zoom in on yet
        return;
    }
    double lo = m_smooth.drawnCount() > 0 ? m_smooth.drawnMin() : 100.0;
    for (const DownsampledSeries* line : {&m_trainLine, &m_validationLine})
        if (line->drawnCount() > 0)
            lo = std::min(lo, line->drawnMin());
    setYRange(std::clamp(std::floor((lo - 10.0) / 10.0) * 10.0, 0.0, 90.0), 100.0);
}

QString EpochMetricChart::describePoint(const QXYSeries* series, QPointF point) const
{
    if (series == m_rawSeries || series == m_smoothSeries)
        return describeBatch(series, point.x());
    // A drawn point may be the mean of a bucket of epochs: its x is their mean, and the epoch named is the middle one.
    const int epoch = int(std::lround(point.x()));
    const DownsampledSeries& line = series == m_trainSeries ? m_trainLine : m_validationLine;
    for (const EpochReport& e : m_epochs)
        if (e.epoch == epoch) {
            QString text = describeEpoch(e, series == m_trainSeries);
            if (line.appendedPerDrawn() > 1)
                text += tr("\n(the line draws the mean of every %1 epochs)").arg(line.appendedPerDrawn());
            return text;
        }
    return {};
}

QString EpochMetricChart::valueText(double value) const
{
    return m_metric == EpochMetric::Loss ? QString::number(value, 'f', 4) : QString::number(value, 'f', 2) + '%';
}

// Batch b of epoch e sits at x = e - 1 + b / batchesPerEpoch: "epoch e, batch b/n".
QString EpochMetricChart::batchPlace(double x) const
{
    if (m_batchesPerEpoch <= 0)
        return tr("epoch %1").arg(x, 0, 'f', 2);
    const int epoch = std::max(1, int(std::ceil(x - 1e-9)));
    const long batch = std::lround((x - double(epoch - 1)) * m_batchesPerEpoch);
    return tr("epoch %1, batch %2/%3").arg(epoch).arg(batch).arg(m_batchesPerEpoch);
}

// The stored batch nearest the drawn point (a drawn point may be the mean of a bucket of batches).
QString EpochMetricChart::describeBatch(const QXYSeries* series, double x) const
{
    const bool raw = series == m_rawSeries;
    const DownsampledSeries& line = raw ? m_raw : m_smooth;
    const QPointF* p = line.nearest(x);
    if (!p)
        return {};
    QString text;
    if (m_metric == EpochMetric::Accuracy) {
        text = tr("%1: smoothed batch accuracy %2").arg(batchPlace(p->x()), valueText(p->y()));
    } else {
        const QPointF* other = (raw ? m_smooth : m_raw).nearest(p->x());
        text = raw ? tr("%1: batch loss %2").arg(batchPlace(p->x()), valueText(p->y()))
                   : tr("%1: smoothed loss %2").arg(batchPlace(p->x()), valueText(p->y()));
        if (other)
            text += (raw ? tr("\nsmoothed %1") : tr("\nbatch loss %1")).arg(valueText(other->y()));
    }
    if (line.appendedPerDrawn() > 1)
        text += tr("\n(the line draws the mean of every %1 batches)").arg(line.appendedPerDrawn());
    return text;
}

// The hovered curve's value first, then the other one of the same epoch.
QString EpochMetricChart::describeEpoch(const EpochReport& e, bool trainingFirst) const
{
    const bool loss = m_metric == EpochMetric::Loss;
    const double validation = validationValue(e);
    const QString trainName = loss ? tr("training loss (epoch mean)") : tr("training accuracy");
    const QString validationName = loss ? tr("validation loss") : tr("validation accuracy");
    const QString train = trainName + QLatin1Char(' ') + valueText(trainValue(e));
    const QString validated = std::isfinite(validation) ? validationName + QLatin1Char(' ') + valueText(validation)
                                                        : QString();
    const bool first = trainingFirst || validated.isEmpty();
    QString text = tr("epoch %1: %2").arg(e.epoch).arg(first ? train : validated);
    if (e.epoch == m_bestEpoch)
        text += tr(" (best epoch)");
    if (!validated.isEmpty())
        text += QLatin1Char('\n') + (first ? validated : train);
    return text;
}

} // namespace neurite::ui
