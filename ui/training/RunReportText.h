// The texts the Train tab shows about a running training: the log line of an epoch, the speed and ETA line.
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/TrainingHistory.h>

#include <QString>

namespace neurite::ui {

// "83.25%" for 0.8325.
QString percentText(float fraction);

// "Epoch   2/10  loss 0.3120  acc 91.02%  val loss ...  lr 0.001  3.2 s  12,000 samples/s  ★ best".
QString epochLogLine(const EpochReport& e);

// "Test accuracy 96.67%", or for a regression "Test R² 0.9812 (MAE 0.41, RMSE 0.52)".
QString testResultText(const TestEvaluation& test);

// "12,000 samples/s · elapsed 0:42 · ETA 3:10" after `done` of `total` batches (the ETA assumes the speed
// so far). Elapsed time and speed leave out the waiting of a pace limit (`batchesPerSecond` > 0), but the
// ETA is when the run will end: at least the remaining batches at that pace ("· paced at 20 batches/s").
QString speedLine(const BatchReport& b, long done, long total, double batchesPerSecond = 0);

} // namespace neurite::ui
