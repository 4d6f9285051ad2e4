// The neuron view's pictures: weights in red and blue, feature maps in a heat scale, data set samples.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/NeuronInsight.h"

#include <QImage>

#include <vector>

namespace neurite::ui {

// Weights as an image, red for positive and blue for negative on one scale (the largest |weight|); an
// input of several channels is summed over them, as the saliency map is.
QImage weightPicture(const neurite::WeightImage& weights);

// A grid of `columns` maps of (height, width) each, 1 px apart, one heat scale for all of them (so that a
// weak channel looks weak); `framed` (or -1) gets an orange frame.
QImage mapGrid(const std::vector<float>& values, int maps, int height, int width, int columns, int framed);

// The kernels of a layer side by side in a grid, each on its own scale.
QImage kernelGrid(const std::vector<neurite::WeightImage>& kernels, int columns);

// Sample `index` of an image set as it is stored (grey or colour).
QImage samplePicture(const neurite::SampleSet& set, std::size_t index);

} // namespace neurite::ui
