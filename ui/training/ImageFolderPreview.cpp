// An image folder's preview in the Train tab: what loading found, and a row of thumbnails per class.
#include "training/ImageFolderPreview.h"

#include "training/DataSetPreview.h"

#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace neurite::ui {

namespace {

constexpr std::size_t kSizesListed = 4; // the most common sizes named in the summary

std::size_t total(const std::vector<std::size_t>& counts)
{
    return std::accumulate(counts.begin(), counts.end(), std::size_t(0));
}

std::size_t at(const std::vector<std::size_t>& counts, std::size_t i)
{
    return i < counts.size() ? counts[i] : 0;
}

QString layoutText(const ImageFolderReport& report)
{
    if (report.layout == ImageFolderLayout::ClassFolders)
        return ImageFolderPreview::tr("class subfolders, a stratified share held out for testing");
    return report.valCounts.empty() ? ImageFolderPreview::tr("train/ and test/ folders")
                                    : ImageFolderPreview::tr("train/, val/ and test/ folders");
}

QString sizesText(const ImageFolderReport& report)
{
    QStringList sizes;
    for (std::size_t i = 0; i < report.sizesFound.size() && i < kSizesListed; ++i)
        sizes << ImageFolderPreview::tr("%1 (%L2)")
                     .arg(QString::fromStdString(report.sizesFound[i].first).replace(QLatin1Char('x'), QChar(0xD7)))
                     .arg(report.sizesFound[i].second);
    if (report.sizesFound.size() > kSizesListed)
        sizes << ImageFolderPreview::tr("%n more", nullptr, int(report.sizesFound.size() - kSizesListed));
    return sizes.join(QStringLiteral(", "));
}

// The thumbnails of one class side by side, each scaled to fit a square cell (aspect ratio kept).
QPixmap thumbnailStrip(const SampleSet& set, const std::vector<std::size_t>& samples)
{
    constexpr int kCell = ImageFolderPreview::kThumbnailSide, kGap = 2;
    QPixmap strip(std::max<int>(1, int(samples.size())) * (kCell + kGap), kCell);
    strip.fill(Qt::transparent);
    QPainter p(&strip);
    p.setRenderHint(QPainter::SmoothPixmapTransform, set.rows > kCell || set.cols > kCell);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const QImage image = imageOf(set, samples[i]);
        const QSize size = image.size().scaled(kCell, kCell, Qt::KeepAspectRatio);
        const QPoint corner(int(i) * (kCell + kGap) + (kCell - size.width()) / 2, (kCell - size.height()) / 2);
        p.drawImage(QRect(corner, size), image);
    }
    return strip;
}

} // namespace

std::vector<std::size_t> samplesOfClass(const SampleSet& set, std::size_t label, std::size_t limit)
{
    std::vector<std::size_t> samples;
    for (std::size_t i = 0; i < set.labels.size() && samples.size() < limit; ++i)
        if (set.labels[i] == label)
            samples.push_back(i);
    return samples;
}

ImageFolderPreview::ImageFolderPreview(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_classLayout(new QVBoxLayout), m_more(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_classLayout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addLayout(m_classLayout);
    layout->addWidget(m_more);
    m_more->hide();
}

void ImageFolderPreview::setReport(const ImageReportHandle& report, const DataSetHandle& data)
{
    m_report = report;
    clearClassRows();
    m_summary->setText(report ? summary(*report) : QString());
    m_more->hide();
    if (!report || !data)
        return;
    const std::size_t classes = report->classNames.size();
    for (std::size_t label = 0; label < classes && label < std::size_t(kClassesShown); ++label)
        addClassRow(*report, *data, label);
    if (classes > std::size_t(kClassesShown)) {
        m_more->setText(tr("… and %L1 more classes").arg(classes - std::size_t(kClassesShown)));
        m_more->show();
    }
}

QString ImageFolderPreview::summary(const ImageFolderReport& report) const
{
    const std::size_t images = total(report.trainCounts) + total(report.testCounts) + total(report.valCounts);
    const ImageEncoding& e = report.encoding;
    QStringList lines;
    lines << tr("<b>%1</b> · %L2 images in %L3 classes")
                 .arg(QFileInfo(QString::fromStdString(report.folder)).fileName().toHtmlEscaped())
                 .arg(images)
                 .arg(report.classNames.size());
    lines << layoutText(report).toHtmlEscaped();
    lines << tr("Sizes found: %1").arg(sizesText(report));
    lines << tr("%L1 colour · %L2 grey images").arg(report.colourImages).arg(report.greyImages);
    lines << tr("Encoded as <b>%1 %2×%3</b>%4")
                 .arg(e.channels == 1 ? tr("grey") : tr("RGB"))
                 .arg(e.cols)
                 .arg(e.rows)
                 .arg(report.sizeCapped ? tr(" (reduced to fit in memory)") : QString());
    if (report.ignoredFiles > 0)
        lines << tr("%Ln file(s) without an image extension left out", nullptr, int(report.ignoredFiles));
    if (report.fromCache)
        lines << tr("Decoded images read from the cache");
    else
        lines << (report.cacheFile.empty() ? tr("Decoded now (no data directory to cache them in)")
                                           : tr("Decoded now and cached for the next time"));
    return lines.join(QStringLiteral("<br>"));
}

void ImageFolderPreview::addClassRow(const ImageFolderReport& report, const Dataset& data, std::size_t label)
{
    const std::vector<std::size_t> samples = samplesOfClass(data.train, label, kThumbnails);
    QString counts = tr("train %L1 · test %L2").arg(at(report.trainCounts, label)).arg(at(report.testCounts, label));
    if (!report.valCounts.empty())
        counts += tr(" · val %L1").arg(at(report.valCounts, label));
    const QString name = QString::fromStdString(report.classNames[label]);
    auto* title = new QLabel(tr("<b>%1</b> · %2").arg(name.toHtmlEscaped(), counts), this);
    title->setTextFormat(Qt::RichText);
    title->setWordWrap(true);
    auto* images = new QLabel(this);
    images->setPixmap(thumbnailStrip(data.train, samples));
    images->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A narrow sidebar cuts the last thumbnail rather than growing wider than the window.
    images->setMinimumWidth(1);
    images->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    images->setFixedHeight(kThumbnailSide);
    m_classLayout->addWidget(title);
    m_classLayout->addWidget(images);
    m_classTitles.push_back(title);
    m_classTexts.push_back(tr("%1 · %2").arg(name, counts));
    m_classImages.push_back(images);
    m_thumbnailCounts.push_back(int(samples.size()));
}

void ImageFolderPreview::clearClassRows()
{
    for (QLabel* label : m_classTitles)
        delete label;
    for (QLabel* label : m_classImages)
        delete label;
    m_classTitles.clear();
    m_classImages.clear();
    m_classTexts.clear();
    m_thumbnailCounts.clear();
}

QString ImageFolderPreview::summaryText() const
{
    return m_summary->text();
}

QString ImageFolderPreview::classRowText(int row) const
{
    return row >= 0 && row < classRows() ? m_classTexts[std::size_t(row)] : QString();
}

int ImageFolderPreview::thumbnailCount(int row) const
{
    return row >= 0 && row < classRows() ? m_thumbnailCounts[std::size_t(row)] : 0;
}

} // namespace neurite::ui
