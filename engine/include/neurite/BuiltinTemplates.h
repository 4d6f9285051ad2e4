// The built-in starting designs: resources/templates/*.json, compiled into the engine.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/TrainingSettings.h"

#include <optional>

#include <string>
#include <vector>

namespace neurite {

// A template file: {"name", "description", "preset" (optional), "design": <network JSON>, "settings"
// (optional): the training settings it is meant for, as a project file writes them}.
struct BuiltinTemplate {
    std::string file;   // "reference-mlp" (resources/templates/reference-mlp.json)
    std::string preset; // "mlp": the name preset() and the command line know it by; empty if none
    std::string name;   // "Reference MLP (784-128-64-10)", for menus
    std::string description;
    NetworkSpec design;
    std::optional<TrainingSettings> settings; // the playground templates choose their data and optimiser
};

// Every template in menu order (the order of NEURITE_TEMPLATES in engine/CMakeLists.txt), parsed once.
const std::vector<BuiltinTemplate>& builtinTemplates();

} // namespace neurite
