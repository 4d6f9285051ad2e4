// The differences between two designs: layers added, removed and changed (type and options, a missing
// option counting as its default), and wires added and removed. Layers are matched by id; those left
// unmatched are then paired by type in design order (the first unmatched Dense of one with the first of the
// other, ...), so that an imported ONNX model, whose layers have other ids, still compares layer by layer.
#pragma once

#include "neurite/NetworkSpec.h"

#include <string>
#include <vector>

namespace neurite {

struct OptionDifference {
    std::string key;
    std::string before; // "" when the option does not exist on that side (the types differ)
    std::string after;
    bool operator==(const OptionDifference&) const = default;
};

// A layer both designs have (matched by id, or by type and order) that differs.
struct LayerDifference {
    std::string beforeId;
    std::string afterId; // differs from beforeId when the layers were paired by type and order
    std::string beforeType;
    std::string afterType;
    std::vector<OptionDifference> options;
    bool operator==(const LayerDifference&) const = default;
};

struct DesignDiff {
    std::vector<LayerSpec> added;   // in the second design only
    std::vector<LayerSpec> removed; // in the first design only
    std::vector<LayerDifference> changed;
    // Wires, named by the second design's ids where a layer was paired under another id.
    std::vector<Connection> connectionsAdded;
    std::vector<Connection> connectionsRemoved;

    bool empty() const;
    bool operator==(const DesignDiff&) const = default;
};

DesignDiff diffDesigns(const NetworkSpec& before, const NetworkSpec& after);

// One line per difference: "+ layer dropout1 (Dropout rate=0.5)", "- layer dense2 (Dense)",
// "~ layer dense1 (Dense): units 128 -> 64", "+ wire dense1 -> dropout1"; empty for no differences.
std::string designDiffText(const DesignDiff& diff);

// An option value as design files write it: 0.5, 128, "relu".
std::string optionText(const OptionValue& value);

} // namespace neurite
