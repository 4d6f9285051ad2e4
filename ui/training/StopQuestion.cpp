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

QString accuracyText(const StopOffer& offer, float accuracy)
{
    return offer.validation ? StopQuestionDialog::tr("validation %1").arg(percentText(accuracy))
                            : StopQuestionDialog::tr("training accuracy %1").arg(percentText(accuracy));
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
    const bool atEpochEnd = lastBatch == batchesPerEpoch && lastFinishedEpoch == lastEpoch;
    if (atEpochEnd)
        return StopQuestionDialog::tr("epoch %1, %2").arg(lastEpoch).arg(accuracyText(*this, lastFinishedAccuracy));
    QString text =
        StopQuestionDialog::tr("epoch %1, batch %2 of %3").arg(lastEpoch).arg(lastBatch).arg(batchesPerEpoch);
    if (lastFinishedEpoch > 0)
        text += StopQuestionDialog::tr("; %1 after epoch %2")
                    .arg(accuracyText(*this, lastFinishedAccuracy))
                    .arg(lastFinishedEpoch);
    return text;
}

QString StopOffer::bestDetails() const
{
    return StopQuestionDialog::tr("epoch %1, %2").arg(bestEpoch).arg(accuracyText(*this, bestAccuracy));
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
    offer.validation = std::isfinite(last.validationAccuracy);
    for (const EpochReport& e : epochs)
        if (e.best) {
            offer.bestEpoch = e.epoch;
            offer.bestAccuracy = accuracyOf(e);
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
