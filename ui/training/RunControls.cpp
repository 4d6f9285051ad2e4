// The row above the Train tab's charts: Start / Pause / Stop, the live learning rate, log scale and Export.
#include "training/RunControls.h"

#include <QCheckBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace neurite::ui {

RunControls::RunControls(QWidget* parent) : QWidget(parent)
{
    m_start = new QPushButton(tr("▶ Train"), this);
    m_start->setToolTip(tr("Train the design with these settings on a background thread"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_stop = new QPushButton(tr("■ Stop"), this);
    m_stop->setToolTip(tr("Stop after the current batch; you can then keep the last or the best weights"));
    buildLearningRateField();
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setToolTip(tr("Show the loss on a logarithmic axis"));
    m_export = new QPushButton(tr("Export"), this);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // laid out as a row of the tab, not a framed group
    layout->addWidget(m_start);
    layout->addWidget(m_pause);
    layout->addWidget(m_stop);
    layout->addSpacing(16);
    layout->addWidget(new QLabel(tr("Learning rate now:"), this));
    layout->addWidget(m_learningRate);
    layout->addWidget(m_applyLearningRate);
    layout->addStretch(1);
    layout->addWidget(m_logScale);
    layout->addWidget(m_export);
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
    m_learningRate->setEnabled(running);
    m_applyLearningRate->setEnabled(running);
}

} // namespace neurite::ui
