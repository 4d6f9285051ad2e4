// The reasons behind OnnxUnsupportedOps.h, grouped by what the operators do.
#include "import/OnnxUnsupportedOps.h"

#include <map>
#include <vector>

namespace neurite {
namespace {

struct Family {
    std::vector<std::string> ops;
    const char* reason;
};

const std::vector<Family>& families()
{
    static const std::vector<Family> list{
        {{"LSTM", "GRU", "RNN"}, "Neurite has no recurrent layers"},
        {{"ConvTranspose"}, "Neurite has no transposed convolutions"},
        {{"Resize", "Upsample"}, "Neurite has no upsampling layers"},
        {{"GlobalMaxPool", "LpPool", "GlobalLpPool", "MaxRoiPool", "MaxUnpool"},
         "Neurite's pools are MaxPool2D, AvgPool2D and GlobalAveragePool"},
        {{"LayerNormalization", "InstanceNormalization", "GroupNormalization", "LRN"},
         "Neurite's only normalisation is BatchNorm"},
        {{"Elu", "Selu", "Celu", "Gelu", "PRelu", "HardSigmoid", "HardSwish", "Softplus", "Softsign", "ThresholdedRelu",
          "Mish", "Hardmax", "Erf", "Exp", "Log", "Sqrt", "Abs", "Neg", "Clip"},
         "Neurite's activations are ReLU, LeakyReLU, Sigmoid, Tanh and Softmax"},
        {{"Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean"},
         "Neurite adds two branches (Add) but has no other arithmetic between tensors"},
        {{"Transpose", "Slice", "Split", "Tile", "Expand", "GatherElements", "GatherND", "ScatterND", "Where",
          "DepthToSpace", "SpaceToDepth"},
         "Neurite has no layer that rearranges tensors (only Flatten)"},
        {{"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ArgMax", "ArgMin", "TopK"},
         "Neurite has no reduction layers (GlobalAveragePool averages a whole image)"},
        {{"If", "Loop", "Scan"}, "Neurite designs have no control flow"},
        {{"Attention", "MultiHeadAttention", "Einsum"}, "Neurite has no attention layers"},
        {{"QuantizeLinear", "DequantizeLinear", "QLinearConv", "QLinearMatMul", "ConvInteger", "MatMulInteger"},
         "Neurite imports float models, not quantised ones"},
    };
    return list;
}

} // namespace

std::string unsupportedOpReason(const std::string& op, const std::string& domain)
{
    if (!domain.empty() && domain != "ai.onnx")
        return "operators of the '" + domain + "' domain are not ONNX's own; Neurite reads ONNX's standard operators";
    for (const Family& family : families())
        for (const std::string& name : family.ops)
            if (name == op)
                return family.reason;
    return "Neurite has no layer for ONNX's " + op;
}

} // namespace neurite
