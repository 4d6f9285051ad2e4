// The built-in starting designs: resources/templates/*.json, compiled into the engine.
#pragma once

#include "neurite/NetworkSpec.h"

#include <string>
#include <vector>

namespace neurite {

// A template file: {"name", "description", "preset" (optional), "design": <network JSON>}.
struct BuiltinTemplate {
    std::string file;   // "reference-mlp" (resources/templates/reference-mlp.json)
    std::string preset; // "mlp": the name preset() and the command line know it by; empty if none
    std::string name;   // "Reference MLP (784-128-64-10)", for menus
    std::string description;
    NetworkSpec design;
};

// Every template in menu order (the order of NEURITE_TEMPLATES in engine/CMakeLists.txt), parsed once.
const std::vector<BuiltinTemplate>& builtinTemplates();

} // namespace neurite
