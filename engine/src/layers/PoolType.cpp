// The pooling layer types' shared shape rule, caption and export hooks.
#include "layers/PoolType.h"

#include "import/OnnxImportGraph.h"

#include <algorithm>

namespace neurite {

const OptionTable<PoolOptions>& poolOptions()
{
    static const OptionTable<PoolOptions> table{
        integerOption("size", "Size", 1, 64, &PoolOptions::size, "Window size in pixels (square)"),
        integerOption("stride", "Stride", 0, 64, &PoolOptions::stride, "Step between windows (0 = the window size)"),
    };
    return table;
}

PoolType::PoolType(LayerTypeInfo info, PoolNames names)
    : LayerKindOf(
          [&] {
              info.category = "Convolution";
              info.spatial = true;
              return info;
          }(),
          poolOptions()),
      m_names(names)
{
}

ConvGeometry PoolType::geometry(const LayerSpec& layer, const Shape& in) const
{
    const PoolOptions o = options(layer);
    return poolGeometry(in, o.size, o.stride);
}

bool PoolType::infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
                     std::string& error) const
{
    const Shape& in = inputs.at(0);
    const ConvGeometry g = geometry(layer, in);
    if (!windowFits(layer, in, g, "size", error))
        return false;
    facts.outputShape = {in.channels, g.outHeight, g.outWidth};
    return true;
}

std::string PoolType::caption(const LayerSpec& layer) const
{
    const PoolOptions o = options(layer);
    return name() + " " + windowCaption(o.size, o.stride == 0 ? o.size : o.stride, o.size);
}

// No padding, so count_include_pad cannot matter (0 says so).
void PoolType::toOnnx(OnnxGraph& graph, const PlanStep& step) const
{
    const ConvGeometry g = geometry(step.layer, step.inputShape());
    const std::string out = OnnxGraph::outputName(step.id());
    OnnxNode node = graph.node(m_names.onnx, step.id(), {graph.asImage(step.inputs.at(0))}, out);
    node.integers("kernel_shape", {g.kernel, g.kernel})
        .integers("strides", {g.stride, g.stride})
        .integers("pads", {0, 0, 0, 0});
    if (m_names.average)
        node.integer("count_include_pad", 0);
    graph.setOutput(step, out, true);
}

void PoolType::toTorch(TorchModule& module, const PlanStep& step) const
{
    const ConvGeometry g = geometry(step.layer, step.inputShape());
    module.addModule(step, std::string("nn.") + m_names.torch + "(" + std::to_string(g.kernel) +
                               ", stride=" + std::to_string(g.stride) + ")");
    module.addForward(step, "self." + module.name(step) + "(" + module.asImage(step.inputs.at(0)) + ")", true);
}

void PoolType::toCpp(CppProgram& program, const PlanStep& step) const
{
    const ConvGeometry g = geometry(step.layer, step.inputShape());
    const std::string in = program.buffer(step.inputs.at(0));
    const std::string out = program.output(step);
    const std::string window = CppProgram::window(step.inputShape(), step.outputShape(), g.kernel, g.stride, 0, 0);
    program.statement("detail::pool2d(" + in + ", " + window + ", " + (m_names.average ? "true" : "false") + ", " +
                      out + ");");
}

// A square window without padding or dilation; ceil_mode only where it changes nothing.
void PoolType::fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const
{
    const std::string& x = graph.dataInput(node, 0);
    if (!graph.isImage(x))
        graph.refuse(node, "its input must be an image (N, C, H, W)");
    const std::vector<std::int64_t> kernel = node.integers("kernel_shape");
    std::vector<std::int64_t> strides = node.integers("strides");
    const std::vector<std::int64_t> pads = node.integers("pads");
    const std::vector<std::int64_t> dilations = node.integers("dilations");
    if (kernel.size() != 2 || kernel[0] != kernel[1])
        graph.refuse(node, "Neurite's pooling windows are square");
    strides.resize(2, 1);
    if (strides[0] != strides[1])
        graph.refuse(node, "Neurite's strides are equal in height and width");
    const auto nonZero = [](std::int64_t v) { return v != 0; };
    const std::string autoPad = node.text("auto_pad", "NOTSET");
    if (std::any_of(pads.begin(), pads.end(), nonZero) || (autoPad != "NOTSET" && autoPad != "VALID"))
        graph.refuse(node, "Neurite's pools have no padding");
    if (std::any_of(dilations.begin(), dilations.end(), [](std::int64_t d) { return d != 1; }))
        graph.refuse(node, "dilated pooling has no Neurite layer");
    if (node.outputCount() > 1 && graph.readers(node.output(1)) > 0)
        graph.refuse(node, "Neurite's MaxPool2D gives no indices");
    const PoolOptions o{int(kernel[0]), kernel[0] == strides[0] ? 0 : int(strides[0])};
    const Shape& in = graph.shapeOf(x);
    const auto fits = [&](int size) { return (size - o.size) % int(strides[0]) == 0; };
    if (node.integer("ceil_mode", 0) != 0 && (!fits(in.height) || !fits(in.width)))
        graph.refuse(node, "ceil_mode=1 would add a partial window here; Neurite's windows lie inside the image");
    graph.addLayer(node, *this, poolOptions().write(o), {x}, true);
}

} // namespace neurite
