// The decision plane's legend, one line above the plot: each class's colour and name (or the diverging
// scale's colours and range for a regression), and what a test point looks like.
#pragma once

#include <QColor>
#include <QRectF>
#include <QStringList>

class QFontMetrics;
class QPainter;

namespace neurite::ui {

struct PlaneLegendContent {
    QStringList classNames; // may be shorter than `classes`: the rest are numbered
    int classes = 2;
    bool regression = false;
    double valueRange = 1;
    bool showsTest = true; // explains the outlined dots
    QColor text = Qt::black;
};

int planeLegendHeight(const QFontMetrics& metrics);

// The name shown for class `index`.
QString planeClassName(const QStringList& classNames, int index);

// Draws the legend inside `area` (left-aligned; classes that do not fit end in "…").
void paintPlaneLegend(QPainter& painter, const QRectF& area, const PlaneLegendContent& content, double pointRadius);

} // namespace neurite::ui
