// Two runs side by side: the settings they differ in (only those, highlighted), their loss and accuracy
// curves overlaid, and their test results (figures, confusion matrices, per-class scores) next to each other;
// "Show Design Diff" asks the window to show their designs' diff in the editor.
#pragma once

#include <neurite/RunRecord.h>

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;

namespace neurite::ui {

class RunPairChart;
class RunTestColumn;
class SettingsDiffTable;

class RunCompareDialog : public QDialog {
    Q_OBJECT
public:
    // `a` is the run compared with, `b` the one whose differences are listed (as a diff's before and after).
    RunCompareDialog(const neurite::RunRecord& a, const neurite::RunRecord& b, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    SettingsDiffTable* settingsTable() const { return m_settings; }
    RunPairChart* lossChart() const { return m_loss; }
    RunPairChart* accuracyChart() const { return m_accuracy; }
    RunTestColumn* testColumn(int index) const { return index == 0 ? m_testA : m_testB; }
    QPushButton* designDiffButton() const { return m_designDiff; }

Q_SIGNALS:
    void designDiffRequested(const neurite::NetworkSpec& before, const neurite::NetworkSpec& after,
                             const QString& beforeName, const QString& afterName);

private:
    QWidget* buildSettingsTab();
    QWidget* buildCurvesTab();
    QWidget* buildTestTab();

    neurite::RunRecord m_a, m_b; // without their weights: the dialog shows no predictions
    QTabWidget* m_tabs;
    SettingsDiffTable* m_settings = nullptr;
    RunPairChart* m_loss = nullptr;
    RunPairChart* m_accuracy = nullptr;
    RunTestColumn* m_testA = nullptr;
    RunTestColumn* m_testB = nullptr;
    QPushButton* m_designDiff = nullptr;
};

} // namespace neurite::ui
