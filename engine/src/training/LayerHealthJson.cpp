// Layer health samples <-> JSON (see LayerHealthJson.h).
#include "training/LayerHealthJson.h"

#include <limits>

namespace neurite {

namespace {

Json distributionToJson(const ValueDistribution& d)
{
    Json percentiles = Json::array();
    for (float p : d.percentiles)
        percentiles.push_back(nullableNumberToJson(p));
    return {{"percentiles", std::move(percentiles)}, {"histogram", d.histogram}};
}

ValueDistribution distributionFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    ValueDistribution d;
    const JsonLocation percentilesAt = at["percentiles"];
    const Json& percentiles = expectArray(member(value, "percentiles", at), percentilesAt);
    if (percentiles.size() != d.percentiles.size())
        percentilesAt.fail("expected " + std::to_string(d.percentiles.size()) + " percentiles, found " +
                           std::to_string(percentiles.size()));
    for (std::size_t i = 0; i < d.percentiles.size(); ++i)
        d.percentiles[i] = nullableFloatFromJson(percentiles[i], percentilesAt[i]);
    const JsonLocation histogramAt = at["histogram"];
    const Json& histogram = expectArray(member(value, "histogram", at), histogramAt);
    if (!histogram.empty() && histogram.size() != std::size_t(kHealthHistogramBins))
        histogramAt.fail("expected " + std::to_string(kHealthHistogramBins) + " counts, found " +
                         std::to_string(histogram.size()));
    for (std::size_t i = 0; i < histogram.size(); ++i)
        d.histogram.push_back(
            std::int32_t(expectInteger(histogram[i], histogramAt[i], 0, std::numeric_limits<std::int32_t>::max())));
    return d;
}

Json layerToJson(const LayerHealth& h)
{
    return {{"layer", h.layerId},
            {"weights", distributionToJson(h.weights)},
            {"gradients", distributionToJson(h.gradients)},
            {"weightNorm", nullableNumberToJson(h.weightNorm)},
            {"gradientNorm", nullableNumberToJson(h.gradientNorm)},
            {"updateRatio", nullableNumberToJson(h.updateRatio)},
            {"deadFraction", nullableNumberToJson(h.deadFraction)}};
}

LayerHealth layerFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    LayerHealth h;
    h.layerId = expectString(member(value, "layer", at), at["layer"]);
    h.weights = distributionFromJson(member(value, "weights", at), at["weights"]);
    h.gradients = distributionFromJson(member(value, "gradients", at), at["gradients"]);
    h.weightNorm = nullableFloatFromJson(member(value, "weightNorm", at), at["weightNorm"]);
    h.gradientNorm = nullableFloatFromJson(member(value, "gradientNorm", at), at["gradientNorm"]);
    h.updateRatio = nullableFloatFromJson(member(value, "updateRatio", at), at["updateRatio"]);
    h.deadFraction = nullableFloatFromJson(member(value, "deadFraction", at), at["deadFraction"]);
    return h;
}

} // namespace

Json healthToJson(const std::vector<HealthSample>& samples)
{
    Json array = Json::array();
    for (const HealthSample& sample : samples) {
        Json layers = Json::array();
        for (const LayerHealth& layer : sample.layers)
            layers.push_back(layerToJson(layer));
        array.push_back({{"step", sample.step}, {"epoch", sample.epoch}, {"layers", std::move(layers)}});
    }
    return array;
}

std::vector<HealthSample> healthFromJson(const Json& value, const JsonLocation& at)
{
    const Json& array = expectArray(value, at);
    if (array.size() > kMaxHealthSamples)
        at.fail("holds " + std::to_string(array.size()) + " samples; a run keeps at most " +
                std::to_string(kMaxHealthSamples));
    std::vector<HealthSample> samples(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        const JsonLocation sampleAt = at[i];
        expectObject(array[i], sampleAt);
        samples[i].step = expectInteger(member(array[i], "step", sampleAt), sampleAt["step"], 0,
                                        std::numeric_limits<std::int64_t>::max());
        samples[i].epoch = int(
            expectInteger(member(array[i], "epoch", sampleAt), sampleAt["epoch"], 0, std::numeric_limits<int>::max()));
        const JsonLocation layersAt = sampleAt["layers"];
        const Json& layers = expectArray(member(array[i], "layers", sampleAt), layersAt);
        for (std::size_t l = 0; l < layers.size(); ++l)
            samples[i].layers.push_back(layerFromJson(layers[l], layersAt[l]));
    }
    return samples;
}

} // namespace neurite
