// The training settings' rows for data augmentation.
#include "training/AugmentationRows.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace neurite::ui {

AugmentationRows::AugmentationRows(QFormLayout* form, QWidget* parent) : QObject(parent), m_form(form), m_parent(parent)
{
    // A short text: the sidebar is as wide as its widest field.
    m_enabled = new QCheckBox(tr("on"), parent);
    m_enabled->setObjectName(QStringLiteral("augmentation"));
    m_enabled->setToolTip(tr("Each training image is changed at random every epoch (the ranges below); "
                             "validation and test images are not"));
    form->addRow(tr("Augmentation"), m_enabled);
    // The ranges' limits are the engine's (validateAugmentation).
    m_shift = addRange(tr("Shift"), 0.5, 0.05, tr("Random shift up to this fraction of the width and height"));
    m_rotation = addRange(tr("Rotation"), 180, 5, tr("Random rotation up to this many degrees either way"));
    m_rotation->setSuffix(tr("°"));
    m_rotation->setDecimals(0);
    m_scale = addRange(tr("Zoom"), 0.9, 0.05, tr("Random zoom by a factor in [1 − x, 1 + x]"));
    m_flip = new QCheckBox(tr("Flip"), parent);
    m_flip->setToolTip(tr("Mirror half of the images left to right (not for digits or text)"));
    form->addRow(QString(), m_flip);
    m_brightness = addRange(tr("Brightness"), 1, 0.05, tr("Random brightness change up to this much (of full white)"));
    m_contrast = addRange(tr("Contrast"), 1, 0.05, tr("Random contrast factor in [1 − x, 1 + x]"));
    m_noise = addRange(tr("Noise"), 1, 0.01, tr("Standard deviation of the Gaussian noise added (of full white)"));
    connect(m_enabled, &QCheckBox::toggled, this, [this] {
        updateRows();
        if (!m_updating)
            Q_EMIT edited();
    });
    connect(m_flip, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            Q_EMIT edited();
    });
    setRowsVisible(false);
}

QDoubleSpinBox* AugmentationRows::addRange(const QString& label, double maximum, double step, const QString& tip)
{
    auto* box = new QDoubleSpinBox(m_parent);
    box->setRange(0.0, maximum);
    box->setSingleStep(step);
    box->setDecimals(2);
    box->setSpecialValueText(tr("off"));
    box->setToolTip(tip);
    m_form->addRow(label, box);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited();
    });
    return box;
}

AugmentationSettings AugmentationRows::settings() const
{
    AugmentationSettings s;
    s.enabled = m_enabled->isChecked();
    s.shift = float(m_shift->value());
    s.rotation = float(m_rotation->value());
    s.scale = float(m_scale->value());
    s.horizontalFlip = m_flip->isChecked();
    s.brightness = float(m_brightness->value());
    s.contrast = float(m_contrast->value());
    s.noise = float(m_noise->value());
    return s;
}

void AugmentationRows::setSettings(const AugmentationSettings& s)
{
    m_updating = true;
    m_enabled->setChecked(s.enabled);
    m_shift->setValue(s.shift);
    m_rotation->setValue(s.rotation);
    m_scale->setValue(s.scale);
    m_flip->setChecked(s.horizontalFlip);
    m_brightness->setValue(s.brightness);
    m_contrast->setValue(s.contrast);
    m_noise->setValue(s.noise);
    m_updating = false;
    updateRows();
}

void AugmentationRows::setRowsVisible(bool images)
{
    m_images = images;
    updateRows();
}

void AugmentationRows::updateRows()
{
    m_form->setRowVisible(m_enabled, m_images);
    const bool ranges = m_images && m_enabled->isChecked();
    for (QWidget* row :
         std::initializer_list<QWidget*>{m_shift, m_rotation, m_scale, m_flip, m_brightness, m_contrast, m_noise})
        m_form->setRowVisible(row, ranges);
}

} // namespace neurite::ui
