// Compare Runs…: which two of the project's runs to compare, each chosen in a list of names with their test
// metric; the newest run and the one before it are chosen at first.
#pragma once

#include <neurite/RunRecord.h>

#include <QDialog>

#include <vector>

class QComboBox;
class QPushButton;

namespace neurite::ui {

class RunPairDialog : public QDialog {
    Q_OBJECT
public:
    // `runs` holds at least two runs.
    RunPairDialog(const std::vector<neurite::RunRecord>& runs, QWidget* parent = nullptr);

    int first() const;
    int second() const;
    QComboBox* firstBox() const { return m_first; }
    QComboBox* secondBox() const { return m_second; }
    QPushButton* compareButton() const { return m_compare; }

    // "run 3 · accuracy 97.10%": a run as the lists name it.
    static QString runChoiceText(const neurite::RunRecord& run);

private:
    QComboBox* m_first;
    QComboBox* m_second;
    QPushButton* m_compare;
};

} // namespace neurite::ui
