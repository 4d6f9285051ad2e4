// DownsampledSeries: what it keeps and what it draws are means of the appended points, both bounded however
// many arrive, and the drawn line does not move when the kept points merge.
#include "charts/DownsampledSeries.h"

#include <QLineSeries>
#include <QtTest>

#include <random>

using namespace neurite::ui;

namespace {

// The means of each full group of `group` consecutive points (a partial group at the end is left out).
std::vector<QPointF> groupMeans(const std::vector<QPointF>& points, std::int64_t group)
{
    std::vector<QPointF> means;
    for (std::size_t start = 0; start + std::size_t(group) <= points.size(); start += std::size_t(group)) {
        QPointF sum;
        for (std::size_t i = start; i < start + std::size_t(group); ++i)
            sum += points[i];
        means.push_back(sum / double(group));
    }
    return means;
}

void compareClose(const QPointF& got, const QPointF& want)
{
    QVERIFY2(std::abs(got.x() - want.x()) <= 1e-9 * std::max(1.0, std::abs(want.x())) &&
                 std::abs(got.y() - want.y()) <= 1e-9 * std::max(1.0, std::abs(want.y())),
             qPrintable(QStringLiteral("(%1, %2) != (%3, %4)")
                            .arg(got.x(), 0, 'g', 17)
                            .arg(got.y(), 0, 'g', 17)
                            .arg(want.x(), 0, 'g', 17)
                            .arg(want.y(), 0, 'g', 17)));
}

} // namespace

class TestDownsampledSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsAndDrawsBoundedMeans_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {1, 1999, 2001, 7999, 8000, 8001, 16000, 100000, 300001})
            QTest::newRow(qPrintable(QString::number(count))) << count;
    }
    void keepsAndDrawsBoundedMeans()
    {
        QFETCH(int, count);
        QLineSeries line;
        DownsampledSeries series(&line);
        std::mt19937 random{std::uint32_t(count)};
        std::uniform_real_distribution<double> value(-3, 5);
        std::uniform_int_distribution<int> chunk(1, 700); // as reports arrive: in groups of any size
        std::vector<QPointF> all;
        while (int(all.size()) < count) {
            std::vector<QPointF> group;
            for (int n = chunk(random); n > 0 && int(all.size()) < count; --n) {
                all.emplace_back(double(all.size()) / 100, value(random));
                group.push_back(all.back());
            }
            series.append(group);
            QVERIFY(series.points().size() < std::size_t(DownsampledSeries::kMaxKeptPoints));
            QVERIFY(series.drawnCount() <= DownsampledSeries::kMaxDrawnPoints);
        }
        QCOMPARE(series.appendedCount(), std::int64_t(count));
        QCOMPARE(series.appendedPerDrawn(), std::int64_t(series.bucketSize()) * series.appendedPerKept());
        if (count < DownsampledSeries::kMaxKeptPoints)
            QCOMPARE(series.appendedPerKept(), 1); // short runs keep every point as it came

        const std::vector<QPointF> kept = groupMeans(all, series.appendedPerKept());
        QCOMPARE(series.points().size(), kept.size());
        for (std::size_t i = 0; i < kept.size(); ++i)
            compareClose(series.points()[i], kept[i]);

        const std::vector<QPointF> drawn = groupMeans(all, series.appendedPerDrawn());
        QCOMPARE(line.count(), int(drawn.size()));
        for (std::size_t i = 0; i < drawn.size(); ++i)
            compareClose(line.at(int(i)), drawn[i]);
        if (count > 2 * DownsampledSeries::kMaxDrawnPoints)
            QVERIFY(series.drawnCount() > DownsampledSeries::kMaxDrawnPoints / 2); // no coarser than needed
    }

    void clearForgetsTheMerging()
    {
        DownsampledSeries series;
        std::vector<QPointF> many;
        for (int i = 0; i < 20000; ++i)
            many.emplace_back(i, i % 7);
        series.append(many);
        QVERIFY(series.appendedPerKept() > 1);
        series.clear();
        QCOMPARE(series.appendedCount(), std::int64_t(0));
        QCOMPARE(series.appendedPerKept(), 1);
        series.append(QPointF(1, 2));
        QCOMPARE(series.points().size(), std::size_t(1));
        QCOMPARE(series.points().front(), QPointF(1, 2));
    }
};

QTEST_MAIN(TestDownsampledSeries)
#include "tst_downsampledseries.moc"
