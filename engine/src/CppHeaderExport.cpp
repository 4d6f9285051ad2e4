// The standalone C++ header export: constexpr weight arrays and a predict() that needs only <cmath>.
#include "AtomicFile.h"
#include "ExportPlan.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

namespace neurite {
namespace {

const char* const kFormat = "C++ header";
constexpr int kValuesPerLine = 8;

// Small kernels written once into the header; predict() calls them layer by layer.
const char* const kKernels = R"(namespace detail {

// y = x W + b. x: (in), w: (in, out) row-major, b: (out), y: (out).
inline void dense(const float* x, int in, int out, const float* w, const float* b, float* y)
{
    for (int o = 0; o < out; ++o)
        y[o] = b[o];
    for (int i = 0; i < in; ++i) {
        const float xi = x[i];
        const float* row = w + static_cast<long>(i) * out;
        for (int o = 0; o < out; ++o)
            y[o] += xi * row[o];
    }
}

inline void copy(const float* x, float* y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = x[i];
}

inline void relu(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = v[i] > 0.0f ? v[i] : 0.0f;
}

inline void leakyRelu(float* v, int n, float alpha)
{
    for (int i = 0; i < n; ++i)
        v[i] = v[i] > 0.0f ? v[i] : v[i] * alpha;
}

inline void sigmoid(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = 1.0f / (1.0f + std::exp(-v[i]));
}

inline void tanhInPlace(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = std::tanh(v[i]);
}

// Subtracts the maximum first so that exp() cannot overflow.
inline void softmax(float* v, int n)
{
    float max = v[0];
    for (int i = 1; i < n; ++i)
        max = v[i] > max ? v[i] : max;
    float sum = 0.0f;
    for (int i = 0; i < n; ++i) {
        v[i] = std::exp(v[i] - max);
        sum += v[i];
    }
    for (int i = 0; i < n; ++i)
        v[i] /= sum;
}

} // namespace detail
)";

std::string namespaceFor(const std::string& path)
{
    static const std::set<std::string> keywords{
        "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char", "class", "const",
        "continue", "default", "delete", "do", "double", "else", "enum", "explicit", "export", "extern", "false",
        "float", "for", "friend", "goto", "if", "inline", "int", "long", "namespace", "new", "not", "operator",
        "or", "private", "protected", "public", "return", "short", "signed", "sizeof", "static", "std", "struct",
        "switch", "template", "this", "throw", "true", "try", "typedef", "union", "unsigned", "using", "virtual",
        "void", "volatile", "while", "detail"};
    std::string name = identifierFor(std::filesystem::path(path).stem().string());
    return keywords.count(name) ? name + "_model" : name;
}

void writeArray(std::ostringstream& out, const std::string& name, const std::string& tensor,
                const std::vector<float>& values)
{
    out << "inline constexpr float " << name << "[" << values.size() << "] = {";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            throw NeuriteError("Tensor '" + tensor + "' holds a value that is not a finite number; "
                               "cannot export it to the " + kFormat + " format.");
        out << (i % kValuesPerLine == 0 ? "\n    " : " ") << exactFloat(values[i], true) << ",";
    }
    out << "\n};\n";
}

// Writes the weight arrays of every Dense step; returns the statements of predict().
class HeaderWriter {
public:
    HeaderWriter(const ExportPlan& plan, const Weights& weights)
        : m_plan(plan), m_weights(weights), m_names(stepIdentifiers(plan))
    {
        m_bufferOf[plan.inputId] = "input";
    }

    void writeStep(const ExportStep& step, std::ostringstream& arrays)
    {
        const std::string& id = step.layer.id;
        const std::string in = m_bufferOf.at(step.inputs.at(0));
        if (step.passThrough) {
            m_bufferOf[id] = in;
            m_body << "    // " << commentText(id) << " (" << stepCaption(step) << "): identity at inference\n";
            return;
        }
        const std::string name = m_names.at(id);
        const std::string out = name + "_out";
        const long n = step.outputShape.size();
        m_body << "    // " << commentText(id) << " (" << stepCaption(step) << ") -> " << step.outputShape.toString() << "\n";
        m_body << "    float " << out << "[" << n << "];\n";
        if (step.layer.type == "Dense") {
            const DenseParameters p = denseParameters(m_weights, step);
            arrays << "\n// " << commentText(id) << ": " << stepCaption(step) << "; weight (" << p.inputs << ", "
                   << p.units << ") row-major, bias (" << p.units << ")\n";
            writeArray(arrays, name + "_weight", id + ".weight", *p.weight);
            writeArray(arrays, name + "_bias", id + ".bias", p.bias);
            m_body << "    detail::dense(" << in << ", " << p.inputs << ", " << p.units << ", " << name
                   << "_weight, " << name << "_bias, " << out << ");\n";
            activation(denseActivation(step), step, out, n);
        } else {
            m_body << "    detail::copy(" << in << ", " << out << ", " << n << ");\n";
            activation(step.layer.type, step, out, n);
        }
        m_bufferOf[id] = out;
    }

    std::string finish()
    {
        m_body << "    detail::copy(" << m_bufferOf.at(m_plan.finalId) << ", output, kOutputSize);\n";
        if (m_plan.softmaxHead)
            m_body << "    detail::softmax(output, kOutputSize);\n";
        return m_body.str();
    }

private:
    // `kind` is a Dense activation ("relu") or an activation layer type ("ReLU").
    void activation(const std::string& kind, const ExportStep& step, const std::string& buffer, long n)
    {
        if (kind == "relu" || kind == "ReLU")
            m_body << "    detail::relu(" << buffer << ", " << n << ");\n";
        else if (kind == "leaky_relu" || kind == "LeakyReLU")
            m_body << "    detail::leakyRelu(" << buffer << ", " << n << ", " << exactFloat(leakyAlpha(step), true)
                   << ");\n";
        else if (kind == "sigmoid" || kind == "Sigmoid")
            m_body << "    detail::sigmoid(" << buffer << ", " << n << ");\n";
        else if (kind == "tanh" || kind == "Tanh")
            m_body << "    detail::tanhInPlace(" << buffer << ", " << n << ");\n";
        else if (kind == "softmax" || kind == "Softmax")
            m_body << "    detail::softmax(" << buffer << ", " << n << ");\n";
    }

    const ExportPlan& m_plan;
    const Weights& m_weights;
    std::map<std::string, std::string> m_names;
    std::map<std::string, std::string> m_bufferOf;  // layer id -> the buffer holding its output
    std::ostringstream m_body;
};

std::string headerText(const ExportPlan& plan, const Weights& weights, const std::string& path)
{
    const std::string ns = namespaceFor(path);
    std::ostringstream arrays;
    HeaderWriter writer(plan, weights);
    for (const ExportStep& step : plan.steps)
        writer.writeStep(step, arrays);
    const std::string body = writer.finish();

    std::ostringstream out;
    out << "// " << std::filesystem::path(path).filename().string() << ": a network exported by Neurite "
        << neuriteVersion() << " - weights and a dependency-free predict().\n"
        << "// Input: kInputSize floats, pixels / 255 in [0, 1], flattened row-major (C, H, W) = "
        << plan.inputShape.toString() << ".\n"
        << "// Output: kOutputSize " << (plan.softmaxHead ? "class probabilities (softmax)" : "raw outputs (MSE)")
        << ".\n// Needs C++17. Usage: #include \"" << std::filesystem::path(path).filename().string() << "\", then "
        << ns << "::predict(input, output);\n"
        << "#pragma once\n\n#include <cmath>\n\nnamespace " << ns << " {\n\n"
        << "inline constexpr int kInputSize = " << plan.inputShape.size() << ";\n"
        << "inline constexpr int kOutputSize = " << plan.outputSize << ";\n"
        << arrays.str() << "\n"
        << kKernels << "\n"
        << "// input: kInputSize floats; output: kOutputSize floats. Reentrant: all buffers are local.\n"
        << "inline void predict(const float* input, float* output)\n{\n"
        << body << "}\n\n} // namespace " << ns << "\n";
    return out.str();
}

} // namespace

void exportCppHeader(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const ExportPlan plan = makeExportPlan(spec, kFormat, basicExportTypes());
    writeFileAtomically(path, headerText(plan, weights, path));
}

} // namespace neurite
