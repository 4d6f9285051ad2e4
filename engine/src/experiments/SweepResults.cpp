// Ranking runs and writing them as CSV.
#include "neurite/SweepResults.h"

#include "io/AtomicFile.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace neurite {

namespace {

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csvNumber(double value)
{
    if (!std::isfinite(value))
        return "";
    std::ostringstream out;
    out.precision(9);
    out << value;
    return out.str();
}

} // namespace

std::vector<std::size_t> rankRuns(const std::vector<RunRecord>& runs)
{
    std::vector<std::size_t> order(runs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&runs](std::size_t a, std::size_t b) {
        const double ma = runMetric(runs[a]), mb = runMetric(runs[b]);
        if (std::isnan(mb))
            return !std::isnan(ma);
        return !std::isnan(ma) && ma > mb;
    });
    return order;
}

std::vector<std::string> sweptKeys(const std::vector<RunRecord>& runs)
{
    std::vector<std::string> keys;
    for (const RunRecord& run : runs)
        for (const SweptValue& s : run.swept)
            if (std::find(keys.begin(), keys.end(), s.key) == keys.end())
                keys.push_back(s.key);
    return keys;
}

std::string sweptValue(const RunRecord& run, const std::string& key)
{
    for (const SweptValue& s : run.swept)
        if (s.key == key)
            return s.value;
    return "";
}

std::string sweepResultsCsv(const std::vector<RunRecord>& runs)
{
    const std::vector<std::string> keys = sweptKeys(runs);
    std::string text = "rank,name";
    for (const std::string& key : keys)
        text += "," + csvField(key);
    text += ",metric,test_accuracy,test_loss,r2,best_validation,epochs,seconds,outcome\n";
    const std::vector<std::size_t> order = rankRuns(runs);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const RunRecord& run = runs[order[rank]];
        text += std::to_string(rank + 1) + "," + csvField(run.name);
        for (const std::string& key : keys)
            text += "," + csvField(sweptValue(run, key));
        text += "," + csvNumber(runMetric(run)) + "," + csvNumber(run.test.accuracy) + "," + csvNumber(run.test.loss) +
                "," + csvNumber(run.test.r2) + "," + csvNumber(bestValidation(run)) + "," +
                std::to_string(run.history.epochs.size()) + "," + csvNumber(run.seconds) + "," +
                runOutcomeName(run.outcome) + "\n";
    }
    return text;
}

void saveSweepResultsCsv(const std::vector<RunRecord>& runs, const std::string& path)
{
    writeFileAtomically(path, sweepResultsCsv(runs));
}

} // namespace neurite
