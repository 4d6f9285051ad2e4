// What every exporter walks: the layers from Input to Output in order, with inference semantics resolved.
#pragma once

#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace neurite {

// One layer to export. Inference semantics are already applied: Dropout and a Softmax folded into the
// cross-entropy head are pass-throughs, and a folded Dense softmax has its activation set to "linear".
struct ExportStep {
    LayerSpec layer;                  // a copy; exporters read options with layer.number()/text()
    std::vector<std::string> inputs;  // the ids of the steps (or the Input) feeding each port
    Shape inputShape;                 // of port 0
    Shape outputShape;
    bool passThrough = false;         // output = input 0
    std::string caption;              // layerCaption of the layer as designed
    bool softmaxFolded = false;       // its softmax is the cross-entropy head's (applied once, at the end)
};

// The caption for comments in exported code, saying when a softmax moved to the head.
std::string stepCaption(const ExportStep& step);

struct ExportPlan {
    std::string inputId;
    Shape inputShape;                // the flattened input has inputShape.size() values
    std::vector<ExportStep> steps;   // topological order, without the Input and Output layers
    std::string finalId;             // the step (or Input) whose output feeds the Output layer
    int outputSize = 0;
    LossKind loss = LossKind::CrossEntropy;
    bool softmaxHead = false;        // cross-entropy: predictions are softmax(final output)
};

// The layer types of a multi-layer perceptron (Dense, activations, Dropout).
const std::set<std::string>& basicExportTypes();

// The basic types and the image and graph layers: Conv2D, MaxPool2D, AvgPool2D, Flatten, BatchNorm,
// GlobalAveragePool, Add, Concatenate.
const std::set<std::string>& imageExportTypes();

// True when the design uses its input as an image (a layer of imageExportTypes() beyond the basic ones
// reads an image shape): ONNX then takes (N, C, H, W) instead of (N, C*H*W).
bool takesImages(const ExportPlan& plan);

// Builds the plan for `format` (its name in messages, e.g. "ONNX"). Throws NeuriteError
// "cannot export layer 'id' (Type) to the <format> format" for a type outside `supported`, and the
// validation errors for an invalid design.
ExportPlan makeExportPlan(const NetworkSpec& spec, const std::string& format, const std::set<std::string>& supported);

// The Dense weight "(in, out)" and bias "(1, out)" of `layerId`; the bias is all zeros when the layer has
// none. Throws NeuriteError naming the tensor when it is missing or has the wrong size.
struct DenseParameters {
    int inputs = 0;
    int units = 0;
    const std::vector<float>* weight = nullptr;  // (inputs, units) row-major
    std::vector<float> bias;                     // (units)
};
DenseParameters denseParameters(const Weights& weights, const ExportStep& step);

// The Conv2D weight (filters, channels * kernel * kernel) in PyTorch's (out, in, kh, kw) order, its bias
// (zeros without one) and the window: padding top, left, bottom, right (asymmetric for "same" with an even
// kernel: one more at the bottom and right).
struct ConvParameters {
    int filters = 0;
    int channels = 0;
    int kernel = 1;
    int stride = 1;
    int padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
    const std::vector<float>* weight = nullptr;  // (filters, channels * kernel * kernel) row-major
    std::vector<float> bias;                     // (filters)
    bool hasBias = true;
};
ConvParameters convParameters(const Weights& weights, const ExportStep& step);

// The window of a MaxPool2D or AvgPool2D step (no padding; stride 0 in the design means the size).
struct PoolWindow {
    int size = 2;
    int stride = 2;
};
PoolWindow poolWindow(const ExportStep& step);

// A BatchNorm step at inference: y = (x - mean) / sqrt(var + epsilon) * gamma + beta per channel.
struct BatchNormParameters {
    int channels = 0;
    float epsilon = 1e-5f;
    float momentum = 0.1f;
    std::vector<float> gamma, beta, mean, var;  // (channels) each
};
BatchNormParameters batchNormParameters(const Weights& weights, const ExportStep& step);

// The activation of a Dense or Conv2D step ("linear", "relu", ...), and the LeakyReLU slope the engine uses.
std::string denseActivation(const ExportStep& step);
float leakyAlpha(const ExportStep& step);

// The shortest text that reads back as the same float ("0.001"; "0.001f" as a C++ literal).
std::string exactFloat(float value, bool cppLiteral = false);

// A layer id as it may appear inside a one-line comment of exported code: control characters (line
// breaks above all, which would end the comment and let a design file inject code) become '?'.
std::string commentText(const std::string& id);

// Turns a layer id into an identifier of C++ and Python ("dense-1" -> "dense_1", "1x" -> "l_1x").
std::string identifierFor(const std::string& id);

// One distinct identifier per step (identifierFor, then "_2", "_3" on clashes; names in `reserved` get
// "_layer" appended first).
std::map<std::string, std::string> stepIdentifiers(const ExportPlan& plan, const std::set<std::string>& reserved = {});

} // namespace neurite
