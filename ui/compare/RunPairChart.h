// Two runs' curves of one quantity overlaid: each run's training curve (its batches, smoothed as the live
// chart smooths them) as a solid line and its validation curve (per epoch) dashed, in the run's colour.
#pragma once

#include <QChartView>

namespace neurite {
struct RunRecord;
} // namespace neurite

namespace neurite::ui {

class RunPairChart : public QChartView {
    Q_OBJECT
public:
    enum class Quantity { Loss, Accuracy };

    RunPairChart(Quantity quantity, QWidget* parent = nullptr);

    void setRuns(const neurite::RunRecord& a, const neurite::RunRecord& b);

    // The first run's colour, then the second's (the test columns' titles use them too).
    static QColor runColor(int index);

private:
    void addRun(const neurite::RunRecord& run, int index);

    Quantity m_quantity;
};

} // namespace neurite::ui
