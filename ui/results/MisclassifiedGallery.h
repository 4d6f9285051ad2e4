// A gallery of test images with their true and predicted labels and the model's confidence.
#pragma once

#include "training/TrainingProgress.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace neurite::ui {

// Shows the misclassified test images, most confident mistakes first, or, after a click on the confusion
// matrix, the images of one (true, predicted) cell. Which images match is worked out at once (cheap); their
// thumbnails (the expensive part: up to kMaxShown pixmaps, painted and laid out) are made only while the
// gallery is visible, a few milliseconds' worth per turn of the event loop, so the end of a run never
// stalls the GUI.
class MisclassifiedGallery : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxShown = 240;
    // Thumbnails are added for at most this long before the event loop gets a turn.
    static constexpr int kFillSliceMs = 8;

    explicit MisclassifiedGallery(QWidget* parent = nullptr);

    void setResults(const DataSetHandle& data, const TestEvaluation& evaluation, const QStringList& classNames);
    void clear();
    // Only the images of true class `trueClass` predicted as `predictedClass` (both -1: every mistake).
    void showCell(int trueClass, int predictedClass);

    // Thumbnails made so far (they appear while the gallery is visible).
    int shownCount() const;
    // True when every image to show has its thumbnail.
    bool isFilled() const;
    int matchingCount() const { return int(m_matching.size()); }
    // Test-set indices of the images shown, in display order (also those whose thumbnails are still to come).
    std::vector<std::size_t> shownIndices() const;
    // The caption under test image `index`: true class, "→ predicted class", confidence, one a line.
    QString captionOf(std::size_t index) const;
    // The size of every cell of the grid (thumbnail and caption).
    QSize cellSize() const { return m_cell; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QString className(int index) const;
    void fitCellsToNames();
    int toShow() const;
    void refill();
    void fillSlice();
    void addThumbnail(std::size_t index);

    DataSetHandle m_data;
    TestEvaluation m_evaluation;
    QStringList m_names;
    int m_trueClass = -1, m_predictedClass = -1;
    std::vector<std::size_t> m_matching;
    QLabel* m_caption;
    QListWidget* m_list;
    QTimer m_fillTimer; // single shot, 0 ms: the next slice of thumbnails
    QSize m_cell;
};

} // namespace neurite::ui
