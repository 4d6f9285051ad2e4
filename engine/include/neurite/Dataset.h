// Training and test samples kept in memory: image bytes (converted to float per batch) or encoded table
// rows, with a class or a real target each.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// How a sample's values are stored: image bytes (0 = black background, 255 = full ink), or the floats of
// an encoded table row (standardised numbers and one-hot categories, see DataSchema).
enum class SampleKind { Image, TableRow };

// `count()` samples of channels x rows x cols values each (a table row: 1 x 1 x features), and a class
// label (classification) or a real target (regression) each.
struct SampleSet {
    SampleKind kind = SampleKind::Image;
    int channels = 1;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels; // images: count * valuesPerSample bytes, sample after sample, CHW
    std::vector<float> values;        // table rows: count * valuesPerSample floats, row after row
    std::vector<std::uint8_t> labels; // classification: count class indices
    std::vector<float> targets;       // regression: count targets, standardised (see DataSchema)

    std::size_t count() const { return labels.empty() ? targets.size() : labels.size(); }
    int valuesPerSample() const { return channels * rows * cols; }
    // One sample: (channels, rows, cols) for images, flat(features) for table rows.
    Shape shape() const { return kind == SampleKind::TableRow ? Shape::flat(cols) : Shape{channels, rows, cols}; }
    const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * std::size_t(valuesPerSample()); }
    const float* row(std::size_t i) const { return values.data() + i * std::size_t(valuesPerSample()); }
};

struct Dataset {
    std::string name;   // "mnist-10k", "fashion-mnist", "iris", or the folder or file
    std::string source; // the folder or file the samples came from
    SampleSet train;
    SampleSet test;
    // A validation part given with the data (an image folder's val/). When it holds samples the trainer
    // validates on it instead of holding out settings.validationSplit of `train`.
    SampleSet validation;
    std::vector<std::string> classNames; // "0".."9", "T-shirt/top", ..., a table's target categories
    DataSchema schema;                   // how raw images or rows become the network's input

    int classCount() const { return int(classNames.size()); }
    TaskKind task() const { return schema.task; }
    Shape inputShape() const { return train.shape(); }
};

// Pixels are scaled to [0, 1] exactly like this in training, evaluation and prediction.
constexpr float kPixelScale = 1.0f / 255.0f;

// Writes samples `indices[0..n)` of `set` as rows of `out` (n, valuesPerSample): image bytes scaled by
// kPixelScale, table rows copied.
void gatherBatch(const SampleSet& set, const std::uint32_t* indices, int n, Matrix& out);
// Starts loading samples `indices[0..n)` into the caches, so that the next gatherBatch finds them there.
void prefetchBatch(const SampleSet& set, const std::uint32_t* indices, int n);

} // namespace neurite
