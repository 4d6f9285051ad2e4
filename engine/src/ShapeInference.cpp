// Shape rules of each layer type. New layer types add a branch here and an entry in LayerRegistry.cpp.
#include "ShapeInference.h"

namespace neurite {

std::string layerLabel(const LayerSpec& layer)
{
    return layer.type + " '" + layer.id + "'";
}

bool inferLayer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts, std::string& error)
{
    const std::string& type = layer.type;
    if (type == "Input") {
        facts.outputShape = {int(layer.number("channels", 1)), int(layer.number("height", 1)),
                             int(layer.number("width", 1))};
        return true;
    }
    const Shape in = inputs.empty() ? Shape{} : inputs.front();
    if (type == "Dense") {
        const long units = long(layer.number("units", 1));
        const bool bias = layer.number("bias", 1) != 0;
        facts.outputShape = Shape::flat(int(units));
        facts.parameters = in.size() * units + (bias ? units : 0);
        facts.multiplyAdds = in.size() * units;
        return true;
    }
    if (type == "Output") {
        facts.outputShape = in;
        if (layer.text("loss", "cross_entropy") == "cross_entropy" && in.size() < 2) {
            error = layerLabel(layer) + ": cross-entropy needs at least 2 classes, but its input has shape " +
                    in.toString() + ". Give the last Dense layer one unit per class.";
            return false;
        }
        return true;
    }
    // Element-wise layers keep the shape.
    facts.outputShape = in;
    return true;
}

} // namespace neurite
