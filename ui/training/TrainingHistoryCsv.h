// A training history as one tidy CSV table: a row per batch and a row per epoch, told apart by `kind`.
#pragma once

#include <neurite/TrainingHistory.h>

#include <QString>

namespace neurite::ui {

// Header: kind,epoch,batch,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,seconds,best
// Accuracies are fractions in [0, 1]; missing values are empty cells.
QString historyCsv(const TrainingHistory& history);

// Writes historyCsv() to `path`; false with a message naming the file on failure.
bool writeHistoryCsv(const TrainingHistory& history, const QString& path, QString* error);

} // namespace neurite::ui
