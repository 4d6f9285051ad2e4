// The common frame of the live training charts: an epoch x axis, hover read-outs, LR-change marks, PNG export.
#include "charts/TrainingChart.h"

#include "charts/ChartHoverLabel.h"
#include "charts/ChartLegend.h"
#include "charts/PlotMoveRepaint.h"

#include <QGraphicsPathItem>
#include <QLineSeries>
#include <QPainterPath>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
constexpr double kLogFloor = 1e-4;         // log axes cannot show 0: losses are clamped up to this
constexpr double kEpochLabelPixels = 50.0; // room for one epoch label, "1000" and the space around it
} // namespace

double epochPosition(const BatchReport& report)
{
    return double(report.epoch - 1) + double(report.batch) / double(std::max(1, report.batchesPerEpoch));
}

TrainingChart::TrainingChart(const QString& title, QWidget* parent)
    : QChartView(new QChart, parent), m_xAxis(new QValueAxis), m_yAxis(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 220); // two side by side beside the settings in a 1024-pixel window
    QChart* c = chart();
    c->setTitle(title);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setAnimationOptions(QChart::NoAnimation); // animations would replay on every update
    m_xAxis->setTitleText(tr("epoch"));
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_xAxis->setRange(0, 1);
    static_cast<QValueAxis*>(m_yAxis)->setLabelFormat(QStringLiteral("%g"));
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    m_lrMarkPath = new QGraphicsPathItem;
    QPen markPen(QColor(110, 110, 110), 1.2, Qt::DashLine);
    markPen.setCosmetic(true);
    m_lrMarkPath->setPen(markPen);
    m_lrMarkPath->setZValue(500); // over the curves, under the hover label
    scene()->addItem(m_lrMarkPath);
    // The marks follow the plot when it is resized or laid out again and when the epoch axis changes.
    connect(c, &QChart::plotAreaChanged, this, &TrainingChart::updateMarkLines);
    // In the Train tab's splitter the old axis labels stayed beside the new ones after the legend wrapped or
    // the accuracy axis zoomed.
    repaintWholeWhenPlotMoves(this);
    connect(m_xAxis, &QValueAxis::rangeChanged, this, &TrainingChart::updateMarkLines);
    m_hover = new ChartHoverLabel(this, [this](const QXYSeries* s, QPointF p) { return describeHover(s, p); });
    m_legend = new ChartLegend(this);
}

QString TrainingChart::describeHover(const QXYSeries* series, QPointF point) const
{
    const QString text = describePoint(series, point);
    return text.isEmpty() ? text : text + learningRateNote(point.x());
}

void TrainingChart::attach(QAbstractSeries* series)
{
    chart()->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yAxis);
    connect(series, &QAbstractSeries::nameChanged, m_legend, &ChartLegend::refresh);
    m_legend->refresh();
}

QLineSeries* TrainingChart::addLine(const QString& name, const QColor& color, qreal width, Qt::PenStyle style)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::RoundCap);
    series->setPen(pen);
    attach(series);
    return series;
}

QScatterSeries* TrainingChart::addScatter(const QString& name, const QColor& color, qreal size)
{
    auto* series = new QScatterSeries;
    series->setName(name);
    series->setColor(color);
    series->setBorderColor(color.darker(130));
    series->setMarkerSize(size);
    attach(series);
    return series;
}

// Qt Charts lays out a tick per interval as soon as the range or the interval changes: the interval widens
// before the range grows and narrows after it shrinks, so that there are never more ticks than labels shown.
// (Setting 100,000 epochs after a 10-epoch run made 100,000 ticks: minutes of a frozen window and hundreds of
// MB, found by the soak test.)
void TrainingChart::setPlannedEpochs(int epochs)
{
    m_plannedEpochs = std::max(1, epochs);
    const double step = epochTickStep();
    if (step >= m_xAxis->tickInterval()) {
        setEpochTickStep(step);
        m_xAxis->setRange(0, m_plannedEpochs);
    } else {
        m_xAxis->setRange(0, m_plannedEpochs);
        setEpochTickStep(step);
    }
}

// As many epoch labels as fit the plot's width, one per kEpochLabelPixels at most, every 1, 2 or 5 times a
// power of ten epochs: eleven fixed labels in a narrow chart (beside the playground's plane) were all "...".
double TrainingChart::epochTickStep() const
{
    const double plotWidth = chart()->plotArea().width() > 0 ? chart()->plotArea().width() : 0.8 * width();
    const int most = std::clamp(int(plotWidth / kEpochLabelPixels), 1, 10);
    const double rough = double(m_plannedEpochs) / most;
    const double power = std::pow(10.0, std::floor(std::log10(std::max(rough, 1.0))));
    for (const double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * power >= rough)
            return factor * power;
    return power;
}

void TrainingChart::setEpochTickStep(double step)
{
    m_xAxis->setTickType(QValueAxis::TicksDynamic);
    m_xAxis->setTickAnchor(0);
    m_xAxis->setTickInterval(step);
}

void TrainingChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    setEpochTickStep(epochTickStep());
}

void TrainingChart::setYRange(double lo, double hi)
{
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return;
    if (m_logScale) {
        lo = std::max(lo, kLogFloor);
        hi = std::max(hi, lo * 10);
    } else if (hi <= lo) {
        hi = lo + 1;
    }
    if (auto* linear = qobject_cast<QValueAxis*>(m_yAxis); linear && m_niceNumbers) {
        // Ticks at 1, 2 or 5 times a power of ten (0, 0.5, 1, ... rather than 0, 0.64, 1.27, ...).
        const double rough = (hi - lo) / 5.0;
        const double power = std::pow(10.0, std::floor(std::log10(rough)));
        const double step = power * (rough <= power ? 1 : rough <= 2 * power ? 2 : rough <= 5 * power ? 5 : 10);
        lo = std::floor(lo / step + 1e-9) * step;
        hi = std::ceil(hi / step - 1e-9) * step;
        linear->setTickCount(int(std::lround((hi - lo) / step)) + 1);
    }
    m_yAxis->setRange(lo, hi);
    m_yMin = lo;
    m_yMax = hi;
}

void TrainingChart::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    m_hover->hide(); // the point under the mouse moves with the axis
    QAbstractAxis* axis = nullptr;
    if (on) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        auto* linear = new QValueAxis;
        linear->setLabelFormat(QStringLiteral("%g"));
        axis = linear;
    }
    axis->setTitleText(m_yAxis->titleText());
    const QList<QAbstractSeries*> series = chart()->series();
    chart()->removeAxis(m_yAxis);
    delete m_yAxis;
    m_yAxis = axis;
    chart()->addAxis(axis, Qt::AlignLeft);
    for (QAbstractSeries* s : series)
        s->attachAxis(axis);
}

void TrainingChart::markLearningRateChange(double x, float learningRate)
{
    // Not in the legend (one entry per change would crowd it); the hover text of the points beside a mark
    // names the change instead.
    m_lrMarks.push_back({x, learningRate});
    updateMarkLines();
}

// In the scene's coordinates, where the path is (the chart is at the scene's origin, but need not be).
QList<QLineF> TrainingChart::learningRateMarkLines() const
{
    QList<QLineF> lines;
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const double min = m_xAxis->min(), max = m_xAxis->max();
    if (plot.isEmpty() || !(max > min))
        return lines;
    for (const LrMark& mark : m_lrMarks) {
        if (mark.x < min || mark.x > max)
            continue;
        const double px = plot.left() + (mark.x - min) / (max - min) * plot.width();
        lines.append(QLineF(px, plot.top(), px, plot.bottom()));
    }
    return lines;
}

void TrainingChart::updateMarkLines()
{
    QPainterPath path;
    for (const QLineF& line : learningRateMarkLines()) {
        path.moveTo(line.p1());
        path.lineTo(line.p2());
    }
    m_lrMarkPath->setPath(path);
}

void TrainingChart::clearMarks()
{
    m_hover->hide();
    m_lrMarks.clear();
    updateMarkLines();
}

QString TrainingChart::learningRateNote(double x) const
{
    const double tolerance = (m_xAxis->max() - m_xAxis->min()) / 200.0;
    for (const LrMark& mark : m_lrMarks)
        if (std::abs(mark.x - x) <= tolerance)
            return tr("\nlearning rate changed to %1 here").arg(double(mark.learningRate), 0, 'g', 4);
    return {};
}

bool TrainingChart::savePng(const QString& path)
{
    return grab().save(path, "PNG");
}

} // namespace neurite::ui
