// Draws the range test's curve (see LearningRateChart.h).
#include "insight/LearningRateChart.h"

#include "charts/PlotMoveRepaint.h"

#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
const QColor kCurveColour(31, 119, 180);
const QColor kSuggestionColour(214, 39, 40);
} // namespace

LearningRateChart::LearningRateChart(QWidget* parent)
    : QChartView(new QChart, parent), m_xAxis(new QLogValueAxis), m_yAxis(new QValueAxis), m_raw(new QScatterSeries),
      m_smoothed(new QLineSeries), m_suggestedLine(new QLineSeries), m_suggested(new QScatterSeries)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    QChart* c = chart();
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setAnimationOptions(QChart::NoAnimation);
    repaintWholeWhenPlotMoves(this); // the loss axis' labels widen as the sweep climbs
    m_xAxis->setBase(10);
    m_xAxis->setLabelFormat(QStringLiteral("%.0e"));
    m_xAxis->setTitleText(tr("learning rate (log scale)"));
    m_yAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_yAxis->setTitleText(tr("loss"));
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    QColor faint = kCurveColour;
    faint.setAlpha(70);
    m_raw->setName(tr("loss of each batch"));
    m_raw->setColor(faint);
    m_raw->setBorderColor(Qt::transparent);
    m_raw->setMarkerSize(5);
    m_smoothed->setName(tr("smoothed loss"));
    m_smoothed->setPen(QPen(kCurveColour, 2.2));
    m_suggestedLine->setName(tr("suggested rate"));
    m_suggestedLine->setPen(QPen(kSuggestionColour, 1.4, Qt::DashLine));
    m_suggested->setColor(kSuggestionColour);
    m_suggested->setMarkerSize(11);
    for (QAbstractSeries* series :
         std::initializer_list<QAbstractSeries*>{m_raw, m_smoothed, m_suggestedLine, m_suggested}) {
        c->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    c->legend()->markers(m_suggested).first()->setVisible(false); // the dashed line names the mark
    c->legend()->setAlignment(Qt::AlignBottom);
}

void LearningRateChart::reset(const LearningRateFinderSettings& finder)
{
    m_points.clear();
    m_raw->clear();
    m_smoothed->clear();
    m_suggestedLine->clear();
    m_suggested->clear();
    m_stride = std::max(1, (finder.steps + kDrawnPoints - 1) / kDrawnPoints);
    m_xAxis->setRange(finder.minLearningRate, finder.maxLearningRate);
    m_yAxis->setRange(0, 1);
}

void LearningRateChart::addPoints(const std::vector<LearningRatePoint>& points)
{
    QList<QPointF> raw, smoothed;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if ((m_points.size() + i) % std::size_t(m_stride) != 0)
            continue;
        raw.append(QPointF(points[i].learningRate, points[i].loss));
        smoothed.append(QPointF(points[i].learningRate, points[i].smoothedLoss));
    }
    m_raw->append(raw);
    m_smoothed->append(smoothed);
    m_points.insert(m_points.end(), points.begin(), points.end());
    fitLossAxis();
}

// From a little below the lowest loss (the raw losses lead the smoothed ones down) to a little above the first
// smoothed ones: the diverging end and the noisiest raw losses run off the top rather than flatten the part of
// the curve that matters.
void LearningRateChart::fitLossAxis()
{
    if (m_points.empty())
        return;
    double lowest = m_points.front().smoothedLoss, start = 0;
    const std::size_t head = std::min<std::size_t>(m_points.size(), 10);
    for (std::size_t i = 0; i < head; ++i)
        start = std::max(start, double(m_points[i].smoothedLoss));
    for (const LearningRatePoint& p : m_points)
        lowest = std::min({lowest, double(p.smoothedLoss), double(p.loss)});
    const double span = std::max(1e-6, start - lowest);
    m_yAxis->setRange(std::max(0.0, lowest - 0.1 * span), start + 0.35 * span);
    m_yAxis->applyNiceNumbers();
}

void LearningRateChart::showSuggestion(const LearningRateSuggestion& suggestion)
{
    m_suggestedLine->clear();
    m_suggested->clear();
    if (!suggestion.found || suggestion.index < 0 || suggestion.index >= int(m_points.size()))
        return;
    const LearningRatePoint& p = m_points[std::size_t(suggestion.index)];
    m_suggestedLine->append(p.learningRate, m_yAxis->min());
    m_suggestedLine->append(p.learningRate, m_yAxis->max());
    m_suggested->append(p.learningRate, p.smoothedLoss);
}

} // namespace neurite::ui
