// Live accuracy chart: training and validation accuracy per epoch, with the smoothed batch accuracy faint.
#include "charts/AccuracyChart.h"

#include "charts/LossChart.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
const QColor kTrainColor(31, 119, 180);
const QColor kValidationColor(230, 115, 0);
const QColor kBestColor(44, 160, 44);
} // namespace

AccuracyChart::AccuracyChart(QWidget* parent) : TrainingChart(tr("Accuracy"), parent)
{
    QColor faint = kTrainColor;
    faint.setAlpha(70);
    m_batchSeries = addLine(tr("Training (smoothed batches)"), faint, 1.2);
    m_trainSeries = addLine(tr("Training (epoch)"), kTrainColor, 2.2);
    m_trainSeries->setPointsVisible(true);
    m_validationSeries = addLine(tr("Validation"), kValidationColor, 2.2);
    m_validationSeries->setPointsVisible(true);
    m_bestSeries = addScatter(tr("Best epoch"), kBestColor, 13);
    m_batch.setSeries(m_batchSeries);
    yAxis()->setTitleText(tr("%"));
    reset(1);
}

void AccuracyChart::reset(int plannedEpochs)
{
    m_batch.clear();
    m_trainSeries->clear();
    m_validationSeries->clear();
    m_bestSeries->clear();
    m_epochs.clear();
    m_average.reset();
    m_bestEpoch = 0;
    clearMarks();
    setPlannedEpochs(plannedEpochs);
    setYRange(0, 100);
}

void AccuracyChart::addBatches(const BatchReports& batches)
{
    std::vector<QPointF> points;
    points.reserve(batches.size());
    for (const BatchReport& b : batches) {
        points.emplace_back(epochPosition(b), m_average.add(100.0 * double(b.accuracy)));
    }
    m_batch.append(points);
    rescale();
}

void AccuracyChart::addEpoch(const EpochReport& report)
{
    m_epochs.push_back(report);
    m_trainSeries->append(report.epoch, 100.0 * double(report.trainAccuracy));
    const bool validated = std::isfinite(report.validationAccuracy);
    if (validated)
        m_validationSeries->append(report.epoch, 100.0 * double(report.validationAccuracy));
    if (report.best) {
        m_bestEpoch = report.epoch;
        const double y = 100.0 * double(validated ? report.validationAccuracy : report.trainAccuracy);
        m_bestSeries->replace(QList<QPointF>{{double(report.epoch), y}});
        m_bestSeries->setName(tr("Best epoch (%1)").arg(report.epoch));
    }
    rescale();
}

void AccuracyChart::setHistory(const TrainingHistory& history, int plannedEpochs)
{
    reset(plannedEpochs);
    addBatches(history.batches);
    for (const EpochReport& e : history.epochs)
        addEpoch(e);
}

int AccuracyChart::trainPointCount() const
{
    return int(m_trainSeries->count());
}

int AccuracyChart::validationPointCount() const
{
    return int(m_validationSeries->count());
}

void AccuracyChart::rescale()
{
    // Zoom in on the interesting top once the curves are there: from 10 points below the lowest value.
    double lo = m_batch.drawnCount() > 0 ? m_batch.drawnMin() : 100.0;
    for (const QLineSeries* s : {m_trainSeries, m_validationSeries})
        for (const QPointF& p : s->points())
            lo = std::min(lo, p.y());
    setYRange(std::clamp(std::floor((lo - 10.0) / 10.0) * 10.0, 0.0, 90.0), 100.0);
}

QString AccuracyChart::describeAt(double x) const
{
    QString text;
    if (const QPointF* p = m_batch.nearest(x))
        text = tr("epoch %1\nsmoothed batch accuracy %2%").arg(p->x(), 0, 'f', 2).arg(p->y(), 0, 'f', 2);
    const int epoch = int(std::lround(x));
    for (const EpochReport& e : m_epochs)
        if (e.epoch == epoch && std::abs(x - epoch) < 0.15) {
            text += tr("\nepoch %1: train %2%").arg(epoch).arg(100.0 * double(e.trainAccuracy), 0, 'f', 2);
            if (std::isfinite(e.validationAccuracy))
                text += tr(", validation %1%").arg(100.0 * double(e.validationAccuracy), 0, 'f', 2);
            if (epoch == m_bestEpoch)
                text += tr(" (best)");
        }
    return text + learningRateNote(x);
}

} // namespace neurite::ui
