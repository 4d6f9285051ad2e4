// The Runs tab: every run the project keeps as a table that sorts and filters, the selected runs' curves
// overlaid, a note for the selected run, and the actions on runs: restore, use for prediction, compare, delete.
#pragma once

#include "predict/ModelChooser.h" // ModelChoice, which predictionRequested carries

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace neurite::ui {

class ProjectDocument;
class RunCurvesChart;
class RunsFilterModel;
class RunsTableModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(ProjectDocument* document, QWidget* parent = nullptr);

    // The selected runs as indices into ProjectDocument::runs(), in the table's order.
    std::vector<int> selectedRuns() const;
    // Selects these runs (indices into ProjectDocument::runs()) as the user would.
    void selectRuns(const std::vector<int>& runs);

    // The actions of the buttons, on the selection.
    void restoreSelected();
    void useSelectedForPrediction();
    void compareSelected();
    void deleteSelected();
    void toggleStar(int run);

    // The last message the panel showed (a refused rename, a deleted run), for the status line and tests.
    QString message() const;

    QTableView* table() const { return m_table; }
    RunsFilterModel* filterModel() const { return m_filter; }
    QLineEdit* filterEdit() const { return m_filterEdit; }
    QCheckBox* starredOnlyBox() const { return m_starredOnly; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    RunCurvesChart* curves() const { return m_curves; }
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* predictButton() const { return m_predict; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* deleteButton() const { return m_delete; }

Q_SIGNALS:
    // Exactly two runs are selected and the user asked to compare them (indices into the document's runs).
    void compareRequested(int runA, int runB);
    // The selected run's weights as a model for the Predict tab.
    void predictionRequested(const neurite::ui::ModelChoice& model);
    // A run's design and settings are back in the editor and the Train tab.
    void runRestored(int run);

private:
    QWidget* buildTable();
    QWidget* buildDetails();
    void connectModels();
    void onSelectionChanged();
    void updateButtons();
    void updateCurves();
    void updateCount();
    void loadNote();
    void commitNote();
    void showMessage(const QString& text, bool error = false);
    void rememberSelection();
    void reselect();

    ProjectDocument* m_document;
    RunsTableModel* m_model;
    RunsFilterModel* m_filter;
    QLineEdit* m_filterEdit;
    QCheckBox* m_starredOnly;
    QLabel* m_count;
    QTableView* m_table;
    QPushButton* m_restore;
    QPushButton* m_predict;
    QPushButton* m_compare;
    QPushButton* m_delete;
    QLabel* m_noteLabel;
    QPlainTextEdit* m_note;
    QTimer* m_noteTimer;
    int m_noteRun = -1; // the run the note field edits
    QLabel* m_message;
    RunCurvesChart* m_curves;
    std::vector<std::string> m_keptSelection; // run names across a reset of the rows
};

} // namespace neurite::ui
