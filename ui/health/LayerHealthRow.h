// One layer in the Layers view: its name, its warning, and its charts (weights and gradients as
// distributions over the run and as the newest histogram, the gradient norm, the update ratio, dead ReLUs).
#pragma once

#include "health/HealthSeries.h"
#include "health/LayerHealthMarks.h"

#include <QFrame>

#include <vector>

class QLabel;

namespace neurite::ui {

class HealthChart;

class LayerHealthRow : public QFrame {
    Q_OBJECT
public:
    LayerHealthRow(const QString& layerId, QWidget* parent = nullptr);

    void showHealth(HealthSeries series, const LayerHealthMark& mark);
    QString warningText() const;
    const std::vector<HealthChart*>& charts() const { return m_charts; }

private:
    QLabel* m_title;
    QLabel* m_warning;
    std::vector<HealthChart*> m_charts;
    QString m_layerId;
};

// The colour of a health level: green, amber, red.
QColor healthColor(HealthLevel level);

} // namespace neurite::ui
