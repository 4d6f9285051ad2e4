// The standalone C++ header under construction, as the layer types' C++ hooks see it: constexpr weight
// arrays, and the statements of predict() calling the kernels of resources' neurite_kernels text.
#pragma once

#include "kernels/Activations.h"
#include "neurite/DataSchema.h"
#include "model/DesignPlan.h"

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace neurite {

class CppProgram {
public:
    CppProgram(const DesignPlan& plan, const Weights& weights);

    const Weights& weights() const { return m_weights; }
    // The step's identifier, and the buffer holding a layer's output ("input" for the Input).
    const std::string& name(const PlanStep& step) const { return m_names.at(step.id()); }
    const std::string& buffer(const std::string& layerId) const { return m_bufferOf.at(layerId); }

    // Opens the step in predict(): its comment and its output buffer `float <name>_out[n]`, returned.
    std::string output(const PlanStep& step);
    // The step's output is its first input's buffer (identity at inference: dropout, a folded softmax).
    void passThrough(const PlanStep& step);

    // A comment above the step's arrays ("// id: caption; <what>"), then each array.
    void arraysComment(const PlanStep& step, const std::string& what);
    void array(const std::string& name, const std::string& tensor, const std::vector<float>& values);
    // One statement of predict(), indented.
    void statement(const std::string& line);
    void activation(Activation f, float alpha, const std::string& buffer, long n);
    // "detail::Window{...}" for a window of `kernel` sliding over `in` to give `out`.
    static std::string window(const Shape& in, const Shape& out, int kernel, int stride, int padTop, int padLeft);

    // predict() takes a table's raw encoding and first computes (input - offset) / divisor.
    void standardiseInput(const InputStandardisation& standardisation);
    // predict() maps its single output back to the target's units: output * deviation + mean.
    void scaleOutput(double targetMean, double targetDeviation);

    // The whole header, for a file at `path` (its stem names the namespace).
    std::string headerText(const std::string& path) const;

private:
    std::string body() const;

    const DesignPlan& m_plan;
    const Weights& m_weights;
    std::map<std::string, std::string> m_names;
    std::map<std::string, std::string> m_bufferOf; // layer id -> the buffer holding its output
    std::ostringstream m_arrays, m_body;
    long m_stackFloats = 0;
    bool m_standardised = false;
    bool m_scaledOutput = false;
};

} // namespace neurite
