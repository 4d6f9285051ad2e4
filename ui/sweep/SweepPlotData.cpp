// Building the sweep plots' data from the plan and the finished runs (see SweepPlotData.h).
#include "sweep/SweepPlotData.h"

#include <neurite/SweepResults.h>

#include <algorithm>

namespace neurite::ui {

namespace {

std::vector<std::string> keysOf(const std::vector<PlannedRun>& plan)
{
    std::vector<std::string> keys;
    for (const PlannedRun& run : plan)
        for (const SweptValue& swept : run.swept)
            if (std::find(keys.begin(), keys.end(), swept.key) == keys.end())
                keys.push_back(swept.key);
    return keys;
}

std::string valueOf(const PlannedRun& run, const std::string& key)
{
    for (const SweptValue& swept : run.swept)
        if (swept.key == key)
            return swept.value;
    return {};
}

// The metric's scale over the finished runs' metrics (0 to 1 before any has one).
SweepAxisScale metricScaleOf(const std::vector<SweepPlotRun>& runs)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const SweepPlotRun& run : runs)
        if (run.hasMetric()) {
            low = std::min(low, run.metric);
            high = std::max(high, run.metric);
        }
    return std::isfinite(low) ? SweepAxisScale::linear(low, high) : SweepAxisScale::linear(0, 1);
}

} // namespace

SweepPlotData sweepPlotData(const std::vector<PlannedRun>& plan, const std::map<int, neurite::RunRecord>& finished)
{
    SweepPlotData data;
    data.keys = keysOf(plan);
    for (const PlannedRun& planned : plan) {
        SweepPlotRun run;
        run.name = planned.name;
        for (const std::string& key : data.keys)
            run.values.push_back(valueOf(planned, key));
        data.runs.push_back(std::move(run));
    }
    for (std::size_t k = 0; k < data.keys.size(); ++k) {
        std::vector<std::string> values;
        for (const SweepPlotRun& run : data.runs)
            values.push_back(run.values[k]);
        data.scales.push_back(SweepAxisScale::ofValues(values));
    }
    std::vector<neurite::RunRecord> records;
    std::vector<int> indexOfRecord;
    for (const auto& [index, record] : finished) {
        data.runs[std::size_t(index)].metric = runMetric(record);
        records.push_back(record);
        indexOfRecord.push_back(index);
    }
    data.metricScale = metricScaleOf(data.runs);
    if (!records.empty()) {
        data.metricName = QString::fromStdString(runMetricName(records.front()));
        const int first = indexOfRecord[rankRuns(records).front()];
        if (data.runs[std::size_t(first)].hasMetric())
            data.best = first;
    }
    return data;
}

} // namespace neurite::ui
