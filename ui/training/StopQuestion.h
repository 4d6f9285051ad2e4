// The question Stop asks once an epoch has finished: keep the last batch's weights or the best epoch's.
#pragma once

#include <neurite/TrainingHistory.h>

#include <QDialog>
#include <QString>

#include <functional>
#include <vector>

class QCommandLinkButton;
class QPushButton;

namespace neurite::ui {

// What the two answers would keep, as the user reads them.
struct StopOffer {
    int lastEpoch = 0; // the epoch of the last finished batch (1-based); 0: no batch yet
    int lastBatch = 0;
    int batchesPerEpoch = 0;
    int lastFinishedEpoch = 0; // 0: none
    float lastFinishedAccuracy = kNoValue;
    float lastFinishedLoss = kNoValue;
    int bestEpoch = 0; // 0: none, so nothing to choose
    float bestAccuracy = kNoValue;
    float bestLoss = kNoValue; // the best epoch is the one of lowest loss (EpochReport::best)
    bool validation = false;   // the accuracies are on the validation split (else on the training images)

    // A best epoch exists and the last weights are not its weights (stopped at its very end).
    bool hasChoice() const;
    // "epoch 7: validation loss 0.1943, accuracy 95.10%", or mid-epoch "epoch 7, batch 12 of 30; after
    // epoch 6: validation loss 0.1943, accuracy 95.10%".
    QString lastDetails() const;
    // "epoch 5 (lowest validation loss): validation loss 0.1878, accuracy 96.20%".
    QString bestDetails() const;
    // "Keep the last weights (epoch 7: ...)" and "Keep the best epoch's weights (epoch 5 ...)".
    QString lastText() const;
    QString bestText() const;
    static QString lastTitle();
    static QString bestTitle();
};

// The offer after `lastBatch` with `epochs` reported so far (the best one is the last marked best).
StopOffer makeStopOffer(const BatchReport& lastBatch, const std::vector<EpochReport>& epochs);
// The same for a finished run's history.
StopOffer makeStopOffer(const TrainingHistory& history);

enum class StopChoice { KeepTraining, KeepLast, KeepBest };

// Asks the user; the Train tab's is the dialog below, tests put in their own answer.
using StopQuestion = std::function<StopChoice(const StopOffer& offer)>;

// "Stop training: which weights should the run keep?" with one large button per answer (its title and the
// epoch and accuracy it keeps) and Keep training (also Escape).
class StopQuestionDialog : public QDialog {
    Q_OBJECT
public:
    explicit StopQuestionDialog(const StopOffer& offer, QWidget* parent = nullptr);

    QCommandLinkButton* keepLastButton() const { return m_keepLast; }
    QCommandLinkButton* keepBestButton() const { return m_keepBest; }
    QPushButton* keepTrainingButton() const { return m_keepTraining; }
    // The answer given (KeepTraining before any, and on Escape).
    StopChoice choice() const { return m_choice; }

private:
    void answer(StopChoice choice);

    QCommandLinkButton* m_keepLast;
    QCommandLinkButton* m_keepBest;
    QPushButton* m_keepTraining;
    StopChoice m_choice = StopChoice::KeepTraining;
};

// Shows the dialog modally over `parent` and returns the answer.
StopChoice askWhichWeightsToKeep(QWidget* parent, const StopOffer& offer);

} // namespace neurite::ui
