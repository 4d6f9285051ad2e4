// The experiment half of the sweep window: the swept settings and layer options with their values, grid or
// random search (budget and seed), repeats, and how many runs that plans. Planning is the engine's
// (Sweep.h: parseSweepAxis and planSweep), so the window plans exactly what `neurite sweep` would.
#pragma once

#include "sweep/SweepKeyChoices.h"

#include <neurite/Sweep.h>

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace neurite::ui {

class SweepPlanForm : public QWidget {
    Q_OBJECT
public:
    explicit SweepPlanForm(QWidget* parent = nullptr);

    // The design and settings every run starts from; the choices of what to sweep follow the design.
    void setBase(const NetworkSpec& design, const TrainingSettings& settings);

    // Adds a swept setting or layer option, its values as the user types them ("0.001, 0.01" or a range
    // "1e-4..1e-2"); replaces the values of a key already listed.
    void setAxis(const QString& key, const QString& values);
    void removeAxis(int row);
    int axisCount() const;
    void setRandomSearch(bool random, int budget, int seed);
    void setRepeats(int repeats);

    // The experiment as the form says; throws NeuriteError naming the bad axis or value.
    Experiment experiment() const;
    // The runs it plans, or nullopt with problem() saying why (no axes, a bad value, too many runs).
    const std::optional<std::vector<PlannedRun>>& plan() const { return m_plan; }
    QString problem() const { return m_problem; }
    QLabel* summaryLabel() const { return m_summary; }
    QComboBox* keyChoice() const { return m_keyChoice; }

Q_SIGNALS:
    void planChanged();

private:
    QWidget* makeAxesBox();
    QWidget* makeSearchBox();
    void addChosenAxis();
    void replan();
    void showSearchKind();

    NetworkSpec m_design;
    TrainingSettings m_settings;
    std::vector<SweepKeyChoice> m_choices;
    QTableWidget* m_axes;
    QComboBox* m_keyChoice;
    QPushButton* m_add;
    QPushButton* m_remove;
    QComboBox* m_search;
    QSpinBox* m_budget;
    QSpinBox* m_searchSeed;
    QSpinBox* m_repeats;
    QLabel* m_summary;
    std::optional<std::vector<PlannedRun>> m_plan;
    QString m_problem;
};

} // namespace neurite::ui
