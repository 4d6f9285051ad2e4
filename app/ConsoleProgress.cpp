// The bar redraws at most ten times a second so printing never slows training down.
#include "ConsoleProgress.h"

#include "ConsoleFormat.h"

#include <cmath>
#include <iostream>

namespace neurite::cli {

ConsoleProgress::ConsoleProgress(bool quiet) : m_quiet(quiet), m_terminal(stdoutIsTerminal()) {}

void ConsoleProgress::onBatch(const BatchReport& r)
{
    m_lossSum += r.loss;
    m_accuracySum += r.accuracy;
    ++m_batchesSeen;
    if (m_quiet || !m_terminal)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (r.batch != r.batchesPerEpoch && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    constexpr int kWidth = 30;
    const double done = double(r.batch) / r.batchesPerEpoch;
    const int filled = int(done * kWidth);
    const double stepsLeft = double(r.batchesPerEpoch - r.batch);
    const double secondsPerStep = r.elapsedSeconds / double(std::max<std::int64_t>(1, r.step + 1));
    // A regression has no accuracy (NaN): its line shows the loss alone.
    const std::string accuracy = std::isnan(r.accuracy) ? "" : "  acc " + percent(m_accuracySum / m_batchesSeen);
    std::cout << "\rEpoch " << r.epoch << " [" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << int(done * 100) << "%  loss " << fixed(m_lossSum / m_batchesSeen, 4) << accuracy << "  "
              << withThousands(r.samplesPerSecond) << " samples/s  ETA " << duration(stepsLeft * secondsPerStep)
              << "   " << std::flush;
    m_barShown = true;
}

void ConsoleProgress::onEpoch(const EpochReport& r)
{
    m_lossSum = m_accuracySum = 0;
    m_batchesSeen = 0;
    if (m_quiet)
        return;
    if (m_barShown)
        std::cout << "\r\033[K";
    m_barShown = false;
    std::cout << "Epoch " << r.epoch << "/" << r.epochs << "  loss " << fixed(r.trainLoss, 4);
    if (!std::isnan(r.trainAccuracy))
        std::cout << "  acc " << percent(r.trainAccuracy);
    if (!std::isnan(r.validationLoss))
        std::cout << "  val_loss " << fixed(r.validationLoss, 4);
    if (!std::isnan(r.validationAccuracy))
        std::cout << "  val_acc " << percent(r.validationAccuracy);
    std::cout << "  " << withThousands(r.samplesPerSecond) << " samples/s  " << fixed(r.seconds, 2) << " s"
              << (r.best ? "  *" : "") << "\n"
              << std::flush;
}

void ConsoleProgress::finish()
{
    if (m_barShown)
        std::cout << "\n";
    m_barShown = false;
}

} // namespace neurite::cli
