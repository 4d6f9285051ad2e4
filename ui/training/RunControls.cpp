// The rows above the Train tab's charts: Start / Pause / Stop, a step of one batch or epoch, the pace, the live
// learning rate, log scale and Export.
#include "training/RunControls.h"

#include "training/PaceBox.h"

#include <QCheckBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace neurite::ui {

RunControls::RunControls(QWidget* parent) : QWidget(parent)
{
    m_start = new QPushButton(tr("▶ Train"), this);
    m_start->setToolTip(tr("Train the design with these settings on a background thread"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_stop = new QPushButton(tr("■ Stop"), this);
    m_stop->setToolTip(tr("Stop after the current batch; you can then keep the last or the best weights"));
    buildStepButtons();
    buildLearningRateField();
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setToolTip(tr("Show the loss on a logarithmic axis"));
    m_export = new QPushButton(tr("Export"), this);
    layOut();
}

// Watching learning at a human pace: one batch or one epoch at a time, or a limit on batches per second.
void RunControls::buildStepButtons()
{
    m_stepBatch = new QPushButton(tr("Step batch"), this);
    m_stepBatch->setToolTip(tr("Train one more batch, then pause (with no run going, start one paused)"));
    m_stepEpoch = new QPushButton(tr("Step epoch"), this);
    m_stepEpoch->setToolTip(
        tr("Train to the end of this epoch and validate it, then pause (with no run going, start one paused)"));
    m_reset = new QPushButton(tr("Reset"), this);
    m_reset->setObjectName(QStringLiteral("resetRun"));
    m_reset->setToolTip(tr("Stop, and go back to the initial weights of the seed: the next run starts from the "
                           "same weights, so two runs can be compared from the same start"));
    m_pace = new PaceBox(this);
}

// Two rows, so that the tab still fits a 1024-pixel-wide window: what drives the run, then what tunes and
// shows it.
void RunControls::layOut()
{
    auto* run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_pause);
    run->addWidget(m_stop);
    run->addSpacing(16);
    run->addWidget(m_stepBatch);
    run->addWidget(m_stepEpoch);
    run->addWidget(m_reset);
    run->addStretch(1);
    run->addWidget(m_export);

    auto* tune = new QHBoxLayout;
    tune->addWidget(new QLabel(tr("Pace:"), this));
    tune->addWidget(m_pace);
    tune->addSpacing(16);
    tune->addWidget(new QLabel(tr("Learning rate now:"), this));
    tune->addWidget(m_learningRate);
    tune->addWidget(m_applyLearningRate);
    tune->addStretch(1);
    tune->addWidget(m_logScale);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // laid out as rows of the tab, not a framed group
    layout->addLayout(run);
    layout->addLayout(tune);
}

// A text field taking scientific notation ("3e-4"); Return or Set LR applies it.
void RunControls::buildLearningRateField()
{
    m_learningRate = new QLineEdit(this);
    auto* validator = new QDoubleValidator(0.0, 1e9, 12, m_learningRate);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    validator->setLocale(QLocale::c());
    m_learningRate->setValidator(validator);
    m_learningRate->setPlaceholderText(tr("e.g. 3e-4"));
    m_learningRate->setMaximumWidth(90);
    m_applyLearningRate = new QPushButton(tr("Set LR"), this);
    m_applyLearningRate->setToolTip(tr("Change the learning rate of the running training from the next batch"));
    connect(m_applyLearningRate, &QPushButton::clicked, this, &RunControls::applyLearningRate);
    connect(m_learningRate, &QLineEdit::returnPressed, m_applyLearningRate, &QPushButton::click);
}

void RunControls::applyLearningRate()
{
    bool ok = false;
    const double lr = QLocale::c().toDouble(m_learningRate->text(), &ok);
    if (ok && lr > 0)
        Q_EMIT learningRateRequested(float(lr));
}

void RunControls::clearLearningRate()
{
    m_learningRate->clear();
}

void RunControls::showState(TrainingController::State state, bool canTrain)
{
    const bool running = state == TrainingController::State::Running || state == TrainingController::State::Paused;
    m_start->setEnabled(state == TrainingController::State::Idle && canTrain);
    m_pause->setEnabled(running);
    m_pause->setText(state == TrainingController::State::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(running);
    const bool canStep = running || (state == TrainingController::State::Idle && canTrain);
    m_stepBatch->setEnabled(canStep);
    m_stepEpoch->setEnabled(canStep);
    m_reset->setEnabled(canStep);
    m_learningRate->setEnabled(running);
    m_applyLearningRate->setEnabled(running);
}

} // namespace neurite::ui
