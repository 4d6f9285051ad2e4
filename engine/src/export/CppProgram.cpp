// The C++ header generated for a design: weight arrays, kernels and predict(), built step by step.
#include "export/CppProgram.h"

#include "export/ExportSupport.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <filesystem>
#include <set>

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

// A sliding window over one (channels, height, width) sample; the output is (?, outHeight, outWidth).
struct Window {
    int channels, height, width, kernel, stride, padTop, padLeft, outHeight, outWidth;
};

// y = conv(x, w) + b with zero padding. x: (channels, height, width), w: (filters, channels, kernel, kernel),
// b: (filters), y: (filters, outHeight, outWidth).
inline void conv2d(const float* x, const Window& g, int filters, const float* w, const float* b, float* y)
{
    for (int f = 0; f < filters; ++f)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                float sum = 0.0f;
                for (int c = 0; c < g.channels; ++c)
                    for (int ky = 0; ky < g.kernel; ++ky) {
                        const int iy = oy * g.stride + ky - g.padTop;
                        if (iy < 0 || iy >= g.height)
                            continue;  // zero padding
                        const float* row = x + (static_cast<long>(c) * g.height + iy) * g.width;
                        const float* wRow = w + ((static_cast<long>(f) * g.channels + c) * g.kernel + ky) * g.kernel;
                        for (int kx = 0; kx < g.kernel; ++kx) {
                            const int ix = ox * g.stride + kx - g.padLeft;
                            if (ix >= 0 && ix < g.width)
                                sum += wRow[kx] * row[ix];
                        }
                    }
                *y++ = sum + b[f];
            }
}

// Max (or mean, when `average`) of each window, per channel; pooling windows have no padding.
inline void pool2d(const float* x, const Window& g, bool average, float* y)
{
    const float scale = 1.0f / static_cast<float>(g.kernel * g.kernel);
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                const float* corner = x + (static_cast<long>(c) * g.height + oy * g.stride) * g.width + ox * g.stride;
                float best = corner[0], sum = 0.0f;
                for (int ky = 0; ky < g.kernel; ++ky)
                    for (int kx = 0; kx < g.kernel; ++kx) {
                        const float v = corner[static_cast<long>(ky) * g.width + kx];
                        best = v > best ? v : best;
                        sum += v;
                    }
                *y++ = average ? sum * scale : best;
            }
}

// In place, per channel (a run of `pixels` values): (v - mean) / sqrt(var + epsilon) * gamma + beta.
inline void batchNorm(float* v, int channels, long pixels, const float* gamma, const float* beta, const float* mean,
                      const float* var, float epsilon)
{
    for (int c = 0; c < channels; ++c) {
        const float invStd = 1.0f / std::sqrt(var[c] + epsilon);
        for (long i = 0; i < pixels; ++i, ++v)
            *v = (*v - mean[c]) * invStd * gamma[c] + beta[c];
    }
}

// y[c] = the mean of channel c (a run of `pixels` values).
inline void globalAveragePool(const float* x, int channels, long pixels, float* y)
{
    const float scale = 1.0f / static_cast<float>(pixels);
    for (int c = 0; c < channels; ++c) {
        float sum = 0.0f;
        for (long i = 0; i < pixels; ++i)
            sum += *x++;
        y[c] = sum * scale;
    }
}

inline void add(const float* a, const float* b, float* y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = a[i] + b[i];
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

std::string CppProgram::body() const
{
    std::string text = m_body.str();
    text += "    detail::copy(" + m_bufferOf.at(m_plan.finalId) + ", output, kOutputSize);\n";
    if (m_plan.softmaxHead)
        text += "    detail::softmax(output, kOutputSize);\n";
    return text;
}

std::string CppProgram::headerText(const std::string& path) const
{
    const std::string ns = namespaceFor(path);
    const std::string file = std::filesystem::path(path).filename().string();
    std::ostringstream out;
    out << "// " << file << ": a network exported by Neurite " << neuriteVersion()
        << " - weights and a dependency-free predict().\n"
        << "// Input: kInputSize floats, pixels / 255 in [0, 1], flattened row-major (C, H, W) = "
        << m_plan.inputShape.toString() << ".\n"
        << "// Output: kOutputSize " << (m_plan.softmaxHead ? "class probabilities (softmax)" : "raw outputs (MSE)")
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
