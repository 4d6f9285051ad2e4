// ProbabilityChart: a Qt Charts QHorizontalBarSeries in percent, updated in place so a redraw costs little.
#include "charts/ProbabilityChart.h"

#include "charts/PlotMoveRepaint.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>

namespace neurite::ui {

namespace {

const QColor kBarColour(120, 144, 180);
const QColor kTopColour(230, 126, 34);
// Rows that keep their label: with more classes the chart would outgrow a small window, and Qt Charts
// then leaves out the labels that do not fit.
constexpr int kLabelledRows = 20;
constexpr int kPercentTicks = 5; // 0, 25, 50, 75, 100%

} // namespace

// The chart is handed to QChartView's constructor: setChart() later would release (not delete) the default
// chart QChartView(parent) makes, and leak it with its legend, title and background items.
ProbabilityChart::ProbabilityChart(QWidget* parent)
    : QChartView(new QChart, parent), m_set(new QBarSet(tr("Probability"))), m_series(new QHorizontalBarSeries),
      m_classAxis(new QBarCategoryAxis), m_percentAxis(new QValueAxis)
{
    m_set->setColor(kBarColour);
    m_set->setBorderColor(kBarColour);
    m_set->setSelectedColor(kTopColour);
    m_series->append(m_set);
    m_series->setBarWidth(0.8);

    QChart* chart = this->chart();
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation); // a live view: every update must show at once
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    m_percentAxis->setRange(0, 100);
    m_percentAxis->setTickCount(kPercentTicks);
    m_percentAxis->setLabelFormat("%d%");
    chart->addAxis(m_classAxis, Qt::AlignLeft);
    chart->addAxis(m_percentAxis, Qt::AlignBottom);
    m_series->attachAxis(m_classAxis);
    m_series->attachAxis(m_percentAxis);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    repaintWholeWhenPlotMoves(this);
    setRenderHint(QPainter::Antialiasing);

    QStringList digits;
    for (int i = 0; i < 10; ++i)
        digits << QString::number(i);
    setClassNames(digits);
}

void ProbabilityChart::setClassNames(const QStringList& names)
{
    m_names = names;
    m_explained = -1;
    setClassAxisLabels();
    setMinimumSize(minimumWidthFor(names), minimumHeightFor(int(names.size())));
    m_set->remove(0, m_set->count());
    for (int i = 0; i < names.size(); ++i)
        m_set->append(0.0);
    clearProbabilities();
}

void ProbabilityChart::setProbabilities(const std::vector<float>& probabilities)
{
    const int n = std::min(int(probabilities.size()), int(m_set->count()));
    int top = -1;
    for (int i = 0; i < n; ++i) {
        m_set->replace(barOf(i), 100.0 * probabilities[std::size_t(i)]);
        if (top < 0 || probabilities[std::size_t(i)] > probabilities[std::size_t(top)])
            top = i;
    }
    if (top != m_top) {
        m_set->deselectAllBars();
        if (top >= 0)
            m_set->selectBar(barOf(top));
        m_top = top;
    }
    if (top >= 0)
        chart()->setTitle(
            tr("%1  ·  %2%").arg(m_names.value(top), QString::number(100.0 * probabilities[std::size_t(top)], 'f', 1)));
}

void ProbabilityChart::clearProbabilities(const QString& hint)
{
    for (int i = 0; i < m_set->count(); ++i)
        m_set->replace(i, 0.0);
    m_set->deselectAllBars();
    m_top = -1;
    chart()->setTitle(hint.isEmpty() ? tr("Draw a digit") : hint);
}

// Horizontal bars start at the bottom (and this axis ignores setReverse): the names go in last first so that
// the list reads from the top.
void ProbabilityChart::setClassAxisLabels()
{
    QStringList bottomUp;
    for (auto it = m_names.crbegin(); it != m_names.crend(); ++it)
        bottomUp << *it;
    m_classAxis->clear();
    m_classAxis->append(bottomUp);
}

// The title, one row per class with room for its label, the percent labels and the margins.
int ProbabilityChart::minimumHeightFor(int classes) const
{
    const QFontMetrics title(chart()->titleFont());
    const QFontMetrics labels(m_classAxis->labelsFont());
    const int rows = std::clamp(classes, 1, kLabelledRows);
    // Qt Charts shows a label only when its row is taller than the label's text item (the text plus its
    // margins, about 10 pixels); below that every label reads "...".
    return title.height() + rows * (labels.height() + 12) + 2 * labels.height() + 40;
}

// The longest class name beside the bars, and room for every percent label under them (Qt Charts leaves
// out labels that would touch).
int ProbabilityChart::minimumWidthFor(const QStringList& names) const
{
    const QFontMetrics labels(m_classAxis->labelsFont());
    int longest = 0;
    for (const QString& name : names)
        longest = std::max(longest, labels.horizontalAdvance(name));
    return longest + kPercentTicks * (labels.horizontalAdvance(QStringLiteral("100%")) + 14) + 40;
}

void ProbabilityChart::setExplainedClass(int classIndex)
{
    if (classIndex == m_explained)
        return;
    m_explained = classIndex;
    // A bar set has one colour for its selected bars (the top class): the explained class is marked on its
    // row's label instead.
    if (classIndex >= 0 && classIndex < m_names.size()) {
        QStringList bottomUp;
        for (int i = int(m_names.size()) - 1; i >= 0; --i)
            bottomUp << (i == classIndex ? QStringLiteral("▸ ") + m_names[i] : m_names[i]);
        m_classAxis->clear();
        m_classAxis->append(bottomUp);
    } else {
        setClassAxisLabels();
    }
}

// A click anywhere on a class's row picks that class: rows are easier to hit than a 2 % bar.
void ProbabilityChart::mousePressEvent(QMouseEvent* event)
{
    QChartView::mousePressEvent(event);
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (m_names.isEmpty() || at.y() < plot.top() || at.y() >= plot.bottom() || at.x() < 0)
        return;
    const int row = int((at.y() - plot.top()) / plot.height() * double(m_names.size()));
    const int classIndex = std::clamp(row, 0, int(m_names.size()) - 1);
    Q_EMIT classClicked(classIndex);
}

QPoint ProbabilityChart::barCentre(int classIndex) const
{
    const QRectF plot = chart()->plotArea();
    const double rowHeight = plot.height() / double(std::max<qsizetype>(1, m_names.size()));
    const QPointF inChart(plot.left() + plot.width() / 4, plot.top() + (classIndex + 0.5) * rowHeight);
    return mapFromScene(chart()->mapToScene(inChart));
}

int ProbabilityChart::barOf(int classIndex) const
{
    return int(m_set->count()) - 1 - classIndex;
}

QString ProbabilityChart::titleText() const
{
    return chart()->title();
}

double ProbabilityChart::barValue(int index) const
{
    return m_set->at(barOf(index));
}

bool ProbabilityChart::isHighlighted(int index) const
{
    return m_set->isBarSelected(barOf(index));
}

} // namespace neurite::ui
