// Files of resources/ compiled into the engine (templates, export texts): looked up by their path there.
#pragma once

#include <string_view>
#include <vector>

namespace neurite {

struct EmbeddedResource {
    std::string_view path;  // relative to resources/, e.g. "templates/reference-mlp.json"
    std::string_view bytes; // the file's exact contents
};

// The bytes of resources/<path>. A missing path is a packaging bug (engine/CMakeLists.txt lists the files):
// asserted, and an empty view in release builds.
std::string_view embeddedResource(std::string_view path);

// Every embedded file whose path starts with `folder` (e.g. "templates/"), in the order CMake lists them.
std::vector<EmbeddedResource> embeddedResources(std::string_view folder);

} // namespace neurite
