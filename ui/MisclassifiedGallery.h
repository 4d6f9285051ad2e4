// A gallery of test images with their true and predicted labels and the model's confidence.
#pragma once

#include "TrainingProgress.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace neurite::ui {

// Shows the misclassified test images, most confident mistakes first, or, after a click on the confusion
// matrix, the images of one (true, predicted) cell.
class MisclassifiedGallery : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxShown = 240;

    explicit MisclassifiedGallery(QWidget* parent = nullptr);

    void setResults(const DataSetHandle& data, const TestEvaluation& evaluation, const QStringList& classNames);
    void clear();
    // Only the images of true class `trueClass` predicted as `predictedClass` (both -1: every mistake).
    void showCell(int trueClass, int predictedClass);

    int shownCount() const;
    int matchingCount() const { return int(m_matching.size()); }
    // Test-set indices of the shown images, in display order.
    std::vector<std::size_t> shownIndices() const;

private:
    QString className(int index) const;
    void refill();

    DataSetHandle m_data;
    TestEvaluation m_evaluation;
    QStringList m_names;
    int m_trueClass = -1, m_predictedClass = -1;
    std::vector<std::size_t> m_matching;
    QLabel* m_caption;
    QListWidget* m_list;
};

} // namespace neurite::ui
