// Lookups in the table that engine/cmake/EmbedResources.cmake generates from resources/.
#include "io/EmbeddedResources.h"

#include <cassert>

namespace neurite {

// Defined in the generated EmbeddedResourceData.cpp.
extern const EmbeddedResource kEmbeddedResources[];
extern const int kEmbeddedResourceCount;

std::string_view embeddedResource(std::string_view path)
{
    for (int i = 0; i < kEmbeddedResourceCount; ++i)
        if (kEmbeddedResources[i].path == path)
            return kEmbeddedResources[i].bytes;
    assert(!"resource not embedded: list it in engine/CMakeLists.txt");
    return {};
}

std::vector<EmbeddedResource> embeddedResources(std::string_view folder)
{
    std::vector<EmbeddedResource> found;
    for (int i = 0; i < kEmbeddedResourceCount; ++i)
        if (kEmbeddedResources[i].path.starts_with(folder))
            found.push_back(kEmbeddedResources[i]);
    return found;
}

} // namespace neurite
