// compileDesign(): checks, then keeps what leads to the Output, in order, with the loss and its head.
#include "model/DesignPlan.h"

#include "layers/LayerKind.h"
#include "model/DesignChecks.h"
#include "neurite/Error.h"

#include <set>

namespace neurite {
namespace {

using Sources = std::map<std::string, std::vector<std::string>>;

const LayerSpec* outputLayer(const NetworkSpec& spec)
{
    for (const LayerSpec& layer : spec.layers)
        if (const LayerKind* kind = findLayerKind(layer.type); kind && kind->role() == LayerRole::Output)
            return &layer;
    return nullptr;
}

// The layers the Output depends on: dangling layers take no part.
std::set<std::string> neededLayers(const std::string& outputId, const Sources& sources)
{
    std::set<std::string> needed;
    std::vector<std::string> stack{outputId};
    while (!stack.empty()) {
        const std::string id = stack.back();
        stack.pop_back();
        if (id.empty() || !needed.insert(id).second)
            continue;
        if (const auto it = sources.find(id); it != sources.end())
            for (const std::string& from : it->second)
                stack.push_back(from);
    }
    return needed;
}

PlanStep makeStep(const LayerSpec& layer, const LayerKind& kind, const CheckedDesign& checked)
{
    PlanStep step;
    step.kind = &kind;
    step.layer = layer;
    step.inputs = checked.sources.at(layer.id);
    for (const std::string& from : step.inputs)
        step.inputShapes.push_back(checked.report.layers.at(from).outputShape);
    step.facts = checked.report.layers.at(layer.id);
    return step;
}

void planLayers(const NetworkSpec& spec, const CheckedDesign& checked, DesignPlan& plan)
{
    const LayerSpec* output = outputLayer(spec);
    const std::set<std::string> needed = neededLayers(output->id, checked.sources);
    for (const std::string& id : checked.report.order) {
        if (!needed.count(id))
            continue;
        const LayerSpec& layer = *spec.find(id);
        const LayerKind& kind = *findLayerKind(layer.type);
        if (kind.role() == LayerRole::Input) {
            plan.inputId = id;
            plan.inputShape = checked.report.layers.at(id).outputShape;
        } else if (kind.role() == LayerRole::Output) {
            plan.finalId = checked.sources.at(id).at(0);
            plan.loss = kind.loss(layer).value_or(LossKind::CrossEntropy);
        } else {
            plan.steps.push_back(makeStep(layer, kind, checked));
        }
    }
}

} // namespace

DesignPlan compileDesign(const NetworkSpec& spec)
{
    const CheckedDesign checked = checkDesign(spec);
    DesignPlan plan;
    plan.report = checked.report;
    if (!plan.report.ok())
        return plan;
    planLayers(spec, checked, plan);
    if (plan.inputId.empty() || plan.finalId.empty()) {
        plan.report.issues.push_back(
            {ValidationIssue::Severity::Error, "", "", "The design's Output is not connected to its Input."});
        return plan;
    }
    plan.outputSize = int(plan.report.layers.at(plan.finalId).outputShape.size());
    plan.softmaxHead = plan.loss == LossKind::CrossEntropy;
    // Cross-entropy computes softmax itself (fused, stable): a softmax ending the final layer is the head's.
    if (plan.softmaxHead)
        for (PlanStep& step : plan.steps)
            if (step.id() == plan.finalId)
                step.softmaxFolded = step.kind->endsInSoftmax(step.layer);
    return plan;
}

DesignPlan compileValidDesign(const NetworkSpec& spec)
{
    DesignPlan plan = compileDesign(spec);
    if (!plan.ok())
        throw NeuriteError("The design has problems:\n" + plan.report.errorSummary());
    return plan;
}

} // namespace neurite
