// A glance at the chosen data set: a few training images, the class balance and the split sizes.
#pragma once

#include "training/TrainingProgress.h"

#include <QImage>
#include <QWidget>

class QLabel;

namespace neurite::ui {

class ClassBalanceBars;
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
    void setValidationSplit(float validationSplit);
    void showMessage(const QString& message); // "Loading…", or why it cannot load
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
};

// Image `index` of `set` as an 8-bit grey image (white ink on black, as stored).
QImage imageOf(const SampleSet& set, std::size_t index);

// Training, validation and test sizes for `split`, exactly as the trainer rounds them.
struct SplitSizes {
    std::size_t train = 0, validation = 0, test = 0;
};
SplitSizes splitSizes(const Dataset& data, float validationSplit);

} // namespace neurite::ui
