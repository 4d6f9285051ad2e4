// Plain-words warnings over layer health samples: vanishing or exploding gradients and dead ReLUs.
#include "neurite/LayerHealth.h"

#include "training/LayerActivationMap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace neurite {

namespace {

// Warnings judge the median of the last few samples, so one odd batch raises nothing.
constexpr std::size_t kJudgedSamples = 5;

// One layer's medians over the judged samples.
struct LayerFigures {
    std::string id;
    double gradientRms = 0; // ||dW|| / sqrt(values): comparable between layers of different sizes
    double updateRatio = 0;
    double deadFraction = std::nan("");
    bool finite = true;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double valueCount(const LayerHealth& layer)
{
    return std::accumulate(layer.weights.histogram.begin(), layer.weights.histogram.end(), 0.0);
}

std::vector<LayerFigures> judgedFigures(const std::vector<HealthSample>& samples)
{
    const std::size_t first = samples.size() > kJudgedSamples ? samples.size() - kJudgedSamples : 0;
    std::vector<LayerFigures> figures;
    for (std::size_t l = 0; l < samples.back().layers.size(); ++l) {
        LayerFigures f;
        f.id = samples.back().layers[l].layerId;
        std::vector<double> rms, ratio, dead;
        for (std::size_t s = first; s < samples.size(); ++s) {
            if (l >= samples[s].layers.size() || samples[s].layers[l].layerId != f.id)
                continue;
            const LayerHealth& h = samples[s].layers[l];
            f.finite = f.finite && std::isfinite(h.gradientNorm) && std::isfinite(h.weightNorm);
            rms.push_back(double(h.gradientNorm) / std::sqrt(std::max(1.0, valueCount(h))));
            ratio.push_back(h.updateRatio);
            if (!std::isnan(h.deadFraction))
                dead.push_back(h.deadFraction);
        }
        f.gradientRms = median(rms);
        f.updateRatio = median(ratio);
        f.deadFraction = median(dead);
        figures.push_back(f);
    }
    return figures;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1g", value);
    return text;
}

std::string percent(double share)
{
    return std::to_string(int(std::lround(share * 100))) + "%";
}

std::string vanishingAdvice(bool saturating)
{
    return saturating ? " Try ReLU with He initialisation instead of a sigmoid or tanh, BatchNorm after the layer, "
                        "or fewer layers."
                      : " Try He initialisation, BatchNorm after the layer, or a larger learning rate.";
}

void judgeGradients(const LayerFigures& f, double lastRms, bool saturating, const HealthThresholds& t,
                    std::vector<HealthWarning>& out)
{
    const double relative = lastRms > 0 ? f.gradientRms / lastRms : 1.0;
    if (!f.finite || relative > t.explodingGradient || f.updateRatio > t.explodingRatio) {
        out.push_back({f.id, HealthLevel::Problem,
                       f.id + ": gradients are exploding: each step changes its weights by " + percent(f.updateRatio) +
                           " (gradient " + number(relative) +
                           " times the last layer's). Try a smaller learning rate, BatchNorm, or Xavier/He "
                           "initialisation."});
        return;
    }
    if (relative < t.vanishingGradient || f.updateRatio < t.vanishingRatio) {
        out.push_back({f.id, HealthLevel::Problem,
                       f.id + ": gradients are vanishing: its gradient is " + number(relative) +
                           " times the last layer's and each step changes its weights by " + number(f.updateRatio) +
                           " of their size, so it barely learns." + vanishingAdvice(saturating)});
        return;
    }
    if (relative < t.vanishingGradient * 10 || f.updateRatio < t.vanishingRatio * 10)
        out.push_back({f.id, HealthLevel::Watch,
                       f.id + ": gradients are getting small (" + number(relative) +
                           " times the last layer's); it learns slowly." + vanishingAdvice(saturating)});
}

void judgeDeadUnits(const LayerFigures& f, const HealthThresholds& t, std::vector<HealthWarning>& out)
{
    if (std::isnan(f.deadFraction) || f.deadFraction <= t.deadShare / 2)
        return;
    const bool most = f.deadFraction > t.deadShare;
    out.push_back({f.id, most ? HealthLevel::Problem : HealthLevel::Watch,
                   f.id + ": " + percent(f.deadFraction) +
                       " of its ReLUs are dead (0 for every sample of the batch) and no longer learn. Try a "
                       "smaller learning rate, He initialisation, or LeakyReLU."});
}

} // namespace

std::vector<HealthWarning> healthWarnings(const std::vector<HealthSample>& samples, const NetworkSpec& spec,
                                          const HealthThresholds& thresholds)
{
    std::vector<HealthWarning> warnings;
    if (samples.empty() || samples.back().layers.empty())
        return warnings;
    const std::vector<LayerFigures> figures = judgedFigures(samples);
    const std::map<std::string, LayerEnding> endings = layerEndings(spec);
    const double lastRms = figures.back().gradientRms;
    for (std::size_t l = 0; l < figures.size(); ++l) {
        const auto ending = endings.find(figures[l].id);
        const bool saturating = ending != endings.end() && (ending->second.activation == Activation::Sigmoid ||
                                                            ending->second.activation == Activation::Tanh);
        // The last layer is the yardstick of the others' gradients; its own update can still explode.
        if (l + 1 < figures.size())
            judgeGradients(figures[l], lastRms, saturating, thresholds, warnings);
        else if (!figures[l].finite || figures[l].updateRatio > thresholds.explodingRatio)
            judgeGradients(figures[l], lastRms, saturating, thresholds, warnings);
        judgeDeadUnits(figures[l], thresholds, warnings);
    }
    return warnings;
}

} // namespace neurite
