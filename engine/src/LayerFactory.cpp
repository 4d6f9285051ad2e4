// Spec -> Layer. New layer types add a branch here (and in ShapeInference.cpp and LayerRegistry.cpp).
#include "LayerFactory.h"

#include "ActivationLayer.h"
#include "DenseLayer.h"
#include "DropoutLayer.h"

namespace neurite {

std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const std::vector<Shape>& inputShapes, std::uint64_t seed)
{
    const std::string& type = spec.type;
    if (type == "Dense") {
        const Activation activation = activationFromName(spec.text("activation", "linear"));
        const std::string init = spec.text("init", "auto");
        const bool heLike = activation == Activation::ReLU || activation == Activation::LeakyReLU;
        const DenseLayer::Init chosen =
            init == "he" || (init == "auto" && heLike) ? DenseLayer::Init::He : DenseLayer::Init::Xavier;
        return std::make_unique<DenseLayer>(int(inputShapes.at(0).size()), int(spec.number("units", 1)), activation,
                                            0.01f, chosen, spec.number("bias", 1) != 0);
    }
    if (type == "ReLU" || type == "LeakyReLU" || type == "Sigmoid" || type == "Tanh" || type == "Softmax")
        return std::make_unique<ActivationLayer>(activationFromName(type), float(spec.number("alpha", 0.01)));
    if (type == "Dropout")
        return std::make_unique<DropoutLayer>(float(spec.number("rate", 0.5)), seed);
    return nullptr;
}

} // namespace neurite
