// The shared choices of layer options and how captions name them.
#include "layers/LayerChoices.h"

#include <sstream>

namespace neurite {

ChoiceNames<Activation> activationChoices(bool withSoftmax)
{
    ChoiceNames<Activation> names{{"linear", Activation::Linear},
                                  {"relu", Activation::ReLU},
                                  {"leaky_relu", Activation::LeakyReLU},
                                  {"sigmoid", Activation::Sigmoid},
                                  {"tanh", Activation::Tanh}};
    if (withSoftmax)
        names.emplace_back("softmax", Activation::Softmax);
    return names;
}

ChoiceNames<InitChoice> initChoices()
{
    return {{"auto", InitChoice::Auto}, {"he", InitChoice::He}, {"xavier", InitChoice::Xavier}};
}

WeightInit resolveInit(InitChoice choice, Activation activation)
{
    const bool heLike = activation == Activation::ReLU || activation == Activation::LeakyReLU;
    return choice == InitChoice::He || (choice == InitChoice::Auto && heLike) ? WeightInit::He : WeightInit::Xavier;
}

std::string activationCaption(Activation activation)
{
    switch (activation) {
    case Activation::ReLU: return "ReLU";
    case Activation::LeakyReLU: return "LeakyReLU";
    case Activation::Sigmoid: return "Sigmoid";
    case Activation::Tanh: return "Tanh";
    case Activation::Softmax: return "Softmax";
    case Activation::Linear: break;
    }
    return "";
}

std::string numberCaption(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace neurite
