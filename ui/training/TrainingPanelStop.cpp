// The Train tab's Stop and the weights it keeps: the question Stop asks, and the Results tab's later switch
// between the last and the best epoch's weights (what Predict uses and Save writes, re-evaluated on the worker).
#include "training/TrainingPanel.h"

#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "results/TrainingResultsView.h"

#include <QProgressBar>

namespace neurite::ui {

void TrainingPanel::stop()
{
    if (!isTraining() || m_askingStop || m_controller->state() == TrainingController::State::Stopping)
        return;
    const std::optional<KeptWeights> kept = chooseWeightsToKeep();
    if (!kept)
        return;          // keep training
    if (!isTraining()) { // the run ended on its own while the question was open
        if (*kept == KeptWeights::Best && m_outcome && !m_outcome->bestWeights.empty())
            m_results->setKeptWeights(TrainingResultsView::KeptWeights::Best);
        return;
    }
    m_stopKept = kept;
    m_controller->stop(*kept);
    m_progress->setFormat(m_progress->format() + tr(" · stopping…"));
}

// Nullopt when the user keeps training. Asked only when a finished epoch gives a choice; the run is paused
// while the question is open, so the weights it names are the weights kept.
std::optional<KeptWeights> TrainingPanel::chooseWeightsToKeep()
{
    if (m_runEpochs.empty() || !m_stopQuestion)
        return KeptWeights::Last;
    const bool wasPaused = m_controller->isPaused();
    m_askingStop = true;
    m_controller->pause();
    m_controller->settlePaused(kSettleMs);
    const StopOffer offer = makeStopOffer(m_lastBatch, m_runEpochs);
    const StopChoice choice = isTraining() && offer.hasChoice() ? m_stopQuestion(offer) : StopChoice::KeepLast;
    m_askingStop = false;
    if (choice == StopChoice::KeepTraining) {
        if (!wasPaused)
            m_controller->resume();
        return std::nullopt;
    }
    return choice == StopChoice::KeepBest ? KeptWeights::Best : KeptWeights::Last;
}

void TrainingPanel::onKeptWeightsChanged()
{
    if (!m_outcome)
        return;
    const bool best = m_results->keptWeights() == TrainingResultsView::KeptWeights::Best;
    const Weights& weights = best ? m_outcome->bestWeights : m_outcome->lastWeights;
    if (weights.empty())
        return;
    m_document->setTrainedWeights(weights);
    appendLog(best ? tr("Keeping the weights of epoch %1.").arg(m_outcome->history.bestEpoch)
                   : tr("Keeping the weights of the last finished batch."));
    m_controller->evaluate(m_outcome->spec, weights, m_runData); // the results follow in onEvaluated
}

// The test figures of the weights now kept: on the Results tab, in the saved history, in the run list and
// with the model Predict gets.
void TrainingPanel::onEvaluated(const TestEvaluation& evaluation)
{
    m_results->setEvaluation(evaluation);
    if (!evaluation.valid || !m_outcome)
        return;
    m_testAccuracy = evaluation.metrics.accuracy;
    TrainingHistory history = m_document->history();
    history.testAccuracy = evaluation.metrics.accuracy;
    history.testLoss = evaluation.metrics.loss;
    m_document->setHistory(history);
    if (m_comparison->runCount() > 0)
        m_comparison->setTestResult(m_comparison->runCount() - 1, evaluation.metrics.accuracy, evaluation.metrics.loss);
    const bool best = m_results->keptWeights() == TrainingResultsView::KeptWeights::Best;
    publishModel(best ? m_outcome->bestWeights : m_outcome->lastWeights, m_testAccuracy);
}

} // namespace neurite::ui
