// model.py and the arrays of weights.npz, generated together so that their names always agree.
#include "export/TorchModule.h"

#include "export/ExportSupport.h"
#include "io/EmbeddedResources.h"
#include "neurite/ModelExport.h"

#include <set>

namespace neurite {
namespace {

// Names a layer attribute must not take: Python keywords and nn.Module's own attributes.
// A table: the names wrap as a paragraph rather than one a line.
// clang-format off
const std::set<std::string>& reservedPythonNames()
{
    static const std::set<std::string> names{
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "self", "x", "input", "output", "forward", "predict", "training", "train", "eval", "to", "cpu", "cuda", "float",
        "double", "half", "type", "apply", "modules", "children", "parameters", "buffers", "state_dict",
        "load_state_dict", "zero_grad", "requires_grad_", "share_memory", "extra_repr", "named_modules",
        "named_children", "named_parameters", "named_buffers", "register_buffer", "register_parameter",
        "add_module", "get_submodule", "get_parameter", "get_buffer", "dump_patches", "T_destination",
        "call_super_init", "bfloat16", "ipu", "xpu", "F", "nn", "np", "torch", "os"};
    return names;
}
// clang-format on

// load_weights, save_weights and load: the same for every design (resources/export/model_loaders.py,
// compiled in), after the two blank lines that end the class.
std::string loaders()
{
    return "\n\n" + std::string(embeddedResource("export/model_loaders.py"));
}

} // namespace

TorchModule::TorchModule(const DesignPlan& plan, const Weights& weights)
    : m_plan(plan), m_weights(weights), m_names(stepIdentifiers(plan, reservedPythonNames())),
      m_images(takesImages(plan))
{
    m_valueOf[plan.inputId] = {"x", m_images, plan.inputShape};
}

std::string TorchModule::asFlat(const std::string& layerId) const
{
    const Value& v = m_valueOf.at(layerId);
    return v.image ? v.name + ".flatten(1)" : v.name;
}

std::string TorchModule::asImage(const std::string& layerId) const
{
    const Value& v = m_valueOf.at(layerId);
    return v.image ? v.name
                   : v.name + ".reshape(-1, " + std::to_string(v.shape.channels) + ", " +
                         std::to_string(v.shape.height) + ", " + std::to_string(v.shape.width) + ")";
}

std::string TorchModule::comment(const PlanStep& step) const
{
    return "  # " + commentText(step.id()) + ": " + stepCaption(step) + " -> " + step.outputShape().toString();
}

void TorchModule::addModule(const PlanStep& step, const std::string& constructor)
{
    m_init << "        self." << name(step) << " = " << constructor << comment(step) << "\n";
}

void TorchModule::addForward(const PlanStep& step, const std::string& expression, bool image)
{
    m_forward << "        " << name(step) << " = " << expression << comment(step) << "\n";
    m_valueOf[step.id()] = {name(step), image, step.outputShape()};
}

std::string TorchModule::activation(Activation f, float alpha, const std::string& v)
{
    switch (f) {
    case Activation::ReLU: return "torch.relu(" + v + ")";
    case Activation::LeakyReLU: return "F.leaky_relu(" + v + ", " + exactFloat(alpha) + ")";
    case Activation::Sigmoid: return "torch.sigmoid(" + v + ")";
    case Activation::Tanh: return "torch.tanh(" + v + ")";
    case Activation::Softmax: return "torch.softmax(" + v + ", dim=1)";
    case Activation::Linear: break;
    }
    return v;
}

std::string TorchModule::docString() const
{
    const Shape& s = m_plan.inputShape;
    const bool ce = m_plan.softmaxHead;
    std::ostringstream out;
    out << "\"\"\"A network exported by Neurite " << neuriteVersion()
        << ": the design as a torch.nn.Module, and its weights.\n\n"
        << "Input: (N, " << s.size()
        << ") float32, pixels / 255 in [0, 1] (colour: R, G, B planes), flattened row-major (C, H, W) = "
        << s.toString() << ";\n(N, C, H, W) tensors are "
        << (m_images ? "taken as they are, and (N, " + std::to_string(s.size()) + ") rows reshaped to them"
                     : std::string("flattened first"))
        << ". forward() returns "
        << (ce ? "the logits (what torch.nn.CrossEntropyLoss\nexpects); predict() returns Neurite's "
                 "predictions: softmax(logits), the class probabilities."
               : "the raw outputs (the design is trained\nwith mean squared error); predict() returns the same, "
                 "in eval mode.")
        << "\n\n    import model\n    net = model.load()               # NeuriteNet with weights.npz, in eval mode\n"
        << "    probabilities = net.predict(x)   # x: (N, " << s.size() << ")\n\n"
        << "weights.npz holds the state dict as NumPy arrays (\"<layer>.weight\" (out, in) or (out, in, kh, kw),\n"
        << "\"<layer>.bias\" (out), BatchNorm's \"<layer>.running_mean\" and \"<layer>.running_var\").\n"
        << "\"\"\"\nimport os\n\nimport numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom torch import "
           "nn\n\n"
        << "INPUT_SHAPE = (" << s.channels << ", " << s.height << ", " << s.width << ")\n"
        << "INPUT_SIZE = " << s.size() << "\n"
        << "OUTPUT_SIZE = " << m_plan.outputSize << "\n"
        << "LOSS = \"" << (ce ? "cross_entropy" : "mse") << "\"\n"
        << "WEIGHTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), \"weights.npz\")\n"
        << m_constants << "\n\n";
    return out.str();
}

std::string TorchModule::classText() const
{
    std::ostringstream out;
    out << "class NeuriteNet(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        << (m_standardised
                ? "        self.register_buffer(\"input_offset\", torch.tensor(INPUT_OFFSET), persistent=False)\n"
                  "        self.register_buffer(\"input_divisor\", torch.tensor(INPUT_DIVISOR), persistent=False)\n"
                : "")
        << m_init.str() << (m_init.str().empty() ? "        pass\n" : "") << "\n    def forward(self, x):\n"
        << (m_images ? "        x = x.reshape(-1, *INPUT_SHAPE)\n" : "        x = x.flatten(1)\n")
        << (m_standardised ? "        x = (x - self.input_offset) / self.input_divisor\n" : "") << m_forward.str()
        << "        return " << asFlat(m_plan.finalId) << "\n\n"
        << "    def predict(self, x):\n"
        << "        \"\"\"What Neurite predicts for x, in eval mode without gradients.\"\"\"\n"
        << "        was_training = self.training\n        self.eval()\n        with torch.no_grad():\n"
        << "            y = self.forward(x)\n        self.train(was_training)\n"
        << (m_plan.softmaxHead ? "        return torch.softmax(y, dim=1)\n"
            : m_scaledOutput   ? "        return y * TARGET_DEVIATION + TARGET_MEAN\n"
                               : "        return y\n");
    return out.str();
}

std::string TorchModule::moduleText() const
{
    return docString() + classText() + loaders();
}

namespace {

std::string pythonList(const std::vector<double>& values)
{
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        text += (i ? ", " : "") + exactFloat(float(values[i]));
    return text + "]";
}

} // namespace

void TorchModule::standardiseInput(const InputStandardisation& standardisation)
{
    m_constants += "# forward() takes a table row's raw encoding (encoder.py) and standardises it first.\n"
                   "INPUT_OFFSET = " +
                   pythonList(standardisation.offset) + "\nINPUT_DIVISOR = " + pythonList(standardisation.divisor) +
                   "\n";
    m_standardised = true;
}

void TorchModule::scaleOutput(double targetMean, double targetDeviation)
{
    m_constants += "# forward() gives the standardised target; predict() returns it in the target's units.\n"
                   "TARGET_MEAN = " +
                   exactFloat(float(targetMean)) + "\nTARGET_DEVIATION = " + exactFloat(float(targetDeviation)) + "\n";
    m_scaledOutput = true;
}

} // namespace neurite
