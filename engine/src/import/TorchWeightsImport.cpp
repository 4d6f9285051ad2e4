// importTorchWeights: the PyTorch exporter run backwards. Rather than a second description of every layer's
// layout, the exporter itself is run on "probe" weights whose values are their own positions: the arrays it
// writes then say, value by value, which Neurite weight each one came from.
#include "neurite/TorchWeightsImport.h"

#include "export/ExportSupport.h"
#include "export/TorchModule.h"
#include "io/NpzReader.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"

#include <map>

namespace neurite {
namespace {

constexpr int kProbeBits = 24; // a float holds every integer below 2^24 exactly

// The arrays weights.npz would hold for `weights`.
std::vector<NpyArray> exportedArrays(const DesignPlan& plan, const Weights& weights)
{
    TorchModule module(plan, weights);
    for (const PlanStep& step : plan.steps)
        step.kind->toTorch(module, step);
    return module.arrays();
}

// `current` with each value replaced by bits [shift, shift + 24) of its position among all values.
Weights probe(const Weights& current, int shift)
{
    Weights probed = current;
    std::uint64_t position = 0;
    for (NamedTensor& tensor : probed)
        for (float& value : tensor.values)
            value = float((position++ >> shift) & ((std::uint64_t(1) << kProbeBits) - 1));
    return probed;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + (shape.size() == 1 ? ",)" : ")");
}

bool isBatchCounter(const std::string& name)
{
    const std::string suffix = ".num_batches_tracked";
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The file's arrays by name; an array the design does not have is an error.
std::map<std::string, const NpyArray*> arraysByName(const std::vector<NpyArray>& given,
                                                    const std::vector<NpyArray>& expected, const std::string& path)
{
    std::map<std::string, const NpyArray*> byName;
    for (const NpyArray& array : given)
        byName[array.name] = &array;
    for (const NpyArray& array : given) {
        bool known = isBatchCounter(array.name);
        for (const NpyArray& e : expected)
            known = known || e.name == array.name;
        if (!known)
            throw NeuriteError(path + " has an array '" + array.name +
                               "' that the design's model.py does not have: the weights are of another design");
    }
    return byName;
}

} // namespace

Weights importTorchWeights(const NetworkSpec& spec, const Weights& current, const std::string& npzPath)
{
    const DesignPlan plan = exportPlan(spec, "PyTorch");
    std::vector<std::pair<std::size_t, std::size_t>> places; // position -> (tensor, value)
    for (std::size_t t = 0; t < current.size(); ++t)
        for (std::size_t v = 0; v < current[t].values.size(); ++v)
            places.emplace_back(t, v);
    const Weights lowProbe = probe(current, 0), highProbe = probe(current, kProbeBits);
    const std::vector<NpyArray> low = exportedArrays(plan, lowProbe);
    const std::vector<NpyArray> high = exportedArrays(plan, highProbe);
    const std::vector<NpyArray> given = readNpz(npzPath);
    const std::map<std::string, const NpyArray*> byName = arraysByName(given, low, npzPath);

    Weights imported = current;
    for (std::size_t k = 0; k < low.size(); ++k) {
        const auto found = byName.find(low[k].name);
        if (found == byName.end())
            throw NeuriteError(npzPath + " has no array '" + low[k].name + "' " + shapeText(low[k].shape) +
                               ", which the design's model.py has: the weights are of another design");
        const NpyArray& array = *found->second;
        if (array.shape != low[k].shape)
            throw NeuriteError(npzPath + ", array '" + array.name + "': its shape is " + shapeText(array.shape) +
                               ", the design's is " + shapeText(low[k].shape));
        for (std::size_t j = 0; j < array.values.size(); ++j) {
            const std::uint64_t position = std::uint64_t(high[k].values[j]) << kProbeBits |
                                           std::uint64_t(low[k].values[j]);
            const auto [tensor, value] = places.at(std::size_t(position));
            imported[tensor].values[value] = array.values[j];
        }
    }
    return imported;
}

} // namespace neurite
