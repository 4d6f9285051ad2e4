// What a sweep can vary in a given design and settings: every training setting the engine's sweeps know
// (Sweep.h's sweepSettingKeys) and every option of the design's layers ("dense1.units"), each with what it
// is and the value it has now, which the sweep window offers as the first value of a new swept setting.
#pragma once

#include <neurite/NetworkSpec.h>
#include <neurite/TrainingSettings.h>

#include <QString>

#include <string>
#include <vector>

namespace neurite::ui {

struct SweepKeyChoice {
    std::string key;     // "lr", "dense1.units"
    QString meaning;     // "learning rate", "Dense: Units"
    std::string current; // the value it has in the base ("0.001", "128", "adam"); empty when not known
};

std::vector<SweepKeyChoice> sweepKeyChoices(const NetworkSpec& design, const TrainingSettings& settings);

} // namespace neurite::ui
