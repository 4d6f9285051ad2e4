// What a training run reports and keeps: per-batch and per-epoch values.
#pragma once

#include "neurite/LayerHealth.h"

#include <cstddef>
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

// A run keeps at most kMaxBatchReports of its batches, so that a run of days costs the memory (and the project
// file the space) of an afternoon's: every batch while there are fewer, then every second one, every fourth,
// and so on (keepBatchReport). Epochs are always kept whole.
constexpr std::size_t kMaxBatchReports = 20000;

struct TrainingHistory {
    std::vector<BatchReport> batches; // in step order, at most kMaxBatchReports (keepBatchReport)
    std::vector<EpochReport> epochs;
    int bestEpoch = 0; // 1-based, 0 when none
    float testLoss = kNoValue;
    float testAccuracy = kNoValue;
    std::vector<HealthSample> health; // layer health, sampled through the run (LayerHealth.h)
};

// Adds `report` (the run's newest batch) to `kept`, thinning as the run grows. The batches kept are those whose
// steps lie on a grid (every stride-th step from the first kept one) plus always the newest, which the next
// report replaces when it is off the grid. When `kept` reaches kMaxBatchReports every second grid point goes
// and the stride doubles. So the newest batch is always last, the values kept are batches as reported (not
// means), and the count stays between kMaxBatchReports / 2 and kMaxBatchReports.
void keepBatchReport(std::vector<BatchReport>& kept, const BatchReport& report);

} // namespace neurite
