// The training settings' rows for a generated two-dimensional data set (circle, spiral, ...) and the user's
// own points: how many points, how noisy, the seed that draws them, blobs' classes, and the input features
// (x1, x2, x1², x2², x1x2, sin x1, sin x2) as Playground offers them. They add themselves to the settings form.
#pragma once

#include <neurite/PlaneData.h>

#include <QObject>

#include <vector>

class QCheckBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace neurite::ui {

class PlaneOptionRows : public QObject {
    Q_OBJECT
public:
    // Adds the rows "Points", "Noise", "Data seed", "Classes" and "Features" to `form`, hidden until
    // setRowsVisible.
    PlaneOptionRows(QFormLayout* form, QWidget* parent);

    // `base` with the rows' values (what the rows do not show, such as painted points, stays).
    PlaneDataOptions settings(PlaneDataOptions base) const;
    // Shows `options`; does not emit.
    void setSettings(const PlaneDataOptions& options);
    // The rows for the set `name`: all for a generated set (classes for blobs only), the features alone for
    // painted points, none for other data.
    void setRowsVisible(const std::string& name);

    QSpinBox* pointsBox() const { return m_points; }
    QSpinBox* noiseBox() const { return m_noise; }
    QCheckBox* featureBox(PlaneFeature feature) const;

Q_SIGNALS:
    // The user changed how the points are made; the set must be generated again.
    void edited();
    // The user changed the features: the Input's width follows.
    void featuresEdited();

private:
    QWidget* buildFeatures(QWidget* parent);
    void onFeatureToggled(QCheckBox* box);

    QFormLayout* m_form;
    QSpinBox* m_points;
    QSpinBox* m_noise; // percent
    QSpinBox* m_dataSeed;
    QSpinBox* m_classes;
    QWidget* m_featureRow = nullptr;
    std::vector<QCheckBox*> m_features; // in planeFeatures() order
    bool m_updating = false;
};

} // namespace neurite::ui
