// What every layer type shares: option checks against its table, and the "cannot export" answer.
#include "layers/LayerKind.h"

#include "import/OnnxImportGraph.h"
#include "model/DesignPlan.h"
#include "model/Layer.h"
#include "neurite/Error.h"

#include <cmath>
#include <sstream>

namespace neurite {
namespace {

std::string numberText(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// The problem with `value` for `option`, or "" when it fits.
std::string optionProblem(const OptionDescriptor& option, const OptionValue& value)
{
    if (option.kind == OptionKind::Choice) {
        const std::string* text = std::get_if<std::string>(&value);
        for (const std::string& c : option.choices)
            if (text && *text == c)
                return "";
        std::string list;
        for (const std::string& c : option.choices)
            list += (list.empty() ? "" : ", ") + c;
        return " must be one of " + list + ".";
    }
    const double* number = std::get_if<double>(&value);
    if (!number || !std::isfinite(*number))
        return " must be a number.";
    if (*number < option.minimum || *number > option.maximum)
        return " must be between " + numberText(option.minimum) + " and " + numberText(option.maximum) + " (it is " +
               numberText(*number) + ").";
    if (option.kind != OptionKind::Real && *number != std::floor(*number))
        return " must be a whole number.";
    return "";
}

} // namespace

std::vector<std::pair<std::string, std::string>> LayerKind::optionProblems(const LayerSpec& layer) const
{
    std::vector<std::pair<std::string, std::string>> problems;
    for (const auto& [key, value] : layer.options) {
        const OptionDescriptor* option = nullptr;
        for (const OptionDescriptor& d : m_info.options)
            option = d.key == key ? &d : option;
        if (!option) {
            std::string known;
            for (const OptionDescriptor& d : m_info.options)
                known += (known.empty() ? "" : ", ") + d.key;
            problems.emplace_back(key, layerLabel(layer) + " has no option '" + key + "'" +
                                           (known.empty() ? " (it takes none)." : "; its options are " + known + "."));
            continue;
        }
        if (const std::string problem = optionProblem(*option, value); !problem.empty())
            problems.emplace_back(key, layerLabel(layer) + ": " + option->label + problem);
    }
    return problems;
}

std::unique_ptr<Layer> LayerKind::make(const PlanStep&, std::uint64_t) const
{
    return nullptr;
}

void LayerKind::cannotExport(const PlanStep& step, const std::string& format) const
{
    throw NeuriteError("cannot export layer '" + step.id() + "' (" + name() + ") to the " + format + " format");
}

void LayerKind::fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const
{
    graph.refuse(node, "Neurite's " + name() + " layer reads no ONNX operator");
}

void LayerKind::toOnnx(OnnxGraph&, const PlanStep& step) const
{
    cannotExport(step, "ONNX");
}

void LayerKind::toTorch(TorchModule&, const PlanStep& step) const
{
    cannotExport(step, "PyTorch");
}

void LayerKind::toCpp(CppProgram&, const PlanStep& step) const
{
    cannotExport(step, "C++ header");
}

const OptionTable<NoOptions>& noOptions()
{
    static const OptionTable<NoOptions> table{};
    return table;
}

std::string layerLabel(const LayerSpec& layer)
{
    return layer.type + " '" + layer.id + "'";
}

} // namespace neurite
