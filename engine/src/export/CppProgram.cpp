// The C++ header generated for a design: weight arrays, kernels and predict(), built step by step.
#include "export/CppProgram.h"

#include "export/ExportSupport.h"
#include "io/EmbeddedResources.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <filesystem>
#include <set>

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
        "alignas",  "alignof",   "and",      "asm",      "auto",      "bool",   "break",  "case",     "catch",
        "char",     "class",     "const",    "continue", "default",   "delete", "do",     "double",   "else",
        "enum",     "explicit",  "export",   "extern",   "false",     "float",  "for",    "friend",   "goto",
        "if",       "inline",    "int",      "long",     "namespace", "new",    "not",    "operator", "or",
        "private",  "protected", "public",   "return",   "short",     "signed", "sizeof", "static",   "std",
        "struct",   "switch",    "template", "this",     "throw",     "true",   "try",    "typedef",  "union",
        "unsigned", "using",     "virtual",  "void",     "volatile",  "while",  "detail"};
    std::string name = identifierFor(std::filesystem::path(path).stem().string());
    return keywords.count(name) ? name + "_model" : name;
}

void writeArray(std::ostringstream& out, const std::string& name, const std::string& tensor,
                const std::vector<float>& values)
{
    out << "inline constexpr float " << name << "[" << values.size() << "] = {";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            throw NeuriteError("Tensor '" + tensor +
                               "' holds a value that is not a finite number; "
                               "cannot export it to the " +
                               kFormat + " format.");
        out << (i % kValuesPerLine == 0 ? "\n    " : " ") << exactFloat(values[i], true) << ",";
    }
    out << "\n};\n";
}

} // namespace

CppProgram::CppProgram(const DesignPlan& plan, const Weights& weights)
    : m_plan(plan), m_weights(weights), m_names(stepIdentifiers(plan))
{
    m_bufferOf[plan.inputId] = "input";
}

std::string CppProgram::output(const PlanStep& step)
{
    const std::string out = name(step) + "_out";
    const long n = step.outputShape().size();
    m_body << "    // " << commentText(step.id()) << " (" << stepCaption(step) << ") -> "
           << step.outputShape().toString() << "\n";
    m_body << "    float " << out << "[" << n << "];\n";
    m_bufferOf[step.id()] = out;
    m_stackFloats += n;
    return out;
}

void CppProgram::passThrough(const PlanStep& step)
{
    m_bufferOf[step.id()] = m_bufferOf.at(step.inputs.at(0));
    m_body << "    // " << commentText(step.id()) << " (" << stepCaption(step) << "): identity at inference\n";
}

void CppProgram::arraysComment(const PlanStep& step, const std::string& what)
{
    m_arrays << "\n// " << commentText(step.id()) << ": " << stepCaption(step) << "; " << what << "\n";
}

void CppProgram::array(const std::string& name, const std::string& tensor, const std::vector<float>& values)
{
    writeArray(m_arrays, name, tensor, values);
}

void CppProgram::statement(const std::string& line)
{
    m_body << "    " << line << "\n";
}

void CppProgram::activation(Activation f, float alpha, const std::string& buffer, long n)
{
    const std::string args = "(" + buffer + ", " + std::to_string(n);
    switch (f) {
    case Activation::ReLU: statement("detail::relu" + args + ");"); break;
    case Activation::LeakyReLU: statement("detail::leakyRelu" + args + ", " + exactFloat(alpha, true) + ");"); break;
    case Activation::Sigmoid: statement("detail::sigmoid" + args + ");"); break;
    case Activation::Tanh: statement("detail::tanhInPlace" + args + ");"); break;
    case Activation::Softmax: statement("detail::softmax" + args + ");"); break;
    case Activation::Linear: break;
    }
}

std::string CppProgram::window(const Shape& in, const Shape& out, int kernel, int stride, int padTop, int padLeft)
{
    std::ostringstream text;
    text << "detail::Window{" << in.channels << ", " << in.height << ", " << in.width << ", " << kernel << ", "
         << stride << ", " << padTop << ", " << padLeft << ", " << out.height << ", " << out.width << "}";
    return text.str();
}

void CppProgram::standardiseInput(const InputStandardisation& standardisation)
{
    const std::vector<float> offset(standardisation.offset.begin(), standardisation.offset.end());
    const std::vector<float> divisor(standardisation.divisor.begin(), standardisation.divisor.end());
    m_arrays << "\n// The table's raw encoding (numbers as they are, categories one-hot; see schema.json) is "
                "standardised first.\n";
    array("kInputOffset", "input offset", offset);
    array("kInputDivisor", "input divisor", divisor);
    statement("float standardised[kInputSize];");
    statement("for (int i = 0; i < kInputSize; ++i)");
    statement("    standardised[i] = (input[i] - kInputOffset[i]) / kInputDivisor[i];");
    m_stackFloats += long(offset.size());
    m_bufferOf[m_plan.inputId] = "standardised";
    m_standardised = true;
}

void CppProgram::scaleOutput(double targetMean, double targetDeviation)
{
    m_arrays << "\n// The network predicts the standardised target; predict() returns it in its own units.\n"
             << "inline constexpr float kTargetMean = " << exactFloat(float(targetMean), true) << ";\n"
             << "inline constexpr float kTargetDeviation = " << exactFloat(float(targetDeviation), true) << ";\n";
    m_scaledOutput = true;
}

std::string CppProgram::body() const
{
    std::string text = m_body.str();
    text += "    detail::copy(" + m_bufferOf.at(m_plan.finalId) + ", output, kOutputSize);\n";
    if (m_plan.softmaxHead)
        text += "    detail::softmax(output, kOutputSize);\n";
    if (m_scaledOutput)
        text += "    output[0] = output[0] * kTargetDeviation + kTargetMean;\n";
    return text;
}

std::string CppProgram::headerText(const std::string& path) const
{
    const std::string ns = namespaceFor(path);
    const std::string file = std::filesystem::path(path).filename().string();
    std::ostringstream out;
    out << "// " << file << ": a network exported by Neurite " << neuriteVersion()
        << " - weights and a dependency-free predict().\n"
        << (m_standardised ? "// Input: kInputSize floats, a table row's raw encoding (see schema.json) = "
                           : "// Input: kInputSize floats, pixels / 255 in [0, 1] (colour: R, G, B planes), flattened "
                             "row-major (C, H, W) = ")
        << m_plan.inputShape.toString() << ".\n"
        << "// Output: kOutputSize "
        << (m_plan.softmaxHead ? "class probabilities (softmax)"
            : m_scaledOutput   ? "predicted value, in the target's units"
                               : "raw outputs (MSE)")
        << ".\n// Needs C++17. Usage: #include \"" << file << "\", then " << ns << "::predict(input, output);\n"
        << "#pragma once\n\n#include <cmath>\n\nnamespace " << ns << " {\n\n"
        << "inline constexpr int kInputSize = " << m_plan.inputShape.size() << ";\n"
        << "inline constexpr int kOutputSize = " << m_plan.outputSize << ";\n"
        << m_arrays.str() << "\n"
        << kKernels << "\n"
        << "// input: kInputSize floats; output: kOutputSize floats. Reentrant: all buffers are local ("
        << (m_stackFloats * long(sizeof(float)) + 1023) / 1024 << " KB of stack).\n"
        << "inline void predict(const float* input, float* output)\n{\n"
        << body() << "}\n\n} // namespace " << ns << "\n";
    return out.str();
}

} // namespace neurite
