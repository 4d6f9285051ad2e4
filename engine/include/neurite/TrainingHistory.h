// What a training run reports and keeps: per-batch and per-epoch values.
#pragma once

#include "neurite/LayerHealth.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace neurite {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

struct BatchReport {
    int epoch = 0; // 1-based
    int batch = 0; // 1-based within the epoch
    int batchesPerEpoch = 0;
    std::int64_t step = 0; // batches since the start of the run
    float loss = 0;
    float accuracy = 0; // on this batch
    float learningRate = 0;
    double samplesPerSecond = 0; // training samples per second of training (paused time excluded)
    double elapsedSeconds = 0;   // since the run started, paused time excluded
};

struct EpochReport {
    int epoch = 0; // 1-based
    int epochs = 0;
    float trainLoss = 0;
    float trainAccuracy = 0;
    float validationLoss = kNoValue;
    float validationAccuracy = kNoValue;
    float learningRate = 0;
    double seconds = 0;
    double samplesPerSecond = 0;
    bool best = false; // best validation loss so far (or best train loss without validation)
};

struct TrainingHistory {
    std::vector<BatchReport> batches;
    std::vector<EpochReport> epochs;
    int bestEpoch = 0; // 1-based, 0 when none
    float testLoss = kNoValue;
    float testAccuracy = kNoValue;
    std::vector<HealthSample> health; // layer health, sampled through the run (LayerHealth.h)
};

} // namespace neurite
