// What the two pooling layer types (MaxPool2D, AvgPool2D) share: a square window without padding that
// takes the largest value or the mean of each window, per channel.
#pragma once

#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "layers/LayerKind.h"
#include "layers/WindowShape.h"
#include "model/DesignPlan.h"

namespace neurite {

struct PoolOptions {
    int size = 2;
    int stride = 0; // 0: the window size
};
const OptionTable<PoolOptions>& poolOptions();

// The names of one pooling operation in each format.
struct PoolNames {
    const char* onnx;     // "MaxPool"
    const char* torch;    // "MaxPool2d"
    bool average = false; // the C++ kernel's flag
};

class PoolType : public LayerKindOf<PoolOptions> {
protected:
    PoolType(LayerTypeInfo info, PoolNames names);

public:
    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
               std::string& error) const override;
    std::string caption(const LayerSpec& layer) const override;
    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override;
    void toTorch(TorchModule& module, const PlanStep& step) const override;
    void toCpp(CppProgram& program, const PlanStep& step) const override;
    std::vector<std::string> onnxOps() const override { return {m_names.onnx}; }
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override;

protected:
    ConvGeometry geometry(const LayerSpec& layer, const Shape& in) const;

private:
    PoolNames m_names;
};

} // namespace neurite
