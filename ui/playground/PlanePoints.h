// How the decision plane draws a data set's points: training points as filled dots with a thin white ring,
// test points filled with a dark outline (as Playground draws them), in their class's colour or their
// value's colour on the diverging scale.
#pragma once

#include "playground/PlaneFrame.h"

#include <QRgb>

#include <vector>

class QPainter;

namespace neurite::ui {

struct PlanePointsLook {
    bool showTraining = true;
    bool showTest = true;
    bool regression = false;
    int classes = 2;
    double valueRange = 1; // the diverging scale's half-width (regression)
};

// A point's radius in pixels for a plot `plotSide` pixels wide: crisp at 260 px, not blobs at 700 px.
double planePointRadius(double plotSide);

// The fill colour of a sample.
QRgb planeSampleColour(const PlaneSample& sample, const PlanePointsLook& look);

// One dot centred at `centre`.
void paintPlanePoint(QPainter& painter, const QPointF& centre, double radius, QRgb fill, bool test);

// Every shown sample inside the plot, the training points first so that the outlined test points stay
// visible on top.
void paintPlaneSamples(QPainter& painter, const PlaneFrame& frame, const std::vector<PlaneSample>& samples,
                       const PlanePointsLook& look);

} // namespace neurite::ui
