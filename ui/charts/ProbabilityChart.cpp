// ProbabilityChart: a Qt Charts QBarSeries in percent, updated in place so a redraw costs little.
#include "charts/ProbabilityChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

namespace neurite::ui {

namespace {

const QColor kBarColour(120, 144, 180);
const QColor kTopColour(230, 126, 34);
constexpr int kLongNameLength = 4; // longer class names are drawn slanted so they do not overlap

} // namespace

ProbabilityChart::ProbabilityChart(QWidget* parent)
    : QChartView(parent), m_set(new QBarSet(tr("Probability"))), m_series(new QBarSeries),
      m_axisX(new QBarCategoryAxis), m_axisY(new QValueAxis)
{
    m_set->setColor(kBarColour);
    m_set->setBorderColor(kBarColour);
    m_set->setSelectedColor(kTopColour);
    m_series->append(m_set);
    m_series->setBarWidth(0.8);

    auto* chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation); // a live view: every update must show at once
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    m_axisY->setRange(0, 100);
    m_axisY->setTickCount(6);
    m_axisY->setLabelFormat("%d%");
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 220);

    QStringList digits;
    for (int i = 0; i < 10; ++i)
        digits << QString::number(i);
    setClassNames(digits);
}

void ProbabilityChart::setClassNames(const QStringList& names)
{
    m_names = names;
    m_axisX->clear();
    m_axisX->append(names);
    bool longNames = false;
    for (const QString& name : names)
        longNames = longNames || name.size() > kLongNameLength;
    m_axisX->setLabelsAngle(longNames ? -40 : 0);
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
        m_set->replace(i, 100.0 * probabilities[std::size_t(i)]);
        if (top < 0 || probabilities[std::size_t(i)] > probabilities[std::size_t(top)])
            top = i;
    }
    if (top != m_top) {
        m_set->deselectAllBars();
        if (top >= 0)
            m_set->selectBar(top);
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

QString ProbabilityChart::titleText() const
{
    return chart()->title();
}

double ProbabilityChart::barValue(int index) const
{
    return m_set->at(index);
}

bool ProbabilityChart::isHighlighted(int index) const
{
    return m_set->isBarSelected(index);
}

} // namespace neurite::ui
