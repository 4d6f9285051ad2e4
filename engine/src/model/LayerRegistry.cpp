// The public view of the layer types: their descriptions, defaults and captions, from engine/src/layers.
#include "neurite/LayerRegistry.h"

#include "layers/LayerKind.h"

namespace neurite {

const std::vector<LayerTypeInfo>& layerTypes()
{
    static const std::vector<LayerTypeInfo> types = [] {
        std::vector<LayerTypeInfo> all;
        for (const LayerKind* kind : layerKinds())
            all.push_back(kind->info());
        return all;
    }();
    return types;
}

const LayerTypeInfo* findLayerType(const std::string& name)
{
    const LayerKind* kind = findLayerKind(name);
    return kind ? &kind->info() : nullptr;
}

LayerRole layerRole(const std::string& type)
{
    const LayerKind* kind = findLayerKind(type);
    return kind ? kind->role() : LayerRole::Hidden;
}

LayerSpec defaultLayer(const std::string& type, const std::string& id)
{
    const LayerKind* kind = findLayerKind(type);
    return {id, type, kind ? kind->defaultOptions() : LayerOptions{}};
}

std::string layerCaption(const LayerSpec& layer)
{
    const LayerKind* kind = findLayerKind(layer.type);
    return kind ? kind->caption(layer) : layer.type;
}

} // namespace neurite
