// The choices that several layer types share: activations, weight initialisation and their captions.
#pragma once

#include "kernels/Activations.h"
#include "kernels/WeightInit.h"
#include "layers/OptionTable.h"

#include <string>

namespace neurite {

enum class InitChoice { Auto, He, Xavier };

// "linear", "relu", "leaky_relu", "sigmoid", "tanh" and, where a layer can end in one, "softmax".
ChoiceNames<Activation> activationChoices(bool withSoftmax);
ChoiceNames<InitChoice> initChoices();
inline const char* const kInitHelp = "Weight initialisation: auto picks He for ReLU-like activations, Xavier otherwise";

// Auto picks He initialisation for ReLU-like activations and Xavier otherwise.
WeightInit resolveInit(InitChoice choice, Activation activation);

// "ReLU", "LeakyReLU", ...: the activation as captions show it ("" for linear).
std::string activationCaption(Activation activation);

// The shortest text of a number ("0.5", "128").
std::string numberCaption(double value);

// The fixed slope Dense and Conv2D use for their leaky ReLU activation.
constexpr float kFusedLeakyAlpha = 0.01f;

} // namespace neurite
