// The training settings' rows for data augmentation: on/off, and when on the ranges of the random shift,
// rotation, zoom, flip, brightness, contrast and noise (neurite/Augmentation.h). They add themselves to the
// settings form and show only for image data.
#pragma once

#include <neurite/Augmentation.h>

#include <QObject>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QWidget;

namespace neurite::ui {

class AugmentationRows : public QObject {
    Q_OBJECT
public:
    AugmentationRows(QFormLayout* form, QWidget* parent);

    AugmentationSettings settings() const;
    void setSettings(const AugmentationSettings& settings); // does not emit
    // Image data: the switch shows, and the ranges while it is on.
    void setRowsVisible(bool images);

    QCheckBox* enabledBox() const { return m_enabled; }
    QDoubleSpinBox* rotationBox() const { return m_rotation; }
    QDoubleSpinBox* shiftBox() const { return m_shift; }

Q_SIGNALS:
    void edited();

private:
    QDoubleSpinBox* addRange(const QString& label, double maximum, double step, const QString& tip);
    void updateRows();

    QFormLayout* m_form;
    QWidget* m_parent;
    QCheckBox* m_enabled;
    QDoubleSpinBox* m_shift;
    QDoubleSpinBox* m_rotation;
    QDoubleSpinBox* m_scale;
    QCheckBox* m_flip;
    QDoubleSpinBox* m_brightness;
    QDoubleSpinBox* m_contrast;
    QDoubleSpinBox* m_noise;
    bool m_images = false;
    bool m_updating = false;
};

} // namespace neurite::ui
