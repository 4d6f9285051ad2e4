// Synthetic data sets of the shapes the benchmarks need (their content does not change the speed): RGB
// images as an image folder gives them, rows of a wide numeric table, and a generated plane set.
#pragma once

#include "neurite/Benchmarks.h"
#include "neurite/Dataset.h"
#include "neurite/TableData.h"

#include <random>
#include <string>

namespace neurite::bench {

// `count` random images of `channels` x `side` x `side` with 10 classes, prepared as an image folder's
// (resized, not centred like a digit), so that designForData gives them its CNN.
inline Dataset syntheticImageFolder(std::size_t count, int channels, int side)
{
    Dataset d;
    d.name = "synthetic image folder";
    d.schema.kind = DataSchema::Kind::Images;
    d.schema.imagePreparation = ImagePreparation::Resize;
    d.train.channels = channels;
    d.train.rows = d.train.cols = side;
    d.test = d.train;
    std::mt19937_64 rng(7);
    d.train.pixels.resize(count * std::size_t(d.train.valuesPerSample()));
    for (auto& p : d.train.pixels)
        p = std::uint8_t(rng() & 0xff);
    for (std::size_t i = 0; i < count; ++i)
        d.train.labels.push_back(std::uint8_t(i % 10));
    for (int c = 0; c < 10; ++c)
        d.classNames.push_back("class" + std::to_string(c));
    return d;
}

// `count` rows of `features` standard normal values with 5 classes, as an encoded numeric table.
inline Dataset syntheticTable(std::size_t count, int features)
{
    Dataset d;
    d.name = "synthetic table";
    d.schema.kind = DataSchema::Kind::Table;
    d.train.kind = SampleKind::TableRow;
    d.train.channels = d.train.rows = 1;
    d.train.cols = features;
    d.test = d.train;
    std::mt19937_64 rng(7);
    std::normal_distribution<float> normal;
    d.train.values.resize(count * std::size_t(features));
    for (float& v : d.train.values)
        v = normal(rng);
    for (std::size_t i = 0; i < count; ++i)
        d.train.labels.push_back(std::uint8_t(i % 5));
    for (int c = 0; c < 5; ++c)
        d.classNames.push_back("c" + std::to_string(c));
    return d;
}

// The generated set `name` (spiral, circle...) with `points` points and the features of `options`.
inline Dataset planeSet(const std::string& name, int points, PlaneDataOptions options = {})
{
    DataOptions data;
    data.plane = options;
    data.plane.points = points;
    return loadTable(name, data);
}

} // namespace neurite::bench
