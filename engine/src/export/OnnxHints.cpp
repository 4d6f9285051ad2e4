// The "neurite.io" metadata of ONNX files behind OnnxHints.h.
#include "export/OnnxHints.h"

#include <nlohmann/json.hpp>

namespace neurite {
namespace {

const char* lossName(LossKind loss)
{
    return loss == LossKind::MeanSquaredError ? "mse" : "cross_entropy";
}

bool isDimension(const nlohmann::json& value)
{
    return value.is_number_integer() && value.get<long long>() >= 1 && value.get<long long>() <= 65536;
}

} // namespace

std::string onnxHintsJson(const OnnxHints& hints)
{
    nlohmann::json json{{"input", hints.inputId}, {"output", hints.outputId}};
    if (hints.inputShape)
        json["inputShape"] = {hints.inputShape->channels, hints.inputShape->height, hints.inputShape->width};
    if (hints.loss)
        json["loss"] = lossName(*hints.loss);
    return json.dump();
}

std::optional<OnnxHints> onnxHintsFromJson(const std::string& text)
{
    if (text.size() > 4096)
        return std::nullopt;
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object() || !json.value("input", nlohmann::json()).is_string() ||
        !json.value("output", nlohmann::json()).is_string())
        return std::nullopt;
    OnnxHints hints{json["input"].get<std::string>(), json["output"].get<std::string>(), {}, {}};
    if (const auto shape = json.find("inputShape"); shape != json.end()) {
        if (!shape->is_array() || shape->size() != 3 || !isDimension((*shape)[0]) || !isDimension((*shape)[1]) ||
            !isDimension((*shape)[2]))
            return std::nullopt;
        hints.inputShape = Shape{(*shape)[0].get<int>(), (*shape)[1].get<int>(), (*shape)[2].get<int>()};
    }
    if (const auto loss = json.find("loss"); loss != json.end()) {
        if (*loss == "mse")
            hints.loss = LossKind::MeanSquaredError;
        else if (*loss == "cross_entropy")
            hints.loss = LossKind::CrossEntropy;
        else
            return std::nullopt;
    }
    return hints;
}

} // namespace neurite
