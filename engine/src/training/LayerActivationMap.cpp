// Which function each layer with parameters ends in, read from the compiled plan and the layer types.
#include "training/LayerActivationMap.h"

#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {

std::map<std::string, LayerEnding> layerEndings(const NetworkSpec& spec)
{
    std::map<std::string, LayerEnding> endings;
    const DesignPlan plan = compileDesign(spec);
    if (!plan.ok())
        return endings;
    for (const PlanStep& step : plan.steps)
        if (step.facts.parameters > 0)
            endings[step.id()] = {step.kind->outputActivation(step.layer), step.id()};
    // A parameter-free activation layer fed only by a linear layer with parameters stands for that layer's
    // activation.
    for (const PlanStep& step : plan.steps) {
        if (step.facts.parameters > 0 || step.inputs.size() != 1)
            continue;
        const Activation function = step.kind->outputActivation(step.layer);
        auto found = endings.find(step.inputs.front());
        if (function != Activation::Linear && found != endings.end() && found->second.activation == Activation::Linear)
            found->second = {function, step.id()};
    }
    return endings;
}

} // namespace neurite
