// Parsing swept values and planning an experiment's runs: the grid's combinations in order, or a random
// sample of them without repetition.
#include "neurite/Error.h"
#include "neurite/Sweep.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <set>

namespace neurite {

namespace {

std::vector<std::string> splitList(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            return parts;
        start = end + 1;
    }
}

std::string trimmed(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(" \t");
    const std::size_t last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

SweepRange parseRange(const std::string& key, const std::string& text, std::size_t dots)
{
    const std::string low = trimmed(text.substr(0, dots)), high = trimmed(text.substr(dots + 2));
    char* end = nullptr;
    SweepRange range;
    range.low = std::strtod(low.c_str(), &end);
    const bool lowOk = !low.empty() && end == low.c_str() + low.size();
    range.high = std::strtod(high.c_str(), &end);
    const bool highOk = !high.empty() && end == high.c_str() + high.size();
    if (!lowOk || !highOk || !(range.low > 0) || !(range.high > range.low) || !std::isfinite(range.high))
        throw NeuriteError(key + "=" + text + ": a range is LOW..HIGH with 0 < LOW < HIGH (drawn log-uniformly)");
    return range;
}

// A value drawn from a range, written with 3 significant digits ("0.00123").
std::string drawFromRange(const SweepRange& range, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> uniform(std::log(range.low), std::log(range.high));
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", std::exp(uniform(rng)));
    return text;
}

void checkValues(const Experiment& experiment)
{
    for (const SweepAxis& axis : experiment.axes) {
        if (axis.range && experiment.search != SearchKind::Random)
            throw NeuriteError(axis.key + ": a range (LOW..HIGH) needs random search (give values for a grid)");
        NetworkSpec design = experiment.design;
        TrainingSettings settings = experiment.settings;
        for (const std::string& value : axis.values)
            applySweptValue(axis.key, value, design, settings);
        if (axis.range) {
            char low[32];
            std::snprintf(low, sizeof low, "%.17g", axis.range->low);
            applySweptValue(axis.key, low, design, settings);
        }
    }
    if (experiment.repeats < 1)
        throw NeuriteError("repeats must be at least 1");
    if (experiment.search == SearchKind::Random && experiment.budget < 1)
        throw NeuriteError("a random search needs a budget of at least 1 run");
}

// The combination number `index` of the grid: one value index per discrete axis, the first axis slowest.
std::vector<std::size_t> combination(const Experiment& experiment, std::size_t index)
{
    std::vector<std::size_t> choice(experiment.axes.size(), 0);
    for (std::size_t a = experiment.axes.size(); a-- > 0;) {
        const SweepAxis& axis = experiment.axes[a];
        if (axis.range)
            continue;
        choice[a] = index % axis.values.size();
        index /= axis.values.size();
    }
    return choice;
}

// Which grid combinations a random search trains: `budget` distinct ones (a partial Fisher-Yates shuffle of
// the grid's indices, so the same seed picks the same ones in the same order).
std::vector<std::size_t> randomCombinations(std::size_t grid, std::size_t budget, std::mt19937_64& rng)
{
    std::vector<std::size_t> indices(grid);
    std::iota(indices.begin(), indices.end(), std::size_t(0));
    budget = std::min(budget, grid);
    for (std::size_t i = 0; i < budget; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, grid - 1);
        std::swap(indices[i], indices[pick(rng)]);
    }
    indices.resize(budget);
    return indices;
}

std::string runName(const std::vector<SweptValue>& swept, int repeat, int repeats)
{
    std::string name;
    for (const SweptValue& s : swept)
        if (s.key != "repeat")
            name += (name.empty() ? "" : " ") + s.key + "=" + s.value;
    if (name.empty())
        name = "baseline";
    return repeats > 1 ? name + " #" + std::to_string(repeat + 1) : name;
}

// The runs of one combination (its repeats), with the range axes' drawn values.
void addCombination(const Experiment& experiment, const std::vector<std::size_t>& choice, std::mt19937_64& rng,
                    std::vector<PlannedRun>& runs)
{
    std::vector<SweptValue> swept;
    for (std::size_t a = 0; a < experiment.axes.size(); ++a) {
        const SweepAxis& axis = experiment.axes[a];
        swept.push_back({axis.key, axis.range ? drawFromRange(*axis.range, rng) : axis.values[choice[a]]});
    }
    for (int r = 0; r < experiment.repeats; ++r) {
        PlannedRun run{{}, swept, experiment.design, experiment.settings};
        for (const SweptValue& s : swept)
            applySweptValue(s.key, s.value, run.design, run.settings);
        if (experiment.repeats > 1) {
            run.settings.seed += std::uint64_t(r);
            run.swept.push_back({"repeat", std::to_string(r + 1)});
        }
        run.name = runName(run.swept, r, experiment.repeats);
        runs.push_back(std::move(run));
    }
}

} // namespace

SweepAxis parseSweepAxis(const std::string& text)
{
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos)
        throw NeuriteError("'" + text + "': expected NAME=VALUE,VALUE,... (e.g. lr=0.001,0.01 or dense1.units=32,64)");
    SweepAxis axis;
    axis.key = trimmed(text.substr(0, equals));
    const std::string values = text.substr(equals + 1);
    if (axis.key.empty())
        throw NeuriteError("'" + text + "': the name before '=' is missing");
    if (const std::size_t dots = values.find(".."); dots != std::string::npos) {
        axis.range = parseRange(axis.key, values, dots);
        return axis;
    }
    for (const std::string& value : splitList(values, ',')) {
        if (trimmed(value).empty())
            throw NeuriteError(axis.key + "=" + values + ": an empty value");
        axis.values.push_back(trimmed(value));
    }
    return axis;
}

std::size_t gridSize(const Experiment& experiment)
{
    std::size_t size = 1;
    for (const SweepAxis& axis : experiment.axes) {
        if (axis.range)
            continue;
        size *= std::max<std::size_t>(axis.values.size(), 1);
        if (size > kMaxSweepRuns)
            return kMaxSweepRuns + 1;
    }
    return size;
}

std::vector<PlannedRun> planSweep(const Experiment& experiment)
{
    checkValues(experiment);
    const std::size_t grid = gridSize(experiment);
    const bool random = experiment.search == SearchKind::Random;
    // A range gives every run a new value, so a search with one always trains its whole budget.
    const bool hasRange = std::any_of(experiment.axes.begin(), experiment.axes.end(),
                                      [](const SweepAxis& a) { return a.range.has_value(); });
    const std::size_t budget = random ? std::size_t(experiment.budget) : 0;
    const std::size_t combinations = !random ? grid : hasRange ? budget : std::min(grid, budget);
    if (grid > kMaxSweepRuns || combinations * std::size_t(experiment.repeats) > kMaxSweepRuns)
        throw NeuriteError("the sweep asks for more than " + std::to_string(kMaxSweepRuns) + " runs");
    std::mt19937_64 rng(experiment.searchSeed);
    std::vector<std::size_t> order(grid);
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (random)
        order = randomCombinations(grid, std::min(grid, budget), rng);
    std::vector<PlannedRun> runs;
    // Past the grid's size, a search with a range takes the combinations again with new drawn values.
    for (std::size_t i = 0; i < combinations; ++i)
        addCombination(experiment, combination(experiment, order[i % order.size()]), rng, runs);
    return runs;
}

} // namespace neurite
