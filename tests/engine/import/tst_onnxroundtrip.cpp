// ONNX import of what Neurite exports: every template, a graph with every image layer and chains with
// every flat layer export to ONNX and import back to the same design (layers, options with their defaults
// filled in, wires) and the same weights bit for bit, and the imported network predicts exactly what the
// original does.
#include "ExportDesigns.h"
#include "TestSupport.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/OnnxImport.h"

#include <QtTest>

#include <algorithm>
#include <cstring>

using namespace neurite;
using namespace neurite::test;

namespace {

// Every option present (defaults filled in), layers by id and wires in order: two designs that mean the
// same compare equal whatever order their files list things in.
NetworkSpec normalised(NetworkSpec spec)
{
    for (LayerSpec& layer : spec.layers) {
        if (const LayerKind* kind = findLayerKind(layer.type))
            for (const auto& [key, value] : kind->defaultOptions())
                layer.options.emplace(key, value);
    }
    std::sort(spec.layers.begin(), spec.layers.end(),
              [](const LayerSpec& a, const LayerSpec& b) { return a.id < b.id; });
    std::sort(spec.connections.begin(), spec.connections.end(), [](const Connection& a, const Connection& b) {
        return std::tie(a.to, a.toPort, a.from) < std::tie(b.to, b.toPort, b.from);
    });
    return spec;
}

QString describe(const NetworkSpec& spec)
{
    return QString::fromStdString(toJson(spec, -1));
}

// Equal names, shapes and bits (a float compare would call -0 and 0 equal and NaN unequal).
bool sameBits(const Weights& a, const Weights& b, QString& difference)
{
    std::map<std::string, const NamedTensor*> byName;
    for (const NamedTensor& t : b)
        byName[t.name] = &t;
    if (a.size() != b.size())
        difference = QString("%1 tensors against %2").arg(a.size()).arg(b.size());
    for (const NamedTensor& t : a) {
        const auto it = byName.find(t.name);
        if (it == byName.end() || it->second->rows != t.rows || it->second->cols != t.cols ||
            it->second->values.size() != t.values.size() ||
            std::memcmp(it->second->values.data(), t.values.data(), t.values.size() * sizeof(float)) != 0)
            difference = QString::fromStdString(t.name);
    }
    return difference.isEmpty();
}

// Chains of flat layers: every activation as a layer and fused, a Dense without bias, a Softmax layer
// before the loss, a linear last layer, BatchNorm and Dropout on vectors, MSE outputs.
std::vector<std::pair<const char*, NetworkSpec>> flatDesigns()
{
    LayerSpec noBias = dense("nobias", 12, "tanh");
    noBias.options["bias"] = 0.0;
    return {
        {"activation layers", chainSpec(20, {dense("d1", 16, "linear"),
                                             {"r", "ReLU", {}},
                                             {"lr", "LeakyReLU", {{"alpha", 0.2}}},
                                             {"s", "Sigmoid", {}},
                                             {"t", "Tanh", {}},
                                             dense("d2", 5, "linear"),
                                             {"sm", "Softmax", {}}})},
        {"fused activations", chainSpec(20, {dense("a", 16, "relu"), dense("b", 16, "leaky_relu"),
                                             dense("c", 16, "sigmoid"), noBias, dense("out", 4, "softmax")})},
        {"linear before cross-entropy", chainSpec(9, {dense("a", 8, "relu"), dense("b", 3, "linear")})},
        {"flat BatchNorm and Dropout", chainSpec(10, {dense("a", 8, "relu"),
                                                      {"bn", "BatchNorm", {{"momentum", 0.3}, {"epsilon", 1e-4}}},
                                                      {"drop", "Dropout", {{"rate", 0.3}}},
                                                      dense("b", 3, "softmax")})},
        {"MSE regression", chainSpec(6, {dense("a", 8, "tanh"), dense("value", 1, "linear")}, "mse")},
        {"MSE with softmax", chainSpec(6, {dense("a", 8, "relu"), dense("b", 3, "softmax")}, "mse")},
    };
}

} // namespace

class OnnxRoundTripTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void checkRoundTrip(const NetworkSpec& spec, const QString& name)
    {
        Network original(spec, 11);
        setTrainedLikeWeights(original, 5);
        const std::string path = m_dir.filePath(name + ".onnx").toStdString();
        exportOnnx(spec, original.weights(), path);
        const OnnxImport imported = importOnnx(path);

        const NetworkSpec expected = normalised(spec);
        const NetworkSpec actual = normalised(imported.project.spec);
        QVERIFY2(actual == expected, qPrintable(name + "\n" + describe(actual) + "\n" + describe(expected)));
        QVERIFY(imported.project.weights.has_value());
        QString difference;
        QVERIFY2(sameBits(*imported.project.weights, original.weights(), difference),
                 qPrintable(name + ": " + difference));

        Network reloaded = networkFromProject(imported.project);
        const Matrix x = randomMatrix(7, int(original.inputShape().size()), 3, 0.0f, 1.0f);
        Matrix a, b;
        original.predict(x, a);
        reloaded.predict(x, b);
        QVERIFY2(a == b, qPrintable(name + ": predictions differ"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyTemplateRoundTrips()
    {
        for (const std::string& name : presetNames())
            checkRoundTrip(*preset(name), QString::fromStdString(name));
    }

    void everyImageLayerRoundTrips()
    {
        checkRoundTrip(everyImageLayerSpec(), "image-layers");
        checkRoundTrip(everyImageLayerSpec("mse"), "image-layers-mse");
    }

    void everyFlatLayerRoundTrips()
    {
        for (const auto& [name, spec] : flatDesigns())
            checkRoundTrip(spec, name);
    }

    // A design laid out with its own ids keeps them: the Input and Output too (from the model's metadata).
    void idsComeBack()
    {
        NetworkSpec spec = chainSpec(4, {dense("hidden", 5, "relu"), dense("scores", 3, "softmax")});
        for (LayerSpec& layer : spec.layers)
            layer.id = layer.type == "Input" ? "pixels" : layer.type == "Output" ? "classes" : layer.id;
        for (Connection& c : spec.connections) {
            c.from = c.from == "input" ? "pixels" : c.from;
            c.to = c.to == "output" ? "classes" : c.to;
        }
        checkRoundTrip(spec, "ids");
    }
};

QTEST_GUILESS_MAIN(OnnxRoundTripTest)
#include "tst_onnxroundtrip.moc"
