// Keeps at most kMaxKeptPoints points of a curve and draws at most kMaxDrawnPoints, both by averaging.
#pragma once

#include <QList>
#include <QPointF>

#include <algorithm>
#include <cstdint>
#include <vector>

class QXYSeries;

namespace neurite::ui {

// Owns the data of one curve; the QXYSeries it feeds shows bucket means. When the drawn points would pass
// the limit the bucket doubles and the series is rebuilt once, so appending stays cheap however long the run
// (100 epochs x 2,000 batches draws at most 1,000 points, not 200,000). The points kept are bounded too, for a run
// of days: when they reach kMaxKeptPoints each pair becomes its mean, and from then on every point kept is the
// mean of twice as many appended ones. A drawn point is the mean of the same appended points either way.
class DownsampledSeries {
public:
    static constexpr int kMaxDrawnPoints = 1000;
    static constexpr int kMaxKeptPoints = 8000; // even: kept points merge in pairs

    // Draws at most `maxDrawnPoints` (1 to kMaxDrawnPoints): a line of a few hundred epochs needs fewer
    // points than one of many thousand batches to look the same, and each drawn point costs every paint.
    explicit DownsampledSeries(QXYSeries* series = nullptr, int maxDrawnPoints = kMaxDrawnPoints)
        : m_series(series), m_maxDrawn(std::clamp(maxDrawnPoints, 1, kMaxDrawnPoints))
    {
    }
    void setSeries(QXYSeries* series);

    // Deferred, the series changes only on publish(): a chart fed many reports in one go restrokes its
    // lines once rather than once per report.
    void setDeferred(bool deferred) { m_deferred = deferred; }
    // Gives the series the drawn points, when they changed since it was last given them.
    void publish();

    // Adds points to the full data and the finished buckets to the series (one repaint per call, unless
    // deferred).
    void append(const std::vector<QPointF>& points);
    void append(QPointF point) { append(std::vector<QPointF>{point}); }
    void clear();
    // Redraws everything (after a bucket change, or when the y values must be mapped again).
    void rebuild();

    // The points kept: those appended while fewer than kMaxKeptPoints, then means of appendedPerKept() of them.
    const std::vector<QPointF>& points() const { return m_points; }
    int appendedPerKept() const { return m_merged; }
    // Every point appended since the last clear(), kept or merged.
    std::int64_t appendedCount() const { return m_appended; }
    // Kept points per drawn point.
    int bucketSize() const { return m_bucket; }
    int maxDrawnPoints() const { return m_maxDrawn; }
    // Appended points per drawn point.
    std::int64_t appendedPerDrawn() const { return std::int64_t(m_bucket) * m_merged; }
    int drawnCount() const;
    // The stored point nearest to `x` (by x), or nullptr when empty.
    const QPointF* nearest(double x) const;
    // y range of the drawn points (what the axis has to show).
    double drawnMin() const { return m_min; }
    double drawnMax() const { return m_max; }

private:
    // Adds one appended point; true when the kept points were merged in pairs (the series needs a rebuild).
    bool keep(QPointF point);
    void mergePairs();
    QPointF flushBucket();
    void track(QPointF p);
    void drawnChanged();

    QXYSeries* m_series;
    int m_maxDrawn;
    std::vector<QPointF> m_points;
    QList<QPointF> m_drawn; // what the series shows
    int m_merged = 1;       // appended points per kept point
    QPointF m_pendingSum;   // of the appended points not yet kept (fewer than m_merged)
    int m_pendingCount = 0;
    std::int64_t m_appended = 0;
    int m_bucket = 1;            // kept points per drawn point
    std::size_t m_drawnUpTo = 0; // points before this index are in drawn buckets
    double m_min = 0, m_max = 0;
    bool m_hasRange = false;
    bool m_deferred = false;
    bool m_stale = false; // the series shows less than m_drawn
};

} // namespace neurite::ui
