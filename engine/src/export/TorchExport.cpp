// The PyTorch export: a folder with model.py (a torch.nn.Module), weights.npz, train.py (DDP) and a README.
#include "io/AtomicFile.h"
#include "export/ExportPlan.h"
#include "io/NpzWriter.h"
#include "export/TorchTrainScript.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/ModelExport.h"

#include <filesystem>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace neurite {
namespace {

namespace fs = std::filesystem;

const char* const kFormat = "PyTorch";

// Names a layer attribute must not take: Python keywords and nn.Module's own attributes.
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

// The Python expression applying a Dense activation or an activation layer type to `v`.
std::string activationExpression(const std::string& kind, const ExportStep& step, const std::string& v)
{
    if (kind == "relu" || kind == "ReLU")
        return "torch.relu(" + v + ")";
    if (kind == "leaky_relu" || kind == "LeakyReLU")
        return "F.leaky_relu(" + v + ", " + exactFloat(leakyAlpha(step)) + ")";
    if (kind == "sigmoid" || kind == "Sigmoid")
        return "torch.sigmoid(" + v + ")";
    if (kind == "tanh" || kind == "Tanh")
        return "torch.tanh(" + v + ")";
    if (kind == "softmax" || kind == "Softmax")
        return "torch.softmax(" + v + ", dim=1)";
    return v;
}

// Generates model.py and the arrays of weights.npz together, so their names always agree. A value in
// forward() is (N, features) or (N, C, H, W), converted where a layer needs the other form (the order of
// the values is the engine's row in both).
class TorchModuleWriter {
public:
    TorchModuleWriter(const ExportPlan& plan, const Weights& weights)
        : m_plan(plan), m_weights(weights), m_names(stepIdentifiers(plan, reservedPythonNames())),
          m_images(takesImages(plan))
    {
        m_valueOf[plan.inputId] = {"x", m_images, plan.inputShape};
    }

    void addStep(const ExportStep& step)
    {
        const std::string& id = step.layer.id;
        const std::string& type = step.layer.type;
        const std::string& source = step.inputs.at(0);
        const Value& in = m_valueOf.at(source);
        const std::string name = m_names.at(id);
        const std::string comment = "  # " + commentText(id) + ": " + stepCaption(step) + " -> " + step.outputShape.toString();
        Value out{name, in.image, step.outputShape};
        std::string expression;
        if (type == "Dense") {
            const DenseParameters p = denseParameters(m_weights, step);
            const bool bias = step.layer.number("bias", 1) != 0;
            m_init << "        self." << name << " = nn.Linear(" << p.inputs << ", " << p.units
                   << ", bias=" << (bias ? "True" : "False") << ")" << comment << "\n";
            addDenseArrays(name, p, bias);
            expression = activationExpression(denseActivation(step), step, "self." + name + "(" + asFlat(source) + ")");
            out.image = false;
        } else if (type == "Dropout") {
            // A module, so that train() and eval() switch it like any PyTorch dropout.
            m_init << "        self." << name << " = nn.Dropout(p=" << exactFloat(float(step.layer.number("rate", 0.5)))
                   << ")" << comment << "\n";
            expression = "self." + name + "(" + in.name + ")";
        } else if (step.passThrough) {
            expression = in.name;
        } else if (type == "Softmax") {  // over the whole sample, as the engine does
            expression = activationExpression(type, step, asFlat(source));
            out.image = false;
        } else if (type == "Conv2D") {
            expression = addConv(step, name, asImage(source), comment);
            out.image = true;
        } else if (type == "MaxPool2D" || type == "AvgPool2D") {
            const PoolWindow w = poolWindow(step);
            m_init << "        self." << name << " = nn." << (type == "MaxPool2D" ? "MaxPool2d(" : "AvgPool2d(")
                   << w.size << ", stride=" << w.stride << ")" << comment << "\n";
            expression = "self." + name + "(" + asImage(source) + ")";
            out.image = true;
        } else if (type == "GlobalAveragePool") {
            expression = asImage(source) + ".mean(dim=(2, 3), keepdim=True)";
            out.image = true;
        } else if (type == "Flatten") {
            expression = in.name + ".flatten(1)";
            out.image = false;
        } else if (type == "BatchNorm") {
            out.image = in.image || !step.inputShape.isFlat();
            expression = addBatchNorm(step, name, out.image ? asImage(source) : in.name, out.image, comment);
        } else if (type == "Add" || type == "Concatenate") {
            const std::string& other = step.inputs.at(1);
            out.image = !step.outputShape.isFlat() || (in.image && m_valueOf.at(other).image);
            const auto form = [&](const std::string& v) { return out.image ? asImage(v) : asFlat(v); };
            expression = type == "Add" ? form(source) + " + " + form(other)
                                       : "torch.cat([" + form(source) + ", " + form(other) + "], dim=1)";
        } else {
            expression = activationExpression(type, step, in.name);
        }
        m_forward << "        " << name << " = " << expression << comment << "\n";
        m_valueOf[id] = out;
    }

    std::string moduleText() const
    {
        const Shape& s = m_plan.inputShape;
        const bool ce = m_plan.softmaxHead;
        std::ostringstream out;
        out << "\"\"\"A network exported by Neurite " << neuriteVersion()
            << ": the design as a torch.nn.Module, and its weights.\n\n"
            << "Input: (N, " << s.size() << ") float32, pixels / 255 in [0, 1], flattened row-major (C, H, W) = "
            << s.toString() << ";\n(N, C, H, W) tensors are " << (m_images ? "taken as they are, and (N, " +
            std::to_string(s.size()) + ") rows reshaped to them" : std::string("flattened first"))
            << ". forward() returns "
            << (ce ? "the logits (what torch.nn.CrossEntropyLoss\nexpects); predict() returns Neurite's "
                     "predictions: softmax(logits), the class probabilities."
                   : "the raw outputs (the design is trained\nwith mean squared error); predict() returns the same, "
                     "in eval mode.")
            << "\n\n    import model\n    net = model.load()               # NeuriteNet with weights.npz, in eval mode\n"
            << "    probabilities = net.predict(x)   # x: (N, " << s.size() << ")\n\n"
            << "weights.npz holds the state dict as NumPy arrays (\"<layer>.weight\" (out, in) or (out, in, kh, kw),\n"
            << "\"<layer>.bias\" (out), BatchNorm's \"<layer>.running_mean\" and \"<layer>.running_var\").\n"
            << "\"\"\"\nimport os\n\nimport numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom torch import nn\n\n"
            << "INPUT_SHAPE = (" << s.channels << ", " << s.height << ", " << s.width << ")\n"
            << "INPUT_SIZE = " << s.size() << "\n"
            << "OUTPUT_SIZE = " << m_plan.outputSize << "\n"
            << "LOSS = \"" << (ce ? "cross_entropy" : "mse") << "\"\n"
            << "WEIGHTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), \"weights.npz\")\n\n\n"
            << "class NeuriteNet(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            << m_init.str() << (m_init.str().empty() ? "        pass\n" : "")
            << "\n    def forward(self, x):\n"
            << (m_images ? "        x = x.reshape(-1, *INPUT_SHAPE)\n" : "        x = x.flatten(1)\n")
            << m_forward.str() << "        return " << asFlat(m_plan.finalId)
            << "\n\n"
            << "    def predict(self, x):\n"
            << "        \"\"\"What Neurite predicts for x, in eval mode without gradients.\"\"\"\n"
            << "        was_training = self.training\n        self.eval()\n        with torch.no_grad():\n"
            << "            y = self.forward(x)\n        self.train(was_training)\n"
            << (ce ? "        return torch.softmax(y, dim=1)\n" : "        return y\n")
            << R"PY(

def load_weights(net, path=WEIGHTS_FILE):
    """Copies the arrays of an .npz file (written by Neurite or by save_weights) into `net`.

    Every parameter and BatchNorm running statistic must be there; BatchNorm's num_batches_tracked counter
    (which Neurite does not keep) may be missing.
    """
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(np.array(arrays[name])) for name in arrays.files}
    for name, value in net.state_dict().items():
        if name.endswith(".num_batches_tracked"):
            state.setdefault(name, value)  # a counter Neurite does not keep
    net.load_state_dict(state)
    return net


def save_weights(net, path):
    """Writes `net`'s parameters and running statistics as an .npz file in the layout load_weights reads."""
    state = {name: value.detach().cpu().numpy() for name, value in net.state_dict().items()
             if not name.endswith(".num_batches_tracked")}
    np.savez(path, **state)


def load(path=WEIGHTS_FILE):
    """A NeuriteNet with the weights of `path`, in eval mode."""
    return load_weights(NeuriteNet(), path).eval()
)PY";
        return out.str();
    }

    const std::vector<NpyArray>& arrays() const { return m_arrays; }

private:
    struct Value {
        std::string name;    // the Python variable
        bool image = false;  // (N, C, H, W) rather than (N, features)
        Shape shape;         // of one sample
    };

    std::string asFlat(const std::string& layerId) const
    {
        const Value& v = m_valueOf.at(layerId);
        return v.image ? v.name + ".flatten(1)" : v.name;
    }

    std::string asImage(const std::string& layerId) const
    {
        const Value& v = m_valueOf.at(layerId);
        return v.image ? v.name
                       : v.name + ".reshape(-1, " + std::to_string(v.shape.channels) + ", " +
                             std::to_string(v.shape.height) + ", " + std::to_string(v.shape.width) + ")";
    }

    // nn.Conv2d with the engine's weight (filters, channels, k, k). Symmetric padding is the module's own;
    // asymmetric ("same" with an even kernel) pads with F.pad first, one more at the bottom and right.
    std::string addConv(const ExportStep& step, const std::string& name, const std::string& in,
                        const std::string& comment)
    {
        const ConvParameters p = convParameters(m_weights, step);
        const bool symmetric = p.padTop == p.padBottom && p.padLeft == p.padRight;
        m_init << "        self." << name << " = nn.Conv2d(" << p.channels << ", " << p.filters << ", " << p.kernel
               << ", stride=" << p.stride << ", padding=("
               << (symmetric ? std::to_string(p.padTop) + ", " + std::to_string(p.padLeft) : std::string("0, 0"))
               << "), bias=" << (p.hasBias ? "True" : "False") << ")" << comment << "\n";
        m_arrays.push_back({name + ".weight", {p.filters, p.channels, p.kernel, p.kernel}, *p.weight});
        if (p.hasBias)
            m_arrays.push_back({name + ".bias", {p.filters}, p.bias});
        const std::string padded = symmetric ? in
                                             : "F.pad(" + in + ", (" + std::to_string(p.padLeft) + ", " +
                                                   std::to_string(p.padRight) + ", " + std::to_string(p.padTop) +
                                                   ", " + std::to_string(p.padBottom) + "))";
        return activationExpression(denseActivation(step), step, "self." + name + "(" + padded + ")");
    }

    // nn.BatchNorm2d (per channel) or nn.BatchNorm1d (per feature) with the running statistics; PyTorch's
    // momentum and epsilon mean what the engine's do.
    std::string addBatchNorm(const ExportStep& step, const std::string& name, const std::string& in, bool image,
                             const std::string& comment)
    {
        const BatchNormParameters p = batchNormParameters(m_weights, step);
        m_init << "        self." << name << " = nn.BatchNorm" << (image ? "2d(" : "1d(") << p.channels
               << ", eps=" << exactFloat(p.epsilon) << ", momentum=" << exactFloat(p.momentum) << ")" << comment
               << "\n";
        m_arrays.push_back({name + ".weight", {p.channels}, p.gamma});
        m_arrays.push_back({name + ".bias", {p.channels}, p.beta});
        m_arrays.push_back({name + ".running_mean", {p.channels}, p.mean});
        m_arrays.push_back({name + ".running_var", {p.channels}, p.var});
        return "self." + name + "(" + in + ")";
    }

    // nn.Linear keeps weight as (out, in): Neurite's (in, out) is transposed.
    void addDenseArrays(const std::string& name, const DenseParameters& p, bool bias)
    {
        NpyArray weight{name + ".weight", {p.units, p.inputs}, {}};
        weight.values.resize(std::size_t(p.units) * std::size_t(p.inputs));
        for (int i = 0; i < p.inputs; ++i)
            for (int o = 0; o < p.units; ++o)
                weight.values[std::size_t(o) * std::size_t(p.inputs) + std::size_t(i)] =
                    (*p.weight)[std::size_t(i) * std::size_t(p.units) + std::size_t(o)];
        m_arrays.push_back(std::move(weight));
        if (bias)
            m_arrays.push_back({name + ".bias", {p.units}, p.bias});
    }

    const ExportPlan& m_plan;
    const Weights& m_weights;
    std::map<std::string, std::string> m_names;
    bool m_images;                                  // forward() reshapes x to (N, C, H, W)
    std::map<std::string, Value> m_valueOf;         // layer id -> the Python variable holding its output
    std::ostringstream m_init, m_forward;
    std::vector<NpyArray> m_arrays;
};

const char* const kReadme = R"MD(# A Neurite design exported for PyTorch

- `model.py`: the network as `NeuriteNet(torch.nn.Module)`; `model.load()` returns it with `weights.npz`.
- `weights.npz`: the trained weights, as NumPy arrays named like the module's state dict.
- `train.py`: trains the same design with the project's optimiser and settings using
  `torch.distributed` DistributedDataParallel, on one process or many machines.

Check the weights:

    python3 -c "import model, torch; print(model.load().predict(torch.rand(1, model.INPUT_SIZE)))"

Train in one process (CPU, gloo; world size 1):

    python3 train.py --data ~/.local/share/neurite/datasets/mnist-10k --out trained

Train with two processes on this machine (Debian 12's torch 1.13 on Python 3.11 needs `--redirects 2 --tee 1`
for torchrun to start at all; newer versions do not):

    torchrun --standalone --nproc_per_node=2 --redirects 2 --tee 1 train.py --data DIR --out trained

Train on two machines with four processes each (run on both, with node_rank 0 and 1):

    torchrun --nnodes=2 --node_rank=0 --nproc_per_node=4 --master_addr=HOST0 --master_port=29500 \
        train.py --data DIR --out trained

`python3 train.py --help` lists the options; their defaults are the Neurite project's settings.
)MD";

// Writes the files into a fresh folder beside `folder`, then swaps it in: a failure leaves nothing behind
// and the old folder (if any) untouched.
class FolderSwap {
public:
    explicit FolderSwap(const std::string& folder)
        : m_folder(fs::absolute(folder).lexically_normal()),
          m_temp(m_folder.string() + ".tmp-" + std::to_string(::getpid()))
    {
        if (m_folder.filename().empty())
            m_folder = m_folder.parent_path(), m_temp = m_folder.string() + ".tmp-" + std::to_string(::getpid());
        if (fs::exists(m_folder) && !fs::is_directory(m_folder))
            throw NeuriteError("Cannot export to " + folder + ": it exists and is not a folder.");
        std::error_code ec;
        fs::remove_all(m_temp, ec);
        if (!fs::create_directories(m_temp, ec) && ec)
            throw NeuriteError("Cannot create " + m_temp.string() + ": " + ec.message());
    }
    ~FolderSwap()
    {
        std::error_code ec;
        if (!m_committed)
            fs::remove_all(m_temp, ec);
    }
    FolderSwap(const FolderSwap&) = delete;
    FolderSwap& operator=(const FolderSwap&) = delete;

    std::string file(const std::string& name) const { return (m_temp / name).string(); }

    void commit()
    {
        const fs::path old = m_folder.string() + ".old-" + std::to_string(::getpid());
        std::error_code ec;
        const bool replacing = fs::exists(m_folder);
        if (replacing)
            fs::rename(m_folder, old, ec);
        if (!ec)
            fs::rename(m_temp, m_folder, ec);
        if (ec) {
            if (replacing)
                fs::rename(old, m_folder, ec);
            throw NeuriteError("Cannot move the export into " + m_folder.string() + ": " + ec.message());
        }
        m_committed = true;
        fs::remove_all(old, ec);
    }

private:
    fs::path m_folder;
    fs::path m_temp;
    bool m_committed = false;
};

} // namespace

void exportTorch(const NetworkSpec& spec, const Weights& weights, const TrainingSettings& settings,
                 const std::string& folder)
{
    const ExportPlan plan = makeExportPlan(spec, kFormat, imageExportTypes());
    TorchModuleWriter writer(plan, weights);
    for (const ExportStep& step : plan.steps)
        writer.addStep(step);
    const std::string moduleText = writer.moduleText();
    const std::string trainScript = torchTrainScript(settings);
    const std::string npz = npzBytes(writer.arrays());

    FolderSwap swap(folder);
    writeFileAtomically(swap.file("model.py"), moduleText);
    writeFileAtomically(swap.file("weights.npz"), npz);
    writeFileAtomically(swap.file("train.py"), trainScript);
    writeFileAtomically(swap.file("README.md"), kReadme);
    swap.commit();
}

} // namespace neurite
