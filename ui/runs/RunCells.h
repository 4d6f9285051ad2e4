// How the Runs list writes a run's figures: dates, durations, metrics and swept values as the table shows them.
#pragma once

#include <neurite/RunRecord.h>

#include <QString>

namespace neurite::ui {

// "2026-12-06 08:10" in local time; "—" when the run has no date.
QString runDateText(const std::string& isoDate);
// "45.2 s", "3 min 05 s", "1 h 02 min".
QString runDurationText(double seconds);
// "96.41%" for accuracy, "R² 0.873" for regression; "—" when untested.
QString runTestText(const RunRecord& run);
// The best validation accuracy ("97.10%") or, for regression, the lowest validation loss; "—" without.
QString runBestValidationText(const RunRecord& run);
// "10" when the run trained every epoch asked for, else "3 of 10".
QString runEpochsText(const RunRecord& run);
// "lr=0.001 · dense1.units=64"; empty for a run no sweep started.
QString runSweptText(const RunRecord& run);
// The learning rate as a person writes it: 0.001, 3e-05.
QString learningRateText(float rate);
// Everything the filter box matches: name, note, data set, optimiser, lr, batch, epochs, swept values,
// outcome (lower case).
QString runSearchText(const RunRecord& run);

} // namespace neurite::ui
