// The training settings' rows for a folder of images: image size and grey or colour.
#include "training/ImageOptionRows.h"

#include <QComboBox>
#include <QFormLayout>

namespace neurite::ui {

namespace {

// Square sizes people train small image models at, offered beside the sizes found in the folder.
constexpr int kStandardSides[] = {28, 32, 48, 64, 96, 128, 224};
// How many of the folder's own sizes (the most common first) the list offers.
constexpr std::size_t kSizesFoundListed = 4;

QString sizeText(QSize size)
{
    return QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
}

// "WIDTHxHEIGHT" as the report writes it; an invalid size when it is not that.
QSize parseSize(const std::string& text)
{
    const QStringList parts = QString::fromStdString(text).split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {};
    bool okWidth = false, okHeight = false;
    const QSize size(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
    return okWidth && okHeight && size.width() > 0 && size.height() > 0 ? size : QSize();
}

QComboBox* narrowBox(QWidget* parent)
{
    auto* box = new QComboBox(parent);
    // "From the data (RGB)" must not widen the sidebar past a small window: the list shows it in full.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(10);
    return box;
}

} // namespace

ImageOptionRows::ImageOptionRows(QFormLayout* form, QWidget* parent)
    : QObject(parent), m_form(form), m_size(narrowBox(parent)), m_colour(narrowBox(parent))
{
    m_size->setObjectName(QStringLiteral("imageSize"));
    m_size->setToolTip(tr("Every image is resized to this width × height (aspect ratio not kept); "
                          "from the data: the most common size, reduced if the images would not fit in memory"));
    m_colour->setObjectName(QStringLiteral("imageColour"));
    m_colour->setToolTip(tr("Grey: one channel (luminance); RGB: three. From the data: RGB when any image "
                            "has colour"));
    m_colour->addItem(tr("From the data"), 0);
    m_colour->addItem(tr("Grey"), 1);
    m_colour->addItem(tr("RGB"), 3);
    fillSizes(nullptr);
    form->addRow(tr("Image size"), m_size);
    form->addRow(tr("Colour"), m_colour);
    for (QComboBox* box : {m_size, m_colour})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                Q_EMIT edited();
        });
    setRowsVisible(false);
}

// "From the data" first, then the folder's most common sizes, then the standard squares.
void ImageOptionRows::fillSizes(const ImageFolderReport* report)
{
    const QSize chosen = m_size->currentData().toSize();
    m_updating = true;
    m_size->clear();
    m_size->addItem(tr("From the data"), QSize(0, 0));
    if (report)
        for (std::size_t i = 0; i < report->sizesFound.size() && i < kSizesFoundListed; ++i)
            if (const QSize size = parseSize(report->sizesFound[i].first); size.isValid())
                sizeIndex(size);
    for (int side : kStandardSides)
        sizeIndex(QSize(side, side));
    m_size->setCurrentIndex(chosen.isValid() ? sizeIndex(chosen) : 0);
    m_updating = false;
}

// The index of `size` in the list, added at the end when it is not there yet.
int ImageOptionRows::sizeIndex(QSize size)
{
    if (size.isEmpty())
        return 0;
    const int index = m_size->findData(size);
    if (index >= 0)
        return index;
    m_size->addItem(sizeText(size), size);
    return m_size->count() - 1;
}

ImageSettings ImageOptionRows::settings(ImageSettings base) const
{
    const QSize size = m_size->currentData().toSize();
    base.cols = size.width();
    base.rows = size.height();
    base.channels = m_colour->currentData().toInt();
    return base;
}

void ImageOptionRows::setSettings(const ImageSettings& settings)
{
    m_updating = true;
    m_size->setCurrentIndex(sizeIndex(QSize(settings.cols, settings.rows)));
    const int colour = m_colour->findData(settings.channels);
    m_colour->setCurrentIndex(colour >= 0 ? colour : 0);
    m_updating = false;
}

void ImageOptionRows::setReport(const ImageFolderReport& report, const ImageSettings& loadedWith)
{
    fillSizes(&report);
    // What "from the data" chose, when the folder was loaded with it.
    const ImageEncoding& e = report.encoding;
    if (loadedWith.rows == 0 || loadedWith.cols == 0)
        m_size->setItemText(0, tr("From the data (%1)").arg(sizeText(QSize(e.cols, e.rows))));
    if (loadedWith.channels == 0)
        m_colour->setItemText(0, tr("From the data (%1)").arg(e.channels == 1 ? tr("grey") : tr("RGB")));
}

void ImageOptionRows::setRowsVisible(bool visible)
{
    m_form->setRowVisible(m_size, visible);
    m_form->setRowVisible(m_colour, visible);
    if (!visible) { // another folder says again what its data chooses
        m_size->setItemText(0, tr("From the data"));
        m_colour->setItemText(0, tr("From the data"));
    }
}

} // namespace neurite::ui
