// A known edit of the reference MLP for the design-diff tests (engine and editor): dense1 narrowed to 64 and
// turned to tanh, a dropout inserted after it and dense2 removed.
#pragma once

#include "neurite/NetworkSpec.h"

namespace neurite::test {

inline NetworkSpec editedMlp()
{
    NetworkSpec after = *preset("mlp");
    after.find("dense1")->options["units"] = 64.0;
    after.find("dense1")->options["activation"] = std::string("tanh");
    after.layers.erase(after.layers.begin() + 2); // dense2
    after.layers.insert(after.layers.begin() + 2, LayerSpec{"dropout1", "Dropout", {{"rate", 0.5}}});
    after.connections = {
        {"input", "dense1", 0}, {"dense1", "dropout1", 0}, {"dropout1", "dense3", 0}, {"dense3", "output", 0}};
    return after;
}

} // namespace neurite::test
