// Overlaying two runs' loss or accuracy curves.
#include "compare/RunPairChart.h"

#include "charts/PlotMoveRepaint.h"
#include "charts/SmoothedAverage.h"
#include "charts/TrainingChart.h" // epochPosition

#include <neurite/RunRecord.h>

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// A run of 20 epochs of 300 batches has 6000 points; a chart a few hundred pixels wide needs far fewer.
constexpr std::size_t kMaxTrainingPoints = 800;

} // namespace

QColor RunPairChart::runColor(int index)
{
    return index == 0 ? QColor(31, 119, 180) : QColor(230, 115, 0);
}

RunPairChart::RunPairChart(Quantity quantity, QWidget* parent) : QChartView(parent), m_quantity(quantity)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setTitle(quantity == Quantity::Loss ? tr("Loss") : tr("Accuracy (%)"));
    // The runs' names are long ("lr=0.0003 dense1.units=32"): the dialog's title says which colour is which
    // run and its caption which line is which curve.
    chart()->legend()->hide();
    setMinimumSize(320, 240);
    repaintWholeWhenPlotMoves(this); // another pair of runs gives other axes
}

void RunPairChart::setRuns(const neurite::RunRecord& a, const neurite::RunRecord& b)
{
    chart()->removeAllSeries();
    // removeAxis gives the axis back to the caller: without the delete every pair shown leaked its two axes.
    for (QAbstractAxis* axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
    addRun(a, 0);
    addRun(b, 1);
    chart()->createDefaultAxes();
    for (QAbstractAxis* axis : chart()->axes(Qt::Horizontal))
        axis->setTitleText(tr("epoch"));
}

void RunPairChart::addRun(const neurite::RunRecord& run, int index)
{
    const bool loss = m_quantity == Quantity::Loss;
    const QString name = QString::fromStdString(run.name);
    auto* training = new QLineSeries;
    training->setName(tr("%1 training").arg(name));
    training->setPen(QPen(runColor(index), 2));
    SmoothedAverage average; // the same line as the live chart's
    const std::size_t stride = std::max<std::size_t>(1, run.history.batches.size() / kMaxTrainingPoints);
    for (std::size_t i = 0; i < run.history.batches.size(); ++i) {
        const BatchReport& batch = run.history.batches[i];
        const double y = average.add(loss ? batch.loss : 100.0 * batch.accuracy);
        if (i % stride == 0 || i + 1 == run.history.batches.size())
            training->append(epochPosition(batch), y);
    }
    auto* validation = new QLineSeries;
    validation->setName(tr("%1 validation").arg(name));
    QPen dashed(runColor(index), 2, Qt::DashLine);
    validation->setPen(dashed);
    validation->setPointsVisible(true);
    for (const EpochReport& e : run.history.epochs) {
        const double y = loss ? e.validationLoss : 100.0 * e.validationAccuracy;
        if (std::isfinite(y))
            validation->append(e.epoch, y);
    }
    chart()->addSeries(training);
    if (validation->count() > 0)
        chart()->addSeries(validation);
    else
        delete validation;
}

} // namespace neurite::ui
