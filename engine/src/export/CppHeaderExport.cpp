// The standalone C++ header export: constexpr weight arrays and a predict() that needs only <cmath>.
#include "io/AtomicFile.h"
#include "io/EmbeddedResources.h"
#include "export/ExportPlan.h"
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

// Small kernels written once into the header; predict() calls them layer by layer. They are the file
// resources/export/neurite_kernels.hpp, compiled in (and checked there by g++ on its own).
const std::string_view kKernels = embeddedResource("export/neurite_kernels.hpp");

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

// Writes the weight arrays of every step that has weights; returns the statements of predict().
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
        } else if (!writeImageStep(step, name, in, out, arrays)) {
            m_body << "    detail::copy(" << in << ", " << out << ", " << n << ");\n";
            activation(step.layer.type, step, out, n);
        }
        m_bufferOf[id] = out;
        m_stackFloats += n;
    }

    // The image and graph layers; false for the element-wise ones.
    bool writeImageStep(const ExportStep& step, const std::string& name, const std::string& in,
                        const std::string& out, std::ostringstream& arrays)
    {
        const std::string& type = step.layer.type;
        const std::string& id = step.layer.id;
        const Shape& s = step.inputShape;
        if (type == "Conv2D") {
            const ConvParameters p = convParameters(m_weights, step);
            arrays << "\n// " << commentText(id) << ": " << stepCaption(step) << "; weight (" << p.filters << ", "
                   << p.channels << ", " << p.kernel << ", " << p.kernel << "), bias (" << p.filters << ")\n";
            writeArray(arrays, name + "_weight", id + ".weight", *p.weight);
            writeArray(arrays, name + "_bias", id + ".bias", p.bias);
            m_body << "    detail::conv2d(" << in << ", " << windowLiteral(s, step.outputShape, p.kernel, p.stride, p.padTop, p.padLeft)
                   << ", " << p.filters << ", " << name << "_weight, " << name << "_bias, " << out << ");\n";
            activation(denseActivation(step), step, out, step.outputShape.size());
        } else if (type == "MaxPool2D" || type == "AvgPool2D") {
            const PoolWindow w = poolWindow(step);
            m_body << "    detail::pool2d(" << in << ", " << windowLiteral(s, step.outputShape, w.size, w.stride, 0, 0)
                   << ", " << (type == "AvgPool2D" ? "true" : "false") << ", " << out << ");\n";
        } else if (type == "BatchNorm") {
            const BatchNormParameters p = batchNormParameters(m_weights, step);
            arrays << "\n// " << commentText(id) << ": " << stepCaption(step) << "; gamma, beta, running mean and "
                   << "variance (" << p.channels << ")\n";
            writeArray(arrays, name + "_gamma", id + ".weight", p.gamma);
            writeArray(arrays, name + "_beta", id + ".bias", p.beta);
            writeArray(arrays, name + "_mean", id + ".running_mean", p.mean);
            writeArray(arrays, name + "_var", id + ".running_var", p.var);
            m_body << "    detail::copy(" << in << ", " << out << ", " << s.size() << ");\n"
                   << "    detail::batchNorm(" << out << ", " << p.channels << ", " << long(s.height) * s.width << ", "
                   << name << "_gamma, " << name << "_beta, " << name << "_mean, " << name << "_var, "
                   << exactFloat(p.epsilon, true) << ");\n";
        } else if (type == "GlobalAveragePool") {
            m_body << "    detail::globalAveragePool(" << in << ", " << s.channels << ", " << long(s.height) * s.width
                   << ", " << out << ");\n";
        } else if (type == "Flatten") {
            m_body << "    detail::copy(" << in << ", " << out << ", " << s.size() << ");\n";
        } else if (type == "Add" || type == "Concatenate") {
            const std::string other = m_bufferOf.at(step.inputs.at(1));
            if (type == "Add")
                m_body << "    detail::add(" << in << ", " << other << ", " << out << ", " << s.size() << ");\n";
            else  // rows are channel-major: joining along the channels appends the second sample
                m_body << "    detail::copy(" << in << ", " << out << ", " << s.size() << ");\n"
                       << "    detail::copy(" << other << ", " << out << " + " << s.size() << ", "
                       << step.outputShape.size() - s.size() << ");\n";
        } else {
            return false;
        }
        return true;
    }

    static std::string windowLiteral(const Shape& in, const Shape& out, int kernel, int stride, int padTop, int padLeft)
    {
        std::ostringstream text;
        text << "detail::Window{" << in.channels << ", " << in.height << ", " << in.width << ", " << kernel << ", "
             << stride << ", " << padTop << ", " << padLeft << ", " << out.height << ", " << out.width << "}";
        return text.str();
    }

    // The floats predict() keeps on the stack: one buffer per layer that is not a pass-through.
    long stackFloats() const { return m_stackFloats; }

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
    long m_stackFloats = 0;
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
        << "// input: kInputSize floats; output: kOutputSize floats. Reentrant: all buffers are local ("
        << (writer.stackFloats() * long(sizeof(float)) + 1023) / 1024 << " KB of stack).\n"
        << "inline void predict(const float* input, float* output)\n{\n"
        << body << "}\n\n} // namespace " << ns << "\n";
    return out.str();
}

} // namespace

void exportCppHeader(const NetworkSpec& spec, const Weights& weights, const std::string& path)
{
    const ExportPlan plan = makeExportPlan(spec, kFormat, imageExportTypes());
    writeFileAtomically(path, headerText(plan, weights, path));
}

} // namespace neurite
