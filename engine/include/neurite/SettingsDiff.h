// The settings that differ between two runs, for the side-by-side comparison: only what differs, by the
// names project files use ("optimizer.learningRate", "batchSize", "augmentation.rotation").
#pragma once

#include "neurite/RunRecord.h"
#include "neurite/TrainingSettings.h"

#include <string>
#include <vector>

namespace neurite {

struct SettingDifference {
    std::string key;
    std::string before; // as the project file writes it: 0.001, "adam", true
    std::string after;
    bool operator==(const SettingDifference&) const = default;
};

// In the order the project file lists the settings.
std::vector<SettingDifference> settingsDiff(const TrainingSettings& before, const TrainingSettings& after);

// The settings' differences, the data set's ("dataSet") and a "design" line when the designs differ (its
// details come from DesignDiff.h).
std::vector<SettingDifference> runSettingsDiff(const RunRecord& before, const RunRecord& after);

} // namespace neurite
