// The Input layer type: the network's input, one image (channels x height x width) per sample.
#include "layers/LayerKind.h"

namespace neurite {
namespace {

struct InputOptions {
    int channels = 1;
    int height = 28;
    int width = 28;
};

const OptionTable<InputOptions>& inputOptions()
{
    static const OptionTable<InputOptions> table{
        integerOption("channels", "Channels", 1, 4096, &InputOptions::channels, "Colour channels (1 for grey images)"),
        integerOption("height", "Height", 1, 4096, &InputOptions::height, "Image height in pixels"),
        integerOption("width", "Width", 1, 4096, &InputOptions::width, "Image width in pixels"),
    };
    return table;
}

class InputType final : public LayerKindOf<InputOptions> {
public:
    InputType()
        : LayerKindOf({.name = "Input",
                       .category = "Input",
                       .description = "The network's input: one image (channels x height x width) per sample.",
                       .inputPorts = 0,
                       .role = LayerRole::Input},
                      inputOptions())
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>&, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = shape(layer);
        return true;
    }

    std::string caption(const LayerSpec& layer) const override { return "Input " + shape(layer).toString(); }

private:
    Shape shape(const LayerSpec& layer) const
    {
        const InputOptions o = options(layer);
        return {o.channels, o.height, o.width};
    }
};

} // namespace

const LayerKind& inputLayerType()
{
    static const InputType type;
    return type;
}

} // namespace neurite
