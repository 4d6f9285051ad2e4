// What augmentation does to the training images: for a few of them (one per class, the first classes), the
// image as stored and kVersions augmented versions drawn with the settings' ranges (augmentedVersions),
// redrawn when the settings change.
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/Augmentation.h>

#include <QWidget>

class QLabel;

namespace neurite::ui {

class AugmentationPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSamples = 3;  // rows: training images of different classes
    static constexpr int kVersions = 5; // augmented versions beside each
    static constexpr int kCell = 36;    // pixels, the longer side of a cell

    explicit AugmentationPreview(QWidget* parent = nullptr);

    // Image data and augmentation on: the grid shows; otherwise it hides.
    void setData(const DataSetHandle& data);
    void setSettings(const AugmentationSettings& settings);

    const QImage& grid() const { return m_grid; }
    // The augmented versions of row `row` (kVersions rows of C*H*W values in [0, 1]), as last drawn.
    const Matrix& versions(int row) const { return m_versions[std::size_t(row)]; }
    int rows() const { return int(m_versions.size()); }

private:
    void redraw();

    DataSetHandle m_data;
    AugmentationSettings m_settings;
    QLabel* m_title;
    QLabel* m_image;
    QImage m_grid;
    std::vector<Matrix> m_versions;
};

} // namespace neurite::ui
