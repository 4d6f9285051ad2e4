// Keeps at most kMaxKeptPoints points of a curve and draws at most maxDrawnPoints(), both by averaging.
#include "charts/DownsampledSeries.h"

#include <QXYSeries>

#include <algorithm>

namespace neurite::ui {

void DownsampledSeries::setSeries(QXYSeries* series)
{
    m_series = series;
    rebuild();
}

void DownsampledSeries::clear()
{
    m_points.clear();
    m_merged = 1;
    m_pendingSum = QPointF();
    m_pendingCount = 0;
    m_appended = 0;
    m_drawn.clear();
    m_bucket = 1;
    m_drawnUpTo = 0;
    m_hasRange = false;
    m_min = m_max = 0;
    m_stale = false;
    if (m_series)
        m_series->clear();
}

void DownsampledSeries::publish()
{
    if (m_stale && m_series)
        m_series->replace(m_drawn);
    m_stale = false;
}

void DownsampledSeries::drawnChanged()
{
    m_stale = true;
    if (!m_deferred)
        publish();
}

int DownsampledSeries::drawnCount() const
{
    return int(m_drawn.size());
}

void DownsampledSeries::track(QPointF p)
{
    if (!m_hasRange) {
        m_min = m_max = p.y();
        m_hasRange = true;
    }
    m_min = std::min(m_min, p.y());
    m_max = std::max(m_max, p.y());
}

QPointF DownsampledSeries::flushBucket()
{
    double x = 0, y = 0;
    for (std::size_t i = m_drawnUpTo; i < m_drawnUpTo + std::size_t(m_bucket); ++i) {
        x += m_points[i].x();
        y += m_points[i].y();
    }
    m_drawnUpTo += std::size_t(m_bucket);
    const QPointF mean(x / m_bucket, y / m_bucket);
    track(mean);
    return mean;
}

bool DownsampledSeries::keep(QPointF point)
{
    ++m_appended;
    m_pendingSum += point;
    if (++m_pendingCount < m_merged)
        return false;
    m_points.push_back(m_pendingSum / m_merged);
    m_pendingSum = QPointF();
    m_pendingCount = 0;
    if (m_points.size() < std::size_t(kMaxKeptPoints))
        return false;
    mergePairs();
    return true;
}

// Each pair of kept points becomes its mean; a drawn bucket then holds half as many kept points, which are
// the same appended ones, so the drawn line does not move.
void DownsampledSeries::mergePairs()
{
    for (std::size_t i = 0; 2 * i + 1 < m_points.size(); ++i)
        m_points[i] = (m_points[2 * i] + m_points[2 * i + 1]) / 2.0;
    m_points.resize(m_points.size() / 2);
    m_merged *= 2;
    m_bucket = std::max(1, m_bucket / 2);
}

void DownsampledSeries::append(const std::vector<QPointF>& points)
{
    bool merged = false;
    for (QPointF p : points)
        merged = keep(p) || merged;
    if (merged || m_points.size() / std::size_t(m_bucket) > std::size_t(m_maxDrawn)) {
        while (m_points.size() / std::size_t(m_bucket) > std::size_t(m_maxDrawn))
            m_bucket *= 2;
        rebuild();
        return;
    }
    const qsizetype before = m_drawn.size();
    while (m_drawnUpTo + std::size_t(m_bucket) <= m_points.size())
        m_drawn.append(flushBucket());
    // replace() redraws once; append(list) would re-stroke the whole line for every added point.
    if (m_drawn.size() != before)
        drawnChanged();
}

void DownsampledSeries::rebuild()
{
    m_drawnUpTo = 0;
    m_hasRange = false;
    m_drawn.clear();
    m_drawn.reserve(qsizetype(m_points.size() / std::size_t(m_bucket)));
    while (m_drawnUpTo + std::size_t(m_bucket) <= m_points.size())
        m_drawn.append(flushBucket());
    drawnChanged();
}

const QPointF* DownsampledSeries::nearest(double x) const
{
    if (m_points.empty())
        return nullptr;
    // Points arrive in x order.
    auto it = std::lower_bound(m_points.begin(), m_points.end(), x,
                               [](const QPointF& p, double value) { return p.x() < value; });
    if (it == m_points.end())
        return &m_points.back();
    if (it != m_points.begin() && x - std::prev(it)->x() < it->x() - x)
        --it;
    return &*it;
}

} // namespace neurite::ui
