// Per-class precision, recall and F1 read off a confusion matrix, so that a run kept with only its matrix
// shows the same scores as the evaluation that produced it.
#pragma once

#include <vector>

namespace neurite {

struct ClassScores {
    std::vector<float> precision; // per class: right among those predicted as the class (0 when none was)
    std::vector<float> recall;    // per class: found among those truly of the class (0 when there were none)
    std::vector<float> f1;        // their harmonic mean (0 when both are 0)
    std::vector<long> support;    // per class: how many samples truly are of it (the row's sum)
};

// `confusion`: [true][predicted], square.
ClassScores classScores(const std::vector<std::vector<int>>& confusion);

} // namespace neurite
