// After training: test accuracy and loss, which weights to keep, the confusion matrix, per-class scores, mistakes.
#pragma once

#include "training/TrainingProgress.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace neurite::ui {

class ConfusionMatrixView;
class MisclassifiedGallery;
class RegressionResultsView;

class TrainingResultsView : public QWidget {
    Q_OBJECT
public:
    enum class KeptWeights { Last, Best };

    explicit TrainingResultsView(QWidget* parent = nullptr);

    // A new finished run: offers the weights choice when the last and best weights differ.
    void setOutcome(const TrainingOutcome& outcome, const DataSetHandle& data, const QStringList& classNames);
    // New metrics for the same run (after choosing other weights).
    void setEvaluation(const TestEvaluation& evaluation);
    void clear();

    KeptWeights keptWeights() const;
    void setKeptWeights(KeptWeights kept);
    QString summaryText() const;

    ConfusionMatrixView* confusionMatrix() const { return m_confusion; }
    MisclassifiedGallery* gallery() const { return m_gallery; }
    RegressionResultsView* regression() const { return m_regression; }
    // Whether the regression view (rather than the confusion matrix) is showing.
    bool showsRegression() const;
    QTableWidget* classTable() const { return m_classes; }
    // Which weights of the run are kept: its last batch's or its best epoch's (shown when they differ).
    QComboBox* weightsBox() const { return m_weights; }

Q_SIGNALS:
    void keptWeightsChanged(neurite::ui::TrainingResultsView::KeptWeights kept);

private:
    void fillClassTable(const TestEvaluation& evaluation);
    int classTableWidth() const;

    DataSetHandle m_data;
    QStringList m_names;
    TrainingOutcome m_outcomeInfo; // without weights: only what the summary needs
    QLabel* m_summary;
    QComboBox* m_weights;
    ConfusionMatrixView* m_confusion;
    QTableWidget* m_classes;
    MisclassifiedGallery* m_gallery;
    RegressionResultsView* m_regression;
    QStackedWidget* m_views; // classification (matrix, scores, gallery) or regression
};

} // namespace neurite::ui
