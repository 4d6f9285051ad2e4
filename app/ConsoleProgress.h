// Prints training progress: a live bar per epoch on a terminal, one line per epoch otherwise.
#pragma once

#include "neurite/Trainer.h"

#include <chrono>

namespace neurite::cli {

class ConsoleProgress : public ProgressSink {
public:
    explicit ConsoleProgress(bool quiet);
    void onBatch(const BatchReport& report) override;
    void onEpoch(const EpochReport& report) override;
    void finish();

private:
    bool m_quiet;
    bool m_terminal;
    bool m_barShown = false;
    std::chrono::steady_clock::time_point m_lastDraw;
    int m_epochs = 0;
    double m_lossSum = 0, m_accuracySum = 0;
    int m_batchesSeen = 0;
};

} // namespace neurite::cli
