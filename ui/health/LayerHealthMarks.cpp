// Each layer's health as the node editor marks it (see LayerHealthMarks.h).
#include "health/LayerHealthMarks.h"

#include <QCoreApplication>

namespace neurite::ui {

LayerHealthMarks layerHealthMarks(const std::vector<HealthSample>& samples, const std::vector<HealthWarning>& warnings)
{
    LayerHealthMarks marks;
    if (samples.empty())
        return marks;
    for (const LayerHealth& layer : samples.back().layers)
        marks.insert(QString::fromStdString(layer.layerId),
                     {HealthLevel::Healthy,
                      QCoreApplication::translate("LayerHealthMarks", "Healthy: gradients and updates in range.")});
    for (const HealthWarning& warning : warnings) {
        LayerHealthMark& mark = marks[QString::fromStdString(warning.layerId)];
        const QString text = QString::fromStdString(warning.message);
        mark.text = mark.level == HealthLevel::Healthy ? text : mark.text + QLatin1Char('\n') + text;
        mark.level = std::max(mark.level, warning.level);
    }
    return marks;
}

} // namespace neurite::ui
