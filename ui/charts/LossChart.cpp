// Live loss chart: per-batch training loss (smoothed, raw faint behind) and per-epoch validation loss.
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

double epochPosition(const BatchReport& report)
{
    return double(report.epoch - 1) + double(report.batch) / double(std::max(1, report.batchesPerEpoch));
}

LossChart::LossChart(QWidget* parent) : TrainingChart(tr("Loss"), parent)
{
    QColor faint = kTrainColor;
    faint.setAlpha(55);
    m_rawSeries = addLine(tr("Training (per batch)"), faint, 1.0);
    m_smoothSeries = addLine(tr("Training (smoothed)"), kTrainColor, 2.2);
    m_validationSeries = addLine(tr("Validation"), kValidationColor, 2.2);
    m_validationSeries->setPointsVisible(true);
    m_bestSeries = addScatter(tr("Best epoch"), kBestColor, 13);
    m_raw.setSeries(m_rawSeries);
    m_smooth.setSeries(m_smoothSeries);
    yAxis()->setTitleText(tr("loss"));
    setNiceNumbers(true);
    reset(1);
}

void LossChart::reset(int plannedEpochs)
{
    m_raw.clear();
    m_smooth.clear();
    m_validationSeries->clear();
    m_bestSeries->clear();
    m_epochs.clear();
    m_average.reset();
    m_bestEpoch = 0;
    clearMarks();
    setPlannedEpochs(plannedEpochs);
    setYRange(0, 1);
}

void LossChart::addBatches(const BatchReports& batches)
{
    std::vector<QPointF> raw, smooth;
    raw.reserve(batches.size());
    smooth.reserve(batches.size());
    for (const BatchReport& b : batches) {
        const double x = epochPosition(b);
        const double loss = double(b.loss);
        raw.emplace_back(x, loss);
        smooth.emplace_back(x, m_average.add(loss));
    }
    m_raw.append(raw);
    m_smooth.append(smooth);
    rescale();
}

void LossChart::addEpoch(const EpochReport& report)
{
    m_epochs.push_back(report);
    if (std::isfinite(report.validationLoss))
        m_validationSeries->append(report.epoch, double(report.validationLoss));
    if (report.best) {
        m_bestEpoch = report.epoch;
        const double y = std::isfinite(report.validationLoss) ? report.validationLoss : report.trainLoss;
        m_bestSeries->replace(QList<QPointF>{{double(report.epoch), y}});
        m_bestSeries->setName(tr("Best epoch (%1)").arg(report.epoch));
    }
    rescale();
}

void LossChart::setHistory(const TrainingHistory& history, int plannedEpochs)
{
    reset(plannedEpochs);
    addBatches(history.batches);
    for (const EpochReport& e : history.epochs)
        addEpoch(e);
}

void LossChart::setLogScale(bool on)
{
    TrainingChart::setLogScale(on);
    rescale();
}

int LossChart::validationPointCount() const
{
    return int(m_validationSeries->count());
}

void LossChart::rescale()
{
    double lo = m_raw.drawnMin(), hi = m_raw.drawnMax();
    for (const QPointF& p : m_validationSeries->points()) {
        lo = std::min(lo, p.y());
        hi = std::max(hi, p.y());
    }
    if (m_raw.points().empty() && m_validationSeries->count() == 0)
        return;
    if (logScale())
        setYRange(std::pow(10.0, std::floor(std::log10(std::max(lo, 1e-4)))),
                  std::pow(10.0, std::ceil(std::log10(std::max(hi, 1e-4) * 1.01))));
    else
        setYRange(0, hi * 1.05);
}

QString LossChart::describeAt(double x) const
{
    QString text;
    if (const QPointF* raw = m_raw.nearest(x)) {
        const QPointF* smooth = m_smooth.nearest(x);
        text = tr("epoch %1\nbatch loss %2\nsmoothed %3")
                   .arg(raw->x(), 0, 'f', 2)
                   .arg(raw->y(), 0, 'f', 4)
                   .arg(smooth ? smooth->y() : raw->y(), 0, 'f', 4);
    }
    const int epoch = int(std::lround(x));
    for (const EpochReport& e : m_epochs)
        if (e.epoch == epoch && std::abs(x - epoch) < 0.15) {
            text += tr("\nepoch %1 mean: train %2").arg(epoch).arg(double(e.trainLoss), 0, 'f', 4);
            if (std::isfinite(e.validationLoss))
                text += tr(", validation %1").arg(double(e.validationLoss), 0, 'f', 4);
            if (epoch == m_bestEpoch)
                text += tr(" (best)");
        }
    return text + learningRateNote(x);
}

} // namespace neurite::ui
