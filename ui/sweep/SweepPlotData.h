// What the sweep's plots draw: one entry per planned run (its swept values and, once it has finished, its
// metric), the scales of the axes, the best run and the selected one. Plain values, built by the window from
// the plan and the finished runs, so that the parallel-coordinates plot and the scatter agree.
#pragma once

#include "sweep/SweepAxisScale.h"

#include <neurite/RunRecord.h>
#include <neurite/Sweep.h>

#include <QString>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace neurite::ui {

struct SweepPlotRun {
    std::string name;
    std::vector<std::string> values;                          // one per key of SweepPlotData::keys
    double metric = std::numeric_limits<double>::quiet_NaN(); // NaN until it has finished and been tested
    bool hasMetric() const { return std::isfinite(metric); }
};

struct SweepPlotData {
    std::vector<std::string> keys;      // the swept keys, in the plan's order ("lr", "dense1.units", "repeat")
    std::vector<SweepPlotRun> runs;     // in plan order
    std::vector<SweepAxisScale> scales; // one per key
    SweepAxisScale metricScale = SweepAxisScale::linear(0, 1);
    QString metricName = QStringLiteral("accuracy");
    int best = -1;     // the run rankRuns ranks first among the finished ones with a metric; -1 before any
    int selected = -1; // the run the user picked; -1 for none
};

// The plot data for `plan` with the runs finished so far (`finished`: plan index -> its record). The best run
// is the finished one rankRuns puts first, as the ranked table and the CSV do.
SweepPlotData sweepPlotData(const std::vector<PlannedRun>& plan, const std::map<int, neurite::RunRecord>& finished);

} // namespace neurite::ui
