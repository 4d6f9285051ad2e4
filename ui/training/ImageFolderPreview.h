// An image folder's preview in the Train tab: what loading found (layout, sizes, colour and grey images,
// the encoding chosen, whether it came from the cache) and, per class, its name, its training and test
// counts and a row of its first training images.
#pragma once

#include "training/TrainingProgress.h"

#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace neurite::ui {

class ImageFolderPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumbnails = 5;     // per class
    static constexpr int kThumbnailSide = 36; // pixels, the longer side
    static constexpr int kClassesShown = 40;  // more classes are counted, not shown

    explicit ImageFolderPreview(QWidget* parent = nullptr);

    // Shows `report` with thumbnails from `data` (both of one load); null clears it.
    void setReport(const ImageReportHandle& report, const DataSetHandle& data);
    const ImageReportHandle& report() const { return m_report; }

    QString summaryText() const;
    int classRows() const { return int(m_classTitles.size()); }
    // Class row `row`: "name · train N · test M", and how many thumbnails it shows.
    QString classRowText(int row) const;
    int thumbnailCount(int row) const;

private:
    QString summary(const ImageFolderReport& report) const;
    void addClassRow(const ImageFolderReport& report, const Dataset& data, std::size_t label);
    void clearClassRows();

    ImageReportHandle m_report;
    QLabel* m_summary;
    QVBoxLayout* m_classLayout;
    QLabel* m_more;
    std::vector<QLabel*> m_classTitles;
    std::vector<QLabel*> m_classImages;
    std::vector<QString> m_classTexts; // the titles as plain text
    std::vector<int> m_thumbnailCounts;
};

// The training images of class `label` in `set`, at most `limit`, in file order.
std::vector<std::size_t> samplesOfClass(const SampleSet& set, std::size_t label, std::size_t limit);

} // namespace neurite::ui
