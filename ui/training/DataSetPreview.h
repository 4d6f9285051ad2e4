// A glance at the chosen data set: a few training images, the class balance and the split sizes.
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/Augmentation.h>

#include <QImage>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace neurite::ui {

class AugmentationPreview;
class ClassBalanceBars;
class ImageFolderPreview;
class TablePreview;

class DataSetPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSampleImages = 12;

    explicit DataSetPreview(QWidget* parent = nullptr);

    void setDataSet(const DataSetHandle& data, float validationSplit);
    // A table's report (shown instead of the image strip and class bars), loaded with `settings`.
    void setTable(const TableReportHandle& report, const TableSettings& settings);
    TablePreview* tablePreview() const { return m_table; }
    // An image folder's report (shown instead of the image strip and class bars); null hides it.
    void setImageFolder(const ImageReportHandle& report, const DataSetHandle& data);
    ImageFolderPreview* imageFolderPreview() const { return m_imageFolder; }
    // Decoding an image folder: `done` of `total` images, on a progress bar under the "Loading…" message.
    void showProgress(std::size_t done, std::size_t total);
    QProgressBar* progressBar() const { return m_progress; }
    // The augmented versions of a few training images, while augmentation is on for image data.
    void setAugmentation(const AugmentationSettings& settings);
    AugmentationPreview* augmentationPreview() const { return m_augmentation; }
    void setValidationSplit(float validationSplit);
    void showMessage(const QString& message); // "Loading…"
    void showError(const QString& message);   // why it cannot load (the file, row or image named)
    QString messageText() const;
    QString splitText() const;

private:
    void updateSplit();

    DataSetHandle m_data;
    float m_validationSplit = 0;
    QLabel* m_title;
    QLabel* m_samples;
    ClassBalanceBars* m_balance;
    QLabel* m_split;
    TablePreview* m_table;
    ImageFolderPreview* m_imageFolder;
    DataSetHandle m_imageFolderData; // the data m_imageFolder shows
    QProgressBar* m_progress;
    AugmentationPreview* m_augmentation;
    DataSetHandle m_augmentationData; // the data m_augmentation draws from
};

// Image `index` of `set` as stored (grey images white ink on black): Grayscale8, or RGB888 for colour.
QImage imageOf(const SampleSet& set, std::size_t index);

// Training, validation and test sizes for `split`, exactly as the trainer rounds them.
struct SplitSizes {
    std::size_t train = 0, validation = 0, test = 0;
};
SplitSizes splitSizes(const Dataset& data, float validationSplit);

} // namespace neurite::ui
