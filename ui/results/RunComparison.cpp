// Compare runs: every run of this session is kept with its settings; tick two or more to overlay their curves.
#include "results/RunComparison.h"

#include "charts/TrainingChart.h" // epochPosition
#include "charts/SmoothedAverage.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

namespace {
const QList<QColor> kRunColors = {QColor(31, 119, 180),  QColor(230, 115, 0),   QColor(44, 160, 44),
                                  QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                  QColor(227, 119, 194), QColor(127, 127, 127)};
}

RunComparison::RunComparison(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_metric(new QComboBox(this)), m_view(new QChartView(this)),
      m_xAxis(new QValueAxis), m_yAxis(new QValueAxis)
{
    m_metric->addItem(tr("Training loss (smoothed batches)"), int(Metric::SmoothedTrainingLoss));
    m_metric->addItem(tr("Training loss (epoch mean)"), int(Metric::TrainingLoss));
    m_metric->addItem(tr("Validation loss"), int(Metric::ValidationLoss));
    m_metric->addItem(tr("Training accuracy"), int(Metric::TrainingAccuracy));
    m_metric->addItem(tr("Validation accuracy"), int(Metric::ValidationAccuracy));
    connect(m_metric, &QComboBox::currentIndexChanged, this, &RunComparison::redraw);
    connect(m_list, &QListWidget::itemChanged, this, &RunComparison::redraw);

    QChart* chart = m_view->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_xAxis->setTitleText(tr("epoch"));
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_yAxis->setLabelFormat(QStringLiteral("%g"));
    m_view->setRenderHint(QPainter::Antialiasing);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Runs of this session (tick to overlay):"), side));
    // A run's line ends with its test accuracy, the figure being compared: wrap rather than cut it off.
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    sideLayout->addWidget(m_list, 1);
    sideLayout->addWidget(new QLabel(tr("Curve:"), side));
    sideLayout->addWidget(m_metric);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_view);
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
    const int trained = int(run.history.epochs.size());
    if (trained < run.settings.epochs)
        text += tr(" · stopped at epoch %1").arg(trained);
    if (std::isfinite(run.history.testAccuracy))
        text += tr(" → test %1%").arg(100.0 * double(run.history.testAccuracy), 0, 'f', 2);
    return text;
}

void RunComparison::addRun(const RunRecord& run)
{
    m_runs.push_back(run);
    const QString text = runLabel(run);
    auto* item = new QListWidgetItem(text);
    item->setToolTip(text);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    item->setForeground(kRunColors[(m_runs.size() - 1) % kRunColors.size()]);
    m_list->blockSignals(true);
    m_list->addItem(item);
    m_list->blockSignals(false);
    redraw();
}

void RunComparison::setTestResult(int index, float accuracy, float loss)
{
    RunRecord& run = m_runs[std::size_t(index)];
    run.history.testAccuracy = accuracy;
    run.history.testLoss = loss;
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
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

int RunComparison::drawnSeriesCount() const
{
    return int(m_view->chart()->series().size());
}

std::vector<QPointF> RunComparison::curve(const RunRecord& run, Metric metric) const
{
    std::vector<QPointF> points;
    if (metric == Metric::SmoothedTrainingLoss) {
        SmoothedAverage average; // the same line as the live loss chart's
        for (const BatchReport& b : run.history.batches)
            points.emplace_back(epochPosition(b), average.add(b.loss));
        return points;
    }
    for (const EpochReport& e : run.history.epochs) {
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

void RunComparison::redraw()
{
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    m_drawn.clear();
    const auto metric = Metric(m_metric->currentData().toInt());
    const bool accuracy = metric == Metric::TrainingAccuracy || metric == Metric::ValidationAccuracy;
    double maxX = 1, lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (m_list->item(int(i))->checkState() != Qt::Checked)
            continue;
        const std::vector<QPointF> points = curve(m_runs[i], metric);
        if (points.empty())
            continue;
        auto* series = new QLineSeries;
        series->setName(m_runs[i].name + QStringLiteral(" (") + describeSettings(m_runs[i].settings) + ')');
        series->setPen(QPen(kRunColors[i % kRunColors.size()], 2.0));
        series->setPointsVisible(metric != Metric::SmoothedTrainingLoss);
        chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        auto drawn = std::make_unique<DownsampledSeries>(series);
        drawn->append(points);
        lo = std::min(lo, drawn->drawnMin());
        hi = std::max(hi, drawn->drawnMax());
        maxX = std::max({maxX, points.back().x(), double(m_runs[i].settings.epochs)});
        m_drawn.push_back(std::move(drawn));
    }
    chart->setTitle(m_metric->currentText());
    m_yAxis->setTitleText(accuracy ? tr("accuracy (%)") : tr("loss"));
    m_xAxis->setRange(0, maxX);
    if (m_drawn.empty())
        m_yAxis->setRange(0, accuracy ? 100 : 1);
    else if (accuracy)
        m_yAxis->setRange(std::clamp(std::floor((lo - 5) / 10) * 10, 0.0, 90.0), 100);
    else {
        m_yAxis->setRange(0, hi * 1.05);
        m_yAxis->applyNiceNumbers();
    }
}

} // namespace neurite::ui
