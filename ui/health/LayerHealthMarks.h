// Each layer's health as the node editor marks it: a level (green, amber, red) and the warning in words.
#pragma once

#include <neurite/LayerHealth.h>

#include <QHash>
#include <QMetaType>
#include <QString>

namespace neurite::ui {

struct LayerHealthMark {
    HealthLevel level = HealthLevel::Healthy;
    QString text; // the warnings about the layer, one a line; a short "healthy" note when none
};

// Keyed by layer id; every layer with parameters of the run has one.
using LayerHealthMarks = QHash<QString, LayerHealthMark>;

// The marks for the newest of `samples`, judged by healthWarnings().
LayerHealthMarks layerHealthMarks(const std::vector<HealthSample>& samples, const std::vector<HealthWarning>& warnings);

} // namespace neurite::ui

Q_DECLARE_METATYPE(neurite::ui::LayerHealthMarks)
