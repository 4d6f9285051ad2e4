// A glance at the chosen data set: a few training images, the class balance and the split sizes.
#include "training/DataSetPreview.h"

#include "training/AugmentationPreview.h"
#include "training/ImageFolderPreview.h"
#include "training/TablePreview.h"

#include "ImageSamples.h"

#include <QLabel>
#include <QProgressBar>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

// Horizontal bars, one per class, for the training split's label counts.
class ClassBalanceBars : public QWidget {
public:
    using QWidget::QWidget;

    void setCounts(const std::vector<std::size_t>& counts, const std::vector<std::string>& names)
    {
        m_counts = counts;
        m_names = names;
        setMinimumHeight(int(counts.size()) * kRow + 4);
        updateGeometry();
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (m_counts.empty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const std::size_t most = *std::max_element(m_counts.begin(), m_counts.end());
        const int labelWidth = 84, countWidth = 44;
        const int barSpace = std::max(10, width() - labelWidth - countWidth - 8);
        QFont font = p.font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        p.setFont(font);
        for (std::size_t i = 0; i < m_counts.size(); ++i) {
            const int y = int(i) * kRow + 2;
            const QString name = i < m_names.size() ? QString::fromStdString(m_names[i]) : QString::number(i);
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(0, y, labelWidth - 4, kRow), Qt::AlignRight | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(name, Qt::ElideRight, labelWidth - 4));
            const int w = most ? int(std::lround(double(barSpace) * double(m_counts[i]) / double(most))) : 0;
            p.fillRect(QRect(labelWidth, y + 2, std::max(1, w), kRow - 4), QColor(31, 119, 180, 170));
            p.drawText(QRect(labelWidth + w + 4, y, countWidth, kRow), Qt::AlignLeft | Qt::AlignVCenter,
                       QString::number(m_counts[i]));
        }
    }

private:
    static constexpr int kRow = 14;
    std::vector<std::size_t> m_counts;
    std::vector<std::string> m_names;
};

QImage imageOf(const SampleSet& set, std::size_t index)
{
    if (set.channels != 1)
        return render::qImageFromSample(set.image(index), ImageEncoding{set.channels, set.rows, set.cols});
    QImage image(set.cols, set.rows, QImage::Format_Grayscale8);
    const std::uint8_t* pixels = set.image(index);
    for (int r = 0; r < set.rows; ++r)
        std::copy_n(pixels + std::size_t(r) * std::size_t(set.cols), set.cols, image.scanLine(r));
    return image;
}

SplitSizes splitSizes(const Dataset& data, float validationSplit)
{
    SplitSizes sizes;
    const std::size_t total = data.train.count();
    sizes.validation = validationSplit > 0 ? std::size_t(std::lround(double(total) * validationSplit)) : 0;
    sizes.train = total - std::min(total, sizes.validation);
    sizes.test = data.test.count();
    return sizes;
}

DataSetPreview::DataSetPreview(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_samples(new QLabel(this)), m_balance(new ClassBalanceBars(this)),
      m_split(new QLabel(this)), m_table(new TablePreview(this)), m_imageFolder(new ImageFolderPreview(this)),
      m_progress(new QProgressBar(this)), m_augmentation(new AugmentationPreview(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setWordWrap(true);
    m_split->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_samples);
    layout->addWidget(m_split);
    layout->addWidget(m_balance);
    layout->addWidget(m_table);
    layout->addWidget(m_imageFolder);
    layout->addWidget(m_augmentation);
    m_table->hide();
    m_imageFolder->hide();
    m_progress->setFormat(tr("%v of %m images decoded"));
    m_progress->hide();
    showMessage(tr("No data set loaded yet."));
}

void DataSetPreview::showMessage(const QString& message)
{
    m_data.reset();
    m_title->setStyleSheet(QString());
    m_title->setText(message);
    m_title->show();
    m_samples->clear();
    m_split->clear();
    m_balance->setCounts({}, {});
    m_table->hide();
    m_imageFolder->hide();
    m_progress->hide();
    m_augmentationData.reset();
    m_augmentation->setData({});
}

void DataSetPreview::showError(const QString& message)
{
    showMessage(message);
    m_title->setStyleSheet(QStringLiteral("color: #b03020;"));
}

QString DataSetPreview::messageText() const
{
    return m_title->text();
}

void DataSetPreview::showProgress(std::size_t done, std::size_t total)
{
    if (m_data)
        return; // a run's load of data the preview already shows
    // QProgressBar counts in int: a very large folder is shown in thousands.
    const int scale = total > 1000000 ? 1000 : 1;
    m_progress->setRange(0, int(total / std::size_t(scale)));
    m_progress->setValue(int(std::min(done, total) / std::size_t(scale)));
    m_progress->show();
}

void DataSetPreview::setAugmentation(const AugmentationSettings& settings)
{
    m_augmentation->setSettings(settings);
}

void DataSetPreview::setImageFolder(const ImageReportHandle& report, const DataSetHandle& data)
{
    m_imageFolder->setReport(report, data);
    m_imageFolderData = report ? data : DataSetHandle();
    m_imageFolder->setVisible(bool(report));
    // Its class rows replace the strip of first images and the class bars.
    m_samples->setVisible(!report);
    m_balance->setVisible(!report);
    if (report)
        m_title->hide();
}

void DataSetPreview::setTable(const TableReportHandle& report, const TableSettings& settings)
{
    m_table->setReport(report, settings);
    m_table->setVisible(bool(report));
}

void DataSetPreview::setDataSet(const DataSetHandle& data, float validationSplit)
{
    m_data = data;
    m_validationSplit = validationSplit;
    if (!data) {
        showMessage(tr("No data set loaded yet."));
        return;
    }
    m_progress->hide();
    if (data != m_augmentationData) { // not redrawn for every run on the same data
        m_augmentationData = data;
        m_augmentation->setData(data);
    }
    if (m_imageFolder->isVisibleTo(this) && data == m_imageFolderData) {
        updateSplit(); // a run on the folder the preview shows keeps its class rows
        return;
    }
    const bool table = data->schema.kind == DataSchema::Kind::Table;
    m_title->setVisible(!table); // the table preview has its own title and no images
    m_samples->setVisible(!table);
    if (table) {
        m_balance->setCounts({}, {});
        updateSplit();
        return;
    }
    m_table->hide();
    m_imageFolder->hide();
    m_title->setStyleSheet(QString());
    m_balance->show();
    m_title->setText(tr("<b>%1</b> · %2×%3 pixels · %4 classes")
                         .arg(QString::fromStdString(data->name).toHtmlEscaped())
                         .arg(data->train.rows)
                         .arg(data->train.cols)
                         .arg(data->classCount()));

    // A strip of the first training images, scaled up with hard pixels.
    const int count = int(std::min<std::size_t>(kSampleImages, data->train.count()));
    constexpr int kCell = 36, kPerRow = 6;
    const int rows = (count + kPerRow - 1) / kPerRow;
    QPixmap strip(kPerRow * (kCell + 2), std::max(1, rows) * (kCell + 2));
    strip.fill(Qt::transparent);
    QPainter p(&strip);
    for (int i = 0; i < count; ++i) {
        const QRect cell((i % kPerRow) * (kCell + 2), (i / kPerRow) * (kCell + 2), kCell, kCell);
        p.drawImage(cell, imageOf(data->train, std::size_t(i)));
    }
    p.end();
    m_samples->setPixmap(strip);

    std::vector<std::size_t> counts(std::size_t(std::max(1, data->classCount())), 0);
    for (std::uint8_t label : data->train.labels)
        if (label < counts.size())
            ++counts[label];
    m_balance->setCounts(counts, data->classNames);
    updateSplit();
}

void DataSetPreview::setValidationSplit(float validationSplit)
{
    m_validationSplit = validationSplit;
    updateSplit();
}

QString DataSetPreview::splitText() const
{
    return m_split->text();
}

void DataSetPreview::updateSplit()
{
    if (!m_data)
        return;
    const SplitSizes s = splitSizes(*m_data, m_validationSplit);
    const bool table = m_data->schema.kind == DataSchema::Kind::Table;
    m_split->setText(
        (table ? tr("Train %L1 · validation %L2 · test %L3 rows") : tr("Train %L1 · validation %L2 · test %L3 images"))
            .arg(s.train)
            .arg(s.validation)
            .arg(s.test));
}

} // namespace neurite::ui
