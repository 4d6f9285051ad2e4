// The rows above the Train tab's charts: Start / Pause / Stop, a step of one batch or epoch, the pace, the live
// learning rate, log scale and Export.
#pragma once

#include "training/TrainingController.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace neurite::ui {

class PaceBox;

// Only widgets: the TrainingPanel connects the buttons to its controller and fills the Export menu.
class RunControls : public QWidget {
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* stepBatchButton() const { return m_stepBatch; }
    QPushButton* stepEpochButton() const { return m_stepEpoch; }
    QPushButton* resetButton() const { return m_reset; }
    PaceBox* paceBox() const { return m_pace; }
    QPushButton* exportButton() const { return m_export; }
    QCheckBox* logScale() const { return m_logScale; }
    // "Learning rate now": a value typed here and applied with Return or Set LR reaches the run's next batch.
    QLineEdit* learningRateField() const { return m_learningRate; }

    // Start when idle and the design can train; Pause (or Resume), Stop and the learning rate during a run;
    // the steps whenever a run goes or could start (a step from idle starts a paused run).
    void showState(TrainingController::State state, bool canTrain);
    // Empties the learning-rate field (another document: the previous run's value means nothing there).
    void clearLearningRate();

Q_SIGNALS:
    // The user asked for this learning rate (a positive number typed in the field) from the next batch on.
    void learningRateRequested(float learningRate);

private:
    void buildLearningRateField();
    void buildStepButtons();
    void layOut();
    void applyLearningRate();

    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QPushButton* m_stepBatch = nullptr;
    QPushButton* m_stepEpoch = nullptr;
    QPushButton* m_reset = nullptr;
    PaceBox* m_pace = nullptr;
    QLineEdit* m_learningRate = nullptr;
    QPushButton* m_applyLearningRate = nullptr;
    QCheckBox* m_logScale;
    QPushButton* m_export;
};

} // namespace neurite::ui
