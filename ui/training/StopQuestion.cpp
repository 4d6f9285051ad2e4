// The question Stop asks once an epoch has finished: keep the last batch's weights or the best epoch's.
#include "training/StopQuestion.h"

#include "training/RunReportText.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

namespace {

float accuracyOf(const EpochReport& e)
{
    return std::isfinite(e.validationAccuracy) ? e.validationAccuracy : e.trainAccuracy;
}

float lossOf(const EpochReport& e)
{
    return std::isfinite(e.validationLoss) ? e.validationLoss : e.trainLoss;
}

// "validation loss 0.1878, accuracy 93.50%": the loss first, since the best epoch is the one of lowest loss
// (an epoch with a higher accuracy may come later, and the user must see why it is not the best).
QString scoreText(const StopOffer& offer, float loss, float accuracy)
{
    return (offer.validation ? StopQuestionDialog::tr("validation loss %1, accuracy %2")
                             : StopQuestionDialog::tr("training loss %1, accuracy %2"))
        .arg(double(loss), 0, 'f', 4)
        .arg(percentText(accuracy));
}

} // namespace

bool StopOffer::hasChoice() const
{
    const bool stoppedAtBestEnd = lastEpoch == bestEpoch && lastBatch == batchesPerEpoch;
    return bestEpoch > 0 && !stoppedAtBestEnd;
}

QString StopOffer::lastTitle()
{
    return StopQuestionDialog::tr("Keep the last weights");
}

QString StopOffer::bestTitle()
{
    return StopQuestionDialog::tr("Keep the best epoch's weights");
}

QString StopOffer::lastDetails() const
{
    const QString score = scoreText(*this, lastFinishedLoss, lastFinishedAccuracy);
    const bool atEpochEnd = lastBatch == batchesPerEpoch && lastFinishedEpoch == lastEpoch;
    if (atEpochEnd)
        return StopQuestionDialog::tr("epoch %1: %2").arg(lastEpoch).arg(score);
    QString text =
        StopQuestionDialog::tr("epoch %1, batch %2 of %3").arg(lastEpoch).arg(lastBatch).arg(batchesPerEpoch);
    if (lastFinishedEpoch > 0)
        text += StopQuestionDialog::tr("; after epoch %1: %2").arg(lastFinishedEpoch).arg(score);
    return text;
}

QString StopOffer::bestDetails() const
{
    return (validation ? StopQuestionDialog::tr("epoch %1 (lowest validation loss): %2")
                       : StopQuestionDialog::tr("epoch %1 (lowest training loss): %2"))
        .arg(bestEpoch)
        .arg(scoreText(*this, bestLoss, bestAccuracy));
}

QString StopOffer::lastText() const
{
    return QStringLiteral("%1 (%2)").arg(lastTitle(), lastDetails());
}

QString StopOffer::bestText() const
{
    return QStringLiteral("%1 (%2)").arg(bestTitle(), bestDetails());
}

StopOffer makeStopOffer(const BatchReport& lastBatch, const std::vector<EpochReport>& epochs)
{
    StopOffer offer;
    offer.lastEpoch = lastBatch.epoch;
    offer.lastBatch = lastBatch.batch;
    offer.batchesPerEpoch = lastBatch.batchesPerEpoch;
    if (epochs.empty())
        return offer;
    const EpochReport& last = epochs.back();
    offer.lastFinishedEpoch = last.epoch;
    offer.lastFinishedAccuracy = accuracyOf(last);
    offer.lastFinishedLoss = lossOf(last);
    offer.validation = std::isfinite(last.validationAccuracy);
    for (const EpochReport& e : epochs)
        if (e.best) {
            offer.bestEpoch = e.epoch;
            offer.bestAccuracy = accuracyOf(e);
            offer.bestLoss = lossOf(e);
        }
    return offer;
}

StopOffer makeStopOffer(const TrainingHistory& history)
{
    return makeStopOffer(history.batches.empty() ? BatchReport{} : history.batches.back(), history.epochs);
}

StopQuestionDialog::StopQuestionDialog(const StopOffer& offer, QWidget* parent)
    : QDialog(parent), m_keepLast(new QCommandLinkButton(StopOffer::lastTitle(), offer.lastDetails(), this)),
      m_keepBest(new QCommandLinkButton(StopOffer::bestTitle(), offer.bestDetails(), this)),
      m_keepTraining(new QPushButton(tr("Keep training"), this))
{
    setWindowTitle(tr("Stop training"));
    auto* question = new QLabel(tr("<b>Stop training: which weights should the run keep?</b>"), this);
    auto* note = new QLabel(tr("The kept weights are what Predict uses and Save writes. "
                               "You can switch between them later on the Results tab."),
                            this);
    note->setWordWrap(true);
    m_keepBest->setDefault(true); // usually the better model
    connect(m_keepLast, &QPushButton::clicked, this, [this] { answer(StopChoice::KeepLast); });
    connect(m_keepBest, &QPushButton::clicked, this, [this] { answer(StopChoice::KeepBest); });
    connect(m_keepTraining, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_keepTraining, QDialogButtonBox::RejectRole);

    setMinimumWidth(480); // the answers' details on one line each
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(note);
    layout->addWidget(m_keepLast);
    layout->addWidget(m_keepBest);
    layout->addWidget(buttons);
}

void StopQuestionDialog::answer(StopChoice choice)
{
    m_choice = choice;
    accept();
}

StopChoice askWhichWeightsToKeep(QWidget* parent, const StopOffer& offer)
{
    StopQuestionDialog dialog(offer, parent);
    dialog.exec();
    return dialog.choice();
}

} // namespace neurite::ui
