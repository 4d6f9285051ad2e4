// One run's test results in the comparison: its figures (accuracy and loss, or R², MAE and RMSE for
// regression), its confusion matrix and its per-class precision, recall and F1.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace neurite {
struct RunRecord;
} // namespace neurite

namespace neurite::ui {

class ConfusionMatrixView;

class RunTestColumn : public QWidget {
    Q_OBJECT
public:
    explicit RunTestColumn(QWidget* parent = nullptr);

    void setRun(const neurite::RunRecord& run);

    QString summaryText() const;
    ConfusionMatrixView* confusionMatrix() const { return m_confusion; }
    QTableWidget* classTable() const { return m_classes; }

private:
    void fillClassTable(const neurite::RunRecord& run);

    QLabel* m_title;
    QLabel* m_summary;
    ConfusionMatrixView* m_confusion;
    QTableWidget* m_classes;
};

} // namespace neurite::ui
