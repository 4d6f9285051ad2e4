// What a run is ranked by, its outcome's names and its date stamp.
#include "neurite/RunRecord.h"

#include <chrono>
#include <cmath>
#include <ctime>

namespace neurite {

double runMetric(const RunRecord& run)
{
    return run.test.regression ? run.test.r2 : double(run.test.accuracy);
}

std::string runMetricName(const RunRecord& run)
{
    return run.test.regression ? "R\u00b2" : "accuracy";
}

double bestValidation(const RunRecord& run)
{
    double best = std::nan("");
    for (const EpochReport& e : run.history.epochs) {
        const double value = run.test.regression ? e.validationLoss : e.validationAccuracy;
        if (std::isnan(value))
            continue;
        const bool better = run.test.regression ? value < best : value > best;
        if (std::isnan(best) || better)
            best = value;
    }
    return best;
}

namespace {

struct OutcomeName {
    RunOutcome outcome;
    const char* name;
};

constexpr OutcomeName kOutcomeNames[] = {{RunOutcome::Completed, "completed"},
                                         {RunOutcome::Stopped, "stopped"},
                                         {RunOutcome::EarlyStopped, "early-stopped"},
                                         {RunOutcome::Diverged, "diverged"}};

} // namespace

const char* runOutcomeName(RunOutcome outcome)
{
    for (const OutcomeName& entry : kOutcomeNames)
        if (entry.outcome == outcome)
            return entry.name;
    return "completed";
}

std::optional<RunOutcome> runOutcomeFromName(const std::string& name)
{
    for (const OutcomeName& entry : kOutcomeNames)
        if (name == entry.name)
            return entry.outcome;
    return std::nullopt;
}

std::string currentRunDate()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace neurite
