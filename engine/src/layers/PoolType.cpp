// The pooling layer types' shared shape rule, caption and export hooks.
#include "layers/PoolType.h"

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

} // namespace neurite
