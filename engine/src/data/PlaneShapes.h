// The shapes of the generated two-dimensional data sets, one function each, after the generators of
// TensorFlow Playground's dataset.ts (its radii, spreads and labels), with classes drawn in exact shares.
#pragma once

#include "data/PlaneRandom.h"
#include "neurite/PlaneData.h"

#include <vector>

namespace neurite {

// The points of class `index` of `classes` when `points` are shared out: equal shares, the first
// `points % classes` classes one more.
int classShare(int points, int classes, int index);

// Half the points uniformly in a disc of radius 2.5 (label 1), half in the ring from 3.5 to 5 (label -1);
// with noise, a point is labelled by where it lands when moved by up to 5 * noise on each axis.
std::vector<PlanePoint> circlePoints(const PlaneDataOptions& options, PlaneRandom& random);
// Uniform over [-5.3, -0.3] ∪ [0.3, 5.3] on each axis: label 1 where x1 * x2 >= 0 (half the points), -1
// elsewhere; with noise, labelled by where a point lands when moved by up to 5 * noise on each axis.
std::vector<PlanePoint> xorPoints(const PlaneDataOptions& options, PlaneRandom& random);
// Two Gaussian blobs around (2, 2) (label 1) and (-2, -2) (label -1), variance 0.5 growing to 4 at noise 0.5.
std::vector<PlanePoint> gaussPoints(const PlaneDataOptions& options, PlaneRandom& random);
// Two interleaved spirals of 1.75 turns out to radius 5 (label 1, and label -1 turned by half a turn),
// each point moved by up to `noise` on each axis.
std::vector<PlanePoint> spiralPoints(const PlaneDataOptions& options, PlaneRandom& random);
// options.classes Gaussian blobs (classes 0, 1, ...) centred on a circle of radius 3.5, the first at the top,
// with gauss's variance.
std::vector<PlanePoint> blobPoints(const PlaneDataOptions& options, PlaneRandom& random);
// Uniform over [-6, 6]²; the value is (x1 + x2) / 10, read where a point lands when moved by up to 6 * noise.
std::vector<PlanePoint> planePoints(const PlaneDataOptions& options, PlaneRandom& random);
// Uniform over [-6, 6]²; six bumps (centres (-4|0|4, ±2.5), signs alternating) each falling linearly from
// ±1 at its centre to 0 at distance 2, the largest in magnitude wins; noise as for plane.
std::vector<PlanePoint> gaussRegressionPoints(const PlaneDataOptions& options, PlaneRandom& random);

// gauss-regression's value at (x1, x2), without noise.
double gaussRegressionValue(double x1, double x2);

} // namespace neurite
