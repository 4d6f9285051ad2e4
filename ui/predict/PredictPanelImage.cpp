// The Predict tab for models trained on a folder of images (other than grey 28 x 28 digits): an image the
// user opens, drops or pastes replaces the canvas; the network sees it resized with the model's stored
// encoding, exactly as `neurite predict` reads the same file.
#include "predict/PredictPanel.h"

#include "charts/ProbabilityChart.h"
#include "predict/ActivationView.h"
#include "predict/DroppedImage.h"
#include "predict/ImageDropArea.h"
#include "predict/NetworkInputView.h"

#include "ImageSamples.h"

#include <neurite/Error.h>
#include <neurite/ImageFolder.h>

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

// Grey 28 x 28 models keep the digit canvas: they were trained on MNIST-like digits.
bool digitShaped(const ImageEncoding& encoding)
{
    return encoding.channels == 1 && encoding.rows == 28 && encoding.cols == 28;
}

} // namespace

QWidget* PredictPanel::buildImageColumn()
{
    m_imageArea = new ImageDropArea;
    connect(m_imageArea, &ImageDropArea::fileDropped, this, &PredictPanel::openImageFile);
    connect(m_imageArea, &ImageDropArea::imageDropped, this,
            [this](const QImage& image) { setPredictImage(image, tr("dropped image")); });
    auto* open = new QPushButton(tr("Open image…"));
    open->setToolTip(tr("Predict a PNG, JPEG, BMP or WebP image; it is resized as the model's data was"));
    connect(open, &QPushButton::clicked, this, &PredictPanel::openImageWithDialog);
    auto* paste = new QPushButton(tr("Paste"));
    paste->setToolTip(tr("Predict the image on the clipboard (Ctrl+V)"));
    connect(paste, &QPushButton::clicked, this, &PredictPanel::pasteImage);
    auto* pasteKey = new QShortcut(QKeySequence::Paste, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(pasteKey, &QShortcut::activated, this, [this] {
        if (showsImageArea())
            pasteImage();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(paste);
    buttons->addStretch();

    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_imageArea, 1);
    layout->addLayout(buttons);
    column->hide();
    return column;
}

// A table model's form, an image model's picture, or the digit canvas: whichever the schema asks for.
// Models of image folders read images resized as a whole (ImagePreparation::Resize); those of grey 28 x 28
// images keep the canvas, whose drawings are prepared as MNIST's digits were.
void PredictPanel::showInputFor(const std::optional<DataSchema>& schema)
{
    const bool resize = schema && schema->kind == DataSchema::Kind::Images &&
                        schema->imagePreparation == ImagePreparation::Resize;
    m_imageEncoding = resize ? std::optional<ImageEncoding>(schema->image) : std::nullopt;
    const bool images = showsImageArea();
    const bool form = showsTableForm();
    m_imageColumn->setVisible(images);
    m_canvasColumn->setVisible(!form && !images);
    if (images)
        m_inputView->setEmptyText(tr("%1 × %2").arg(schema->image.cols).arg(schema->image.rows),
                                  tr("The image the network sees: converted to %1 and resized to %2 × %3 "
                                     "(aspect ratio not kept), as the training images were")
                                      .arg(schema->image.channels == 1 ? tr("grey") : tr("RGB"))
                                      .arg(schema->image.cols)
                                      .arg(schema->image.rows));
    else
        m_inputView->setEmptyText(tr("28 x 28"), tr("The 28 x 28 image the network sees: the drawing cropped, "
                                                    "scaled to 20 px and centred by its centre of mass, as "
                                                    "MNIST was made"));
    m_seesLabel->setText(images ? tr("The network sees\n(%1 × %2, %3):")
                                      .arg(schema->image.cols)
                                      .arg(schema->image.rows)
                                      .arg(schema->image.channels == 1 ? tr("grey") : tr("RGB"))
                                : tr("The network sees\n(28 × 28):"));
}

bool PredictPanel::showsImageArea() const
{
    return m_imageEncoding && !digitShaped(*m_imageEncoding);
}

// A grey 28 x 28 model of an image folder: the file is shown on the canvas, and the network reads it as
// `neurite predict` does, resized as a whole.
std::optional<std::vector<float>> PredictPanel::resizedFileInput(const QString& path)
{
    if (!m_imageEncoding)
        return std::nullopt;
    const std::vector<std::uint8_t> sample = neurite::loadImageFile(path.toStdString(), *m_imageEncoding);
    std::vector<float> input(sample.size());
    for (std::size_t i = 0; i < sample.size(); ++i)
        input[i] = float(sample[i]) * kPixelScale;
    return input;
}

// A file goes through the engine's own reading (loadImageFile), so the Predict tab and `neurite predict`
// give the same answer for it; the picture shown is Qt's reading of the same file.
bool PredictPanel::openImageForModel(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        setStatus(tr("%1 is not an image Neurite can read: %2").arg(path, reader.errorString()), true);
        return false;
    }
    m_imageArea->setImage(image);
    m_imagePath = path;
    setStatus(tr("Image: %1 (%2 × %3)").arg(QFileInfo(path).fileName()).arg(image.width()).arg(image.height()));
    updatePrediction();
    return true;
}

bool PredictPanel::setPredictImage(const QImage& image, const QString& source)
{
    if (image.isNull())
        return false;
    m_imageArea->setImage(image);
    m_imagePath.clear();
    setStatus(tr("Image: %1 (%2 × %3)").arg(source).arg(image.width()).arg(image.height()));
    updatePrediction();
    return true;
}

// The clipboard's image, or the image file whose path or URL was copied.
bool PredictPanel::pasteImage()
{
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (mime && mime->hasImage())
        return setPredictImage(qvariant_cast<QImage>(mime->imageData()), tr("pasted image"));
    if (mime) {
        const QString path = droppedImagePath(mime);
        if (!path.isEmpty())
            return openImageFile(path);
    }
    setStatus(tr("The clipboard holds no image"), true);
    return false;
}

void PredictPanel::predictImage()
{
    if (m_imageArea->image().isNull())
        return clearPrediction(tr("Open, drop or paste an image"));
    const ImageEncoding e = *m_imageEncoding;
    if (m_network->inputShape().size() != e.channels * e.rows * e.cols)
        return clearPrediction(tr("This model takes %1 inputs, not a %2 × %3 image with %4 channel(s)")
                                   .arg(m_network->inputShape().size())
                                   .arg(e.cols)
                                   .arg(e.rows)
                                   .arg(e.channels));
    std::vector<std::uint8_t> sample;
    try {
        sample = m_imagePath.isEmpty() ? render::sampleFromQImage(m_imageArea->image(), e)
                                       : neurite::loadImageFile(m_imagePath.toStdString(), e);
    } catch (const NeuriteError& error) {
        setStatus(QString::fromStdString(error.what()), true);
        return clearPrediction(tr("The image could not be read"));
    }
    m_input.resize(sample.size());
    for (std::size_t i = 0; i < sample.size(); ++i)
        m_input[i] = float(sample[i]) * kPixelScale;
    m_probabilities.assign(std::size_t(m_network->outputSize()), 0.0f);
    m_network->predictOne(m_input.data(), m_probabilities.data());
    m_inputView->setInputImage(render::qImageFromSample(sample.data(), e));
    m_chart->setProbabilities(m_probabilities);
    m_activations->setActivations(m_network->activations());
    Q_EMIT predictionUpdated();
}

} // namespace neurite::ui
