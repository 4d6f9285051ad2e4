// Train tab › Find learning rate: runs the range test, shows its curve as it grows, says which rate it
// suggests and why, and applies it with one click.
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/LearningRateFinder.h>

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace neurite::ui {

class LearningRateChart;
class LearningRateSearch;

class LearningRateFinderDialog : public QDialog {
    Q_OBJECT
public:
    explicit LearningRateFinderDialog(QWidget* parent = nullptr);

    // While the data set loads (elsewhere): says so, with nothing to run yet.
    void showLoading(const QString& dataSetName);
    // The sweep cannot run: says why (a data set that failed to load or does not fit, a design with problems).
    void showProblem(const QString& message);
    // What the sweep trains: kept so that "Run again" repeats it with the range fields' values.
    void setSubject(const NetworkSpec& spec, const std::optional<Weights>& weights, const TrainingSettings& settings,
                    const DataSetHandle& data);
    // Starts a sweep of the subject with the range in the fields.
    void run();

    LearningRateSearch* search() const { return m_search; }
    LearningRateChart* chart() const { return m_chart; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* runButton() const { return m_run; }
    QLabel* messageLabel() const { return m_message; }
    QLineEdit* minimumEdit() const { return m_minimum; }
    QLineEdit* maximumEdit() const { return m_maximum; }
    QSpinBox* stepsBox() const { return m_steps; }
    // The last sweep's result (none before one finished).
    const std::optional<LearningRateFinderResult>& result() const { return m_result; }

Q_SIGNALS:
    // The user chose to train with this rate: the suggestion rounded to the two digits shown.
    void applied(float learningRate);

public Q_SLOTS:
    // Close cancels a sweep still going (the search's destructor then joins its thread).
    void reject() override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildRangeRow();
    QWidget* buildButtons();
    std::optional<LearningRateFinderSettings> rangeFromFields();
    void onPoints(const std::vector<LearningRatePoint>& points, int step, int plannedSteps);
    void onFinished(const LearningRateFinderResult& result);
    void onFailed(const QString& message);
    void setRunning(bool running);
    QString outcomeText(const LearningRateFinderResult& result) const;

    LearningRateSearch* m_search;
    QLabel* m_intro;
    QLineEdit* m_minimum = nullptr;
    QLineEdit* m_maximum = nullptr;
    QSpinBox* m_steps = nullptr;
    QProgressBar* m_progress;
    LearningRateChart* m_chart;
    QLabel* m_message;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_close = nullptr;
    struct Subject {
        NetworkSpec spec;
        std::optional<Weights> weights;
        TrainingSettings settings;
        DataSetHandle data;
    };
    std::optional<Subject> m_subject;
    std::optional<LearningRateFinderResult> m_result;
};

} // namespace neurite::ui
