// Layer gradient checks and save/load round trips through a .neurite project file.
#include "LayerChecks.h"

#include "TestSupport.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"
#include "neurite/TrainingSettings.h"

#include <QTemporaryDir>

#include <algorithm>
#include <cstring>

namespace neurite::test {

double weightedSum(Layer& layer, const std::vector<Matrix*>& inputs, const Matrix& r, bool training)
{
    std::vector<const Matrix*> in(inputs.begin(), inputs.end());
    Matrix out;
    layer.forward(in, out, training);
    return double((out.cast<double>().array() * r.cast<double>().array()).sum());
}

double gradientError(Layer& layer, const std::vector<Matrix*>& inputs, const Matrix& r, std::string& worst,
                     bool training, float eps)
{
    std::vector<const Matrix*> in(inputs.begin(), inputs.end());
    Matrix out;
    layer.forward(in, out, training);
    std::vector<Matrix> dIn(inputs.size());
    std::vector<Matrix*> dInPtrs;
    for (Matrix& d : dIn)
        dInPtrs.push_back(&d);
    layer.backward(in, out, r, dInPtrs);
    const auto loss = [&] { return weightedSum(layer, inputs, r, training); };
    double largest = 0;
    const auto check = [&](const Matrix& analytic, Matrix& value, const std::string& name) {
        const double error = maxRelativeError(analytic, numericGradient(value, loss, eps));
        if (error >= largest) {
            largest = error;
            worst = name;
        }
    };
    for (std::size_t i = 0; i < inputs.size(); ++i)
        check(dIn[i], *inputs[i], "dInput" + std::to_string(i));
    for (const ParameterRef& p : layer.parameters()) {
        const Matrix analytic = *p.grad; // copied: the numeric passes run forward only
        check(analytic, *p.value, "d" + p.name);
    }
    return largest;
}

LayerSpec layerOf(const std::string& type, const std::string& id, const LayerOptions& options)
{
    LayerSpec layer = defaultLayer(type, id);
    for (const auto& [key, value] : options)
        layer.options[key] = value;
    return layer;
}

NetworkSpec imageChain(const Shape& input, const std::vector<LayerSpec>& layers, int classes)
{
    std::vector<LayerSpec> all = layers;
    all.push_back(dense("head", classes, "softmax"));
    NetworkSpec spec = chainSpec(1, all);
    LayerSpec& in = *spec.find("input");
    in.options["channels"] = double(input.channels);
    in.options["height"] = double(input.height);
    in.options["width"] = double(input.width);
    return spec;
}

std::string projectRoundTripDifference(const NetworkSpec& spec, const Matrix& x)
{
    Network trained(spec, 5);
    std::vector<std::uint8_t> labels(std::size_t(x.rows()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = std::uint8_t(i % std::size_t(trained.outputSize()));
    trained.forwardBackward(x, labels.data());
    for (const ParameterRef& p : trained.parameters()) // a plain SGD step
        *p.value -= 0.1f * *p.grad;
    Matrix before, after;
    trained.predict(x, before);

    QTemporaryDir dir;
    const std::string path = (dir.path() + "/roundtrip.neurite").toStdString();
    Project project;
    project.spec = spec;
    project.weights = trained.weights();
    saveProject(project, path);
    const Project loaded = loadProject(path);
    if (!(loaded.spec == spec))
        return "the design changed on the way";
    if (!loaded.weights || !(*loaded.weights == *project.weights))
        return "the weights changed on the way";
    Network restored = networkFromProject(loaded);
    restored.predict(x, after);
    if (before.rows() != after.rows() || before.cols() != after.cols())
        return "the predictions have another shape";
    if (std::memcmp(before.data(), after.data(), sizeof(float) * std::size_t(before.size())) != 0)
        return "the predictions differ (largest difference " + std::to_string((before - after).cwiseAbs().maxCoeff()) +
               ")";
    return {};
}

} // namespace neurite::test
