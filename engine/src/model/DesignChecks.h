// The checks between layers: ids, wiring, one Input and one Output, cycles, shapes and reachability.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <map>
#include <string>
#include <vector>

namespace neurite {

struct CheckedDesign {
    ValidationReport report;
    std::map<std::string, std::vector<std::string>> sources; // layer id -> the layer wired into each port
};

// Every problem of `spec`, each tied to its layer, the shapes that could be inferred and the order.
CheckedDesign checkDesign(const NetworkSpec& spec);

} // namespace neurite
