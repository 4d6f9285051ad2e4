// Compare runs: every run of this session is kept with its settings; tick two or more to overlay their curves.
#include "results/RunComparison.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

RunComparison::RunComparison(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_chart(new RunCurvesChart(this))
{
    connect(m_list, &QListWidget::itemChanged, this, &RunComparison::redraw);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Runs of this session (tick to overlay):"), side));
    // A run's line ends with its test accuracy, the figure being compared: wrap rather than cut it off.
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    sideLayout->addWidget(m_list, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 700});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    redraw();
}

RunComparison::~RunComparison() = default;

QString RunComparison::describeSettings(const TrainingSettings& s)
{
    QString text = tr("%1 lr %2 · batch %3 · %4 epochs")
                       .arg(QString::fromStdString(s.optimizer.kind))
                       .arg(double(s.optimizer.learningRate), 0, 'g', 4)
                       .arg(s.batchSize)
                       .arg(s.epochs);
    if (s.schedule.kind != "constant")
        text += tr(" · %1 schedule").arg(QString::fromStdString(s.schedule.kind));
    if (s.validationSplit > 0)
        text += tr(" · val %1").arg(double(s.validationSplit), 0, 'g', 2);
    return text;
}

QString RunComparison::runLabel(const RunRecord& run)
{
    QString text = run.name + QStringLiteral(": ") + describeSettings(run.settings);
    // The settings say how many epochs were asked for; a run stopped (or stopped early) trained fewer.
    const int trained = int(run.history->epochs.size());
    if (trained < run.settings.epochs)
        text += tr(" · stopped at epoch %1").arg(trained);
    if (std::isfinite(run.history->testAccuracy))
        text += tr(" → test %1%").arg(100.0 * double(run.history->testAccuracy), 0, 'f', 2);
    return text;
}

void RunComparison::addRun(RunRecord run)
{
    const QString text = runLabel(run);
    m_runs.push_back(std::move(run));
    auto* item = new QListWidgetItem(text);
    item->setToolTip(text);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    item->setForeground(RunCurvesChart::runColor(m_runs.size() - 1));
    m_list->blockSignals(true);
    m_list->addItem(item);
    m_list->blockSignals(false);
    redraw();
}

void RunComparison::setTestResult(int index, float accuracy, float loss)
{
    RunRecord& run = m_runs[std::size_t(index)];
    // The history is shared with the drawn curve (which shows no test figures): a changed copy replaces it.
    auto history = std::make_shared<TrainingHistory>(*run.history);
    history->testAccuracy = accuracy;
    history->testLoss = loss;
    run.history = std::move(history);
    const QString text = runLabel(run);
    m_list->item(index)->setText(text);
    m_list->item(index)->setToolTip(text);
}

void RunComparison::setChecked(int index, bool checked)
{
    m_list->item(index)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void RunComparison::setMetric(Metric metric)
{
    m_chart->setMetric(metric);
}

// The ticked runs, each in the colour of its place in the list.
void RunComparison::redraw()
{
    std::vector<RunCurve> curves;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (m_list->item(int(i))->checkState() != Qt::Checked)
            continue;
        const RunRecord& run = m_runs[i];
        curves.push_back({run.name, run.name + QStringLiteral(" (") + describeSettings(run.settings) + ')', run.history,
                          run.settings.epochs, RunCurvesChart::runColor(i)});
    }
    m_chart->setRuns(std::move(curves));
}

} // namespace neurite::ui
