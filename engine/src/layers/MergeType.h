// What the two-input layer types (Add, Concatenate) share: both inputs in the same form (images when the
// output is an image or both inputs are), in every exporter.
#pragma once

#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {

class MergeType : public LayerKindOf<NoOptions> {
protected:
    explicit MergeType(LayerTypeInfo info) : LayerKindOf(withTraits(std::move(info)), noOptions()) {}

    // Both inputs of `step` as the ONNX graph holds them, rank 4 or both rank 2; `image4` says which.
    static std::vector<std::string> onnxInputs(OnnxGraph& graph, const PlanStep& step, bool& image4)
    {
        const std::string& a = step.inputs.at(0);
        const std::string& b = step.inputs.at(1);
        image4 = !step.outputShape().isFlat() || (graph.isImage(a) && graph.isImage(b));
        return image4 ? std::vector{graph.asImage(a), graph.asImage(b)} : std::vector{graph.asFlat(a), graph.asFlat(b)};
    }

    // The same in model.py's forward().
    static std::pair<std::string, std::string> torchInputs(const TorchModule& module, const PlanStep& step, bool& image)
    {
        const std::string& a = step.inputs.at(0);
        const std::string& b = step.inputs.at(1);
        image = !step.outputShape().isFlat() || (module.isImage(a) && module.isImage(b));
        return image ? std::pair{module.asImage(a), module.asImage(b)} : std::pair{module.asFlat(a), module.asFlat(b)};
    }

    // The two data inputs of an imported node, of the same rank (`image` says which).
    static std::vector<std::string> importedInputs(const OnnxImportGraph& graph, const OnnxNodeView& node, bool& image)
    {
        if (node.inputCount() != 2)
            graph.refuse(node,
                         "Neurite's merge layers take two inputs; this node has " + std::to_string(node.inputCount()));
        const std::string& a = graph.dataInput(node, 0);
        const std::string& b = graph.dataInput(node, 1);
        if (graph.isImage(a) != graph.isImage(b))
            graph.refuse(node, "its inputs differ in rank (broadcasting has no Neurite layer)");
        image = graph.isImage(a);
        return {a, b};
    }

    bool needsTwoInputs(const LayerSpec& layer, const std::vector<Shape>& inputs, std::string& error) const
    {
        if (inputs.size() >= 2)
            return true;
        error = layerLabel(layer) + " needs two inputs.";
        return false;
    }

private:
    static LayerTypeInfo withTraits(LayerTypeInfo info)
    {
        info.category = "Merge";
        info.inputPorts = 2;
        info.spatial = true;
        return info;
    }
};

} // namespace neurite
