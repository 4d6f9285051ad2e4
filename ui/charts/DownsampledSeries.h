// Keeps every point of a curve but draws at most kMaxDrawnPoints of them, by averaging buckets.
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

class QXYSeries;

namespace neurite::ui {

// Owns the full data of one curve; the QXYSeries it feeds shows bucket means. When the drawn points would
// pass the limit the bucket doubles and the series is rebuilt once, so appending stays cheap however long
// the run (100 epochs x 2,000 batches draws ~2,000 points, not 200,000).
class DownsampledSeries {
public:
    static constexpr int kMaxDrawnPoints = 2000;

    explicit DownsampledSeries(QXYSeries* series = nullptr) : m_series(series) {}
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

    const std::vector<QPointF>& points() const { return m_points; }
    int bucketSize() const { return m_bucket; }
    int drawnCount() const;
    // The stored point nearest to `x` (by x), or nullptr when empty.
    const QPointF* nearest(double x) const;
    // y range of the drawn points (what the axis has to show).
    double drawnMin() const { return m_min; }
    double drawnMax() const { return m_max; }

private:
    QPointF flushBucket();
    void track(QPointF p);
    void drawnChanged();

    QXYSeries* m_series;
    std::vector<QPointF> m_points;
    QList<QPointF> m_drawn; // what the series shows
    int m_bucket = 1;
    std::size_t m_drawnUpTo = 0; // points before this index are in drawn buckets
    double m_min = 0, m_max = 0;
    bool m_hasRange = false;
    bool m_deferred = false;
    bool m_stale = false; // the series shows less than m_drawn
};

} // namespace neurite::ui
