// The augmentation preview grid: each row an image as stored, then its augmented versions.
#include "training/AugmentationPreview.h"

#include "training/DataSetPreview.h"
#include "training/ImageFolderPreview.h"

#include "ImageSamples.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// The seed of the preview's draws: fixed, so that a changed range shows its own effect, not new dice.
constexpr std::uint64_t kPreviewSeed = 7;

// One sample's values in [0, 1] (CHW) as an image to show.
QImage imageOfValues(const float* values, const Shape& shape)
{
    const ImageEncoding encoding{shape.channels, shape.height, shape.width};
    std::vector<std::uint8_t> bytes(std::size_t(shape.size()));
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = std::uint8_t(std::lround(255.0f * std::clamp(values[i], 0.0f, 1.0f)));
    return render::qImageFromSample(bytes.data(), encoding);
}

void drawCell(QPainter& p, const QImage& image, int column, int row)
{
    constexpr int kCell = AugmentationPreview::kCell, kGap = 2;
    const QSize size = image.size().scaled(kCell, kCell, Qt::KeepAspectRatio);
    const QPoint corner(column * (kCell + kGap) + (kCell - size.width()) / 2,
                        row * (kCell + kGap) + (kCell - size.height()) / 2);
    p.drawImage(QRect(corner, size), image);
}

} // namespace

AugmentationPreview::AugmentationPreview(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(tr("Augmented training images (left: as stored)"), this)),
      m_image(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setWordWrap(true);
    // A narrow sidebar cuts the last column rather than growing wider than the window.
    m_image->setMinimumWidth(1);
    m_image->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    layout->addWidget(m_title);
    layout->addWidget(m_image);
    hide();
}

void AugmentationPreview::setData(const DataSetHandle& data)
{
    m_data = data;
    redraw();
}

void AugmentationPreview::setSettings(const AugmentationSettings& settings)
{
    if (settings == m_settings && !m_versions.empty())
        return;
    m_settings = settings;
    redraw();
}

void AugmentationPreview::redraw()
{
    m_versions.clear();
    const bool images = m_data && m_data->train.kind == SampleKind::Image && m_data->train.count() > 0;
    setVisible(images && m_settings.enabled);
    if (!images || !m_settings.enabled)
        return;
    const SampleSet& set = m_data->train;
    const Shape shape = set.shape();
    std::vector<std::size_t> samples;
    for (std::size_t label = 0; label < std::size_t(m_data->classCount()) && samples.size() < kSamples; ++label)
        for (std::size_t index : samplesOfClass(set, label, 1))
            samples.push_back(index);
    m_grid = QImage((kVersions + 1) * (kCell + 2), int(samples.size()) * (kCell + 2), QImage::Format_ARGB32);
    m_grid.fill(Qt::transparent);
    QPainter p(&m_grid);
    p.setRenderHint(QPainter::SmoothPixmapTransform, set.rows > kCell || set.cols > kCell);
    std::vector<float> values(std::size_t(set.valuesPerSample()));
    for (std::size_t row = 0; row < samples.size(); ++row) {
        const std::uint8_t* bytes = set.image(samples[row]);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = float(bytes[i]) * kPixelScale;
        drawCell(p, imageOf(set, samples[row]), 0, int(row));
        m_versions.push_back(augmentedVersions(m_settings, shape, values.data(), kVersions, kPreviewSeed + row));
        for (int k = 0; k < kVersions; ++k)
            drawCell(p, imageOfValues(m_versions.back().row(k).data(), shape), k + 1, int(row));
    }
    p.end();
    m_image->setPixmap(QPixmap::fromImage(m_grid));
    m_image->setFixedHeight(m_grid.height());
}

} // namespace neurite::ui
