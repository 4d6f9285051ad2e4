// model.py under construction, as the layer types' PyTorch hooks see it: module attributes created in
// __init__, one line of forward() per layer, and the weight arrays of weights.npz under the same names.
// A value in forward() is (N, features) or (N, C, H, W); asFlat/asImage convert where a layer needs the other.
#pragma once

#include "io/NpzWriter.h"
#include "kernels/Activations.h"
#include "model/DesignPlan.h"
#include "neurite/DataSchema.h"

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace neurite {

class TorchModule {
public:
    TorchModule(const DesignPlan& plan, const Weights& weights);

    const Weights& weights() const { return m_weights; }
    // The step's Python name: its module attribute (self.<name>) and the variable holding its output.
    const std::string& name(const PlanStep& step) const { return m_names.at(step.id()); }

    bool isImage(const std::string& layerId) const { return m_valueOf.at(layerId).image; }
    const std::string& variable(const std::string& layerId) const { return m_valueOf.at(layerId).name; }
    std::string asFlat(const std::string& layerId) const;
    std::string asImage(const std::string& layerId) const;

    // `self.<name> = <constructor>` in __init__, with the step's comment.
    void addModule(const PlanStep& step, const std::string& constructor);
    // `<name> = <expression>` in forward(): the step's output, an image or not.
    void addForward(const PlanStep& step, const std::string& expression, bool image);
    void addArray(NpyArray array) { m_arrays.push_back(std::move(array)); }

    // The Python expression applying `f` to `v` (softmax over dim 1; leaky ReLU with `alpha`).
    static std::string activation(Activation f, float alpha, const std::string& v);

    // forward() takes a table's raw encoding and first computes (x - offset) / divisor.
    void standardiseInput(const InputStandardisation& standardisation);
    // predict() maps the single output back to the target's units: y * deviation + mean.
    void scaleOutput(double targetMean, double targetDeviation);

    std::string moduleText() const;
    const std::vector<NpyArray>& arrays() const { return m_arrays; }

private:
    struct Value {
        std::string name;   // the Python variable
        bool image = false; // (N, C, H, W) rather than (N, features)
        Shape shape;        // of one sample
    };

    std::string comment(const PlanStep& step) const;
    std::string docString() const;
    std::string classText() const;

    const DesignPlan& m_plan;
    const Weights& m_weights;
    std::map<std::string, std::string> m_names;
    bool m_images;                          // forward() reshapes x to (N, C, H, W)
    std::map<std::string, Value> m_valueOf; // layer id -> the Python variable holding its output
    std::ostringstream m_init, m_forward;
    std::vector<NpyArray> m_arrays;
    std::string m_constants;     // INPUT_OFFSET and the like, after the shape constants
    bool m_standardised = false; // forward() starts with the standardisation
    bool m_scaledOutput = false; // predict() returns TARGET_MEAN + y * TARGET_DEVIATION
};

} // namespace neurite
