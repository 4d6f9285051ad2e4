// The list of layer types, in palette order. A new layer type is one file in this folder defining its
// `...LayerType()` function, and one line here.
#include "layers/LayerKind.h"

namespace neurite {

const LayerKind& inputLayerType();
const LayerKind& denseLayerType();
const LayerKind& conv2DLayerType();
const LayerKind& maxPool2DLayerType();
const LayerKind& avgPool2DLayerType();
const LayerKind& globalAveragePoolLayerType();
const LayerKind& flattenLayerType();
const LayerKind& reluLayerType();
const LayerKind& leakyReluLayerType();
const LayerKind& sigmoidLayerType();
const LayerKind& tanhLayerType();
const LayerKind& softmaxLayerType();
const LayerKind& dropoutLayerType();
const LayerKind& batchNormLayerType();
const LayerKind& addLayerType();
const LayerKind& concatenateLayerType();
const LayerKind& outputLayerType();

const std::vector<const LayerKind*>& layerKinds()
{
    static const std::vector<const LayerKind*> kinds{
        &inputLayerType(),       &denseLayerType(),     &conv2DLayerType(),
        &maxPool2DLayerType(),   &avgPool2DLayerType(), &globalAveragePoolLayerType(),
        &flattenLayerType(),     &reluLayerType(),      &leakyReluLayerType(),
        &sigmoidLayerType(),     &tanhLayerType(),      &softmaxLayerType(),
        &dropoutLayerType(),     &batchNormLayerType(), &addLayerType(),
        &concatenateLayerType(), &outputLayerType(),
    };
    return kinds;
}

const LayerKind* findLayerKind(const std::string& name)
{
    for (const LayerKind* kind : layerKinds())
        if (kind->name() == name)
            return kind;
    return nullptr;
}

} // namespace neurite
