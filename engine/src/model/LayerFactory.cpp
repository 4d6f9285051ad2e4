// Spec -> Layer. New layer types add a branch here (and in ShapeInference.cpp and LayerRegistry.cpp).
#include "model/LayerFactory.h"

#include "layers/ActivationLayer.h"
#include "layers/AddLayer.h"
#include "layers/AvgPool2DLayer.h"
#include "layers/BatchNormLayer.h"
#include "layers/ConcatenateLayer.h"
#include "layers/Conv2DLayer.h"
#include "kernels/ConvGeometry.h"
#include "layers/DenseLayer.h"
#include "layers/DropoutLayer.h"
#include "layers/FlattenLayer.h"
#include "layers/GlobalAveragePoolLayer.h"
#include "layers/MaxPool2DLayer.h"

namespace neurite {
namespace {

// "auto" picks He initialisation for ReLU-like activations and Xavier otherwise.
bool heInitialisation(const LayerSpec& spec, Activation activation)
{
    const std::string init = spec.text("init", "auto");
    const bool heLike = activation == Activation::ReLU || activation == Activation::LeakyReLU;
    return init == "he" || (init == "auto" && heLike);
}

std::unique_ptr<Layer> makeImageLayer(const LayerSpec& spec, const Shape& in)
{
    const std::string& type = spec.type;
    if (type == "Conv2D") {
        const Activation activation = activationFromName(spec.text("activation", "linear"));
        const auto init = heInitialisation(spec, activation) ? Conv2DLayer::Init::He : Conv2DLayer::Init::Xavier;
        return std::make_unique<Conv2DLayer>(layerGeometry(spec, in), int(spec.number("filters", 1)), activation,
                                             0.01f, init, spec.number("bias", 1) != 0);
    }
    if (type == "MaxPool2D")
        return std::make_unique<MaxPool2DLayer>(layerGeometry(spec, in));
    if (type == "AvgPool2D")
        return std::make_unique<AvgPool2DLayer>(layerGeometry(spec, in));
    if (type == "GlobalAveragePool")
        return std::make_unique<GlobalAveragePoolLayer>(in.channels, long(in.height) * in.width);
    if (type == "BatchNorm")
        return std::make_unique<BatchNormLayer>(in.channels, long(in.height) * in.width,
                                                float(spec.number("momentum", 0.1)),
                                                float(spec.number("epsilon", 1e-5)));
    if (type == "Flatten")
        return std::make_unique<FlattenLayer>();
    if (type == "Add")
        return std::make_unique<AddLayer>();
    if (type == "Concatenate")
        return std::make_unique<ConcatenateLayer>();
    return nullptr;
}

} // namespace

std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const std::vector<Shape>& inputShapes, std::uint64_t seed)
{
    const std::string& type = spec.type;
    if (type == "Dense") {
        const Activation activation = activationFromName(spec.text("activation", "linear"));
        const DenseLayer::Init chosen = heInitialisation(spec, activation) ? DenseLayer::Init::He
                                                                           : DenseLayer::Init::Xavier;
        return std::make_unique<DenseLayer>(int(inputShapes.at(0).size()), int(spec.number("units", 1)), activation,
                                            0.01f, chosen, spec.number("bias", 1) != 0);
    }
    if (type == "ReLU" || type == "LeakyReLU" || type == "Sigmoid" || type == "Tanh" || type == "Softmax")
        return std::make_unique<ActivationLayer>(activationFromName(type), float(spec.number("alpha", 0.01)));
    if (type == "Dropout")
        return std::make_unique<DropoutLayer>(float(spec.number("rate", 0.5)), seed);
    if (inputShapes.empty())
        return nullptr;
    return makeImageLayer(spec, inputShapes.front());
}

} // namespace neurite
