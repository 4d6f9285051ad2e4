// The optimiser factory and the checks on optimiser settings shared with validateSettings().
#include "training/Optimizer.h"

#include "training/AdamOptimizer.h"
#include "training/RmsPropOptimizer.h"
#include "training/SgdOptimizer.h"
#include "neurite/Error.h"

#include <cmath>
#include <sstream>

namespace neurite {

namespace {
std::string show(float value)
{
    std::ostringstream out;
    out << value; // "-1", "0.001", "1e-08", "nan"
    return out.str();
}

// Comparisons are written so that NaN fails them.
void requirePositiveFinite(const char* field, float value)
{
    if (!(value > 0.0f && std::isfinite(value)))
        throw NeuriteError(std::string(field) + " must be > 0 and finite (got " + show(value) + ")");
}

void requireNonNegativeFinite(const char* field, float value)
{
    if (!(value >= 0.0f && std::isfinite(value)))
        throw NeuriteError(std::string(field) + " must be >= 0 and finite (got " + show(value) + ")");
}

void requireUnitInterval(const char* field, float value)
{
    if (!(value >= 0.0f && value < 1.0f))
        throw NeuriteError(std::string(field) + " must be in [0, 1) (got " + show(value) + ")");
}
} // namespace

void validateOptimizerSettings(const OptimizerSettings& settings)
{
    const std::string& kind = settings.kind;
    if (kind != "sgd" && kind != "adam" && kind != "adamw" && kind != "rmsprop")
        throw NeuriteError("optimizer: unknown kind '" + kind + "' (choose sgd, adam, adamw or rmsprop)");
    requirePositiveFinite("learning rate", settings.learningRate);
    // Every field is checked whichever kind is chosen, so a project file never carries a bad value that
    // would surface only after switching kinds.
    requireUnitInterval("momentum", settings.momentum);
    requireUnitInterval("beta1", settings.beta1);
    requireUnitInterval("beta2", settings.beta2);
    requirePositiveFinite("epsilon", settings.epsilon);
    requireUnitInterval("rho", settings.rho);
    requireNonNegativeFinite("weight decay", settings.weightDecay);
    // Only SGD reads the flag, so a stale tick left over from SGD does not block Adam.
    if (kind == "sgd" && settings.nesterov && settings.momentum <= 0.0f)
        throw NeuriteError("nesterov needs momentum > 0 (got " + show(settings.momentum) + ")");
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerSettings& settings)
{
    validateOptimizerSettings(settings);
    if (settings.kind == "sgd")
        return std::make_unique<SgdOptimizer>(settings);
    if (settings.kind == "adam")
        return std::make_unique<AdamOptimizer>(settings, AdamOptimizer::WeightDecay::L2);
    if (settings.kind == "adamw")
        return std::make_unique<AdamOptimizer>(settings, AdamOptimizer::WeightDecay::Decoupled);
    return std::make_unique<RmsPropOptimizer>(settings);
}

} // namespace neurite
