// The row above the Train tab's charts: Start / Pause / Stop, the live learning rate, log scale and Export.
#pragma once

#include "training/TrainingController.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace neurite::ui {

// Only widgets: the TrainingPanel connects the buttons to its controller and fills the Export menu.
class RunControls : public QWidget {
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* exportButton() const { return m_export; }
    QCheckBox* logScale() const { return m_logScale; }

    // Start when idle and the design can train; Pause (or Resume), Stop and the learning rate during a run.
    void showState(TrainingController::State state, bool canTrain);
    // Empties the learning-rate field (another document: the previous run's value means nothing there).
    void clearLearningRate();

Q_SIGNALS:
    // The user asked for this learning rate (a positive number typed in the field) from the next batch on.
    void learningRateRequested(float learningRate);

private:
    void buildLearningRateField();
    void applyLearningRate();

    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QLineEdit* m_learningRate = nullptr;
    QPushButton* m_applyLearningRate = nullptr;
    QCheckBox* m_logScale;
    QPushButton* m_export;
};

} // namespace neurite::ui
