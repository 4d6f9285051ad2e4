// An experiment: a base design and settings plus swept values (training settings and layer options), and
// the runs a grid or random search over them plans. Plain values: the command line and the window plan the
// same runs, and SweepRunner.h trains them.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/RunRecord.h"
#include "neurite/TrainingSettings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace neurite {

// A range "lo..hi" a random search draws from log-uniformly (both ends > 0), e.g. lr=1e-4..1e-2.
struct SweepRange {
    double low = 0;
    double high = 0;
    bool operator==(const SweepRange&) const = default;
};

// One swept setting ("lr", "batch", "optimizer", ...; see sweepSettingKeys()) or layer option
// ("dense1.units", "dropout1.rate") and its values, as the user wrote them.
struct SweepAxis {
    std::string key;
    std::vector<std::string> values;
    std::optional<SweepRange> range; // instead of values; random search only
    bool operator==(const SweepAxis&) const = default;
};

enum class SearchKind { Grid, Random };

struct Experiment {
    NetworkSpec design;
    TrainingSettings settings;
    std::vector<SweepAxis> axes;
    SearchKind search = SearchKind::Grid;
    int budget = 0;               // random search: how many combinations to train
    std::uint64_t searchSeed = 1; // random search: which combinations (the same seed plans the same runs)
    int repeats = 1;              // each combination is trained with seeds seed, seed + 1, ... (noise)
};

// A run the experiment asks for: its name, its swept values, and the design and settings they give.
struct PlannedRun {
    std::string name; // "lr=0.001 batch=32", with " #2" for a repeat
    std::vector<SweptValue> swept;
    NetworkSpec design;
    TrainingSettings settings;
};

constexpr std::size_t kMaxSweepRuns = 100000;

// "lr=0.0003,0.001,0.003" or "dense1.units=32,64" or "lr=1e-4..1e-2"; throws NeuriteError saying what is
// wrong (no '=', no values, an empty value, a bad range).
SweepAxis parseSweepAxis(const std::string& text);

// The training settings a sweep can vary, with what each is: {"lr", "learning rate"}, ...
struct SweepSettingKey {
    const char* key;
    const char* meaning;
};
const std::vector<SweepSettingKey>& sweepSettingKeys();

// Sets `key` to `value` in the design or the settings. Throws NeuriteError naming the key and value: an
// unknown setting or layer, an option the layer type does not have (listing those it has), a value out of
// the option's range or not among its choices, settings that validateSettings refuses.
void applySweptValue(const std::string& key, const std::string& value, NetworkSpec& design, TrainingSettings& settings);

// How many combinations the grid holds (ranges do not count); kMaxSweepRuns + 1 when it is larger.
std::size_t gridSize(const Experiment& experiment);

// Every run, in order. Grid: every combination, the first axis changing slowest (as nested loops in the
// order the axes were given), each combination's repeats together. Random: `budget` combinations drawn
// without repetition (all of them when the grid is smaller), values of a range drawn log-uniformly (with
// a range the whole budget is trained: past the grid's size its combinations come again with new draws).
// Every value is checked (applySweptValue's errors) before any run is planned.
std::vector<PlannedRun> planSweep(const Experiment& experiment);

} // namespace neurite
