// The texts the Train tab shows about a running training: the log line of an epoch, the speed and ETA line.
#pragma once

#include <neurite/TrainingHistory.h>

#include <QString>

namespace neurite::ui {

// "83.25%" for 0.8325.
QString percentText(float fraction);

// "Epoch   2/10  loss 0.3120  acc 91.02%  val loss ...  lr 0.001  3.2 s  12,000 samples/s  ★ best".
QString epochLogLine(const EpochReport& e);

// "12,000 samples/s · elapsed 0:42 · ETA 3:10" after `done` of `total` batches (the ETA assumes the pace
// so far).
QString speedLine(const BatchReport& b, long done, long total);

} // namespace neurite::ui
