// What layer types exist: their palette category, their options and how they shape data.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <string>
#include <vector>

namespace neurite {

enum class OptionKind { Integer, Real, Boolean, Choice };

// Describes one option of a layer type, so that validation and the UI inspector need no special cases.
struct OptionDescriptor {
    std::string key;   // "units"
    std::string label; // "Units"
    OptionKind kind = OptionKind::Real;
    double minimum = 0; // Integer / Real
    double maximum = 0;
    double defaultNumber = 0;         // Integer / Real / Boolean (0 or 1)
    std::vector<std::string> choices; // Choice
    std::string defaultChoice;        // Choice
    std::string help;
};

// Where a layer type stands in a design: the one Input, the one Output, or a layer between them.
enum class LayerRole { Input, Hidden, Output };

struct LayerTypeInfo {
    std::string name;        // "Dense"
    std::string category;    // "Input", "Core", "Convolution", "Activations", "Regularisation", "Merge", "Output"
    std::string description; // one sentence for the palette tooltip
    int inputPorts = 1;      // 0 for Input
    std::vector<OptionDescriptor> options; // with their defaults: what a missing option means
    LayerRole role = LayerRole::Hidden;
    bool spatial = false;             // reads an image input as an image (convolution, pooling, merges, ...)
    bool elementwise = false;         // keeps the shape and mixes no values (activations, dropout)
    bool identityAtInference = false; // dropout: the predict-time views skip it
    bool unitWeights = false;         // its "<id>.weight" is (inputs, units): one weight image per unit (Dense)
    bool channelWeights = false;      // its "<id>.weight" is (filters, channels * k * k): a kernel per channel (Conv2D)
    bool reshapesOnly = false;        // passes its input's values on unchanged and in order (Flatten)
};

// All layer types the engine can build, in palette order (each is one file in engine/src/layers).
const std::vector<LayerTypeInfo>& layerTypes();
const LayerTypeInfo* findLayerType(const std::string& name);

// The role of a layer of type `type`; Hidden for an unknown type.
LayerRole layerRole(const std::string& type);

// A LayerSpec of `type` with every option at its default.
LayerSpec defaultLayer(const std::string& type, const std::string& id);

// "Dense 128 · ReLU", "Dropout 0.5": the key options, for node captions.
std::string layerCaption(const LayerSpec& layer);

} // namespace neurite
