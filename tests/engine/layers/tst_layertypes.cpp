// The layer types as one place each: defaults come from the type's options alone, so a design that leaves
// options out means the same network in the summary, the trainer and every exporter; unknown options are
// reported by name.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/Validation.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace neurite;

namespace {

// Input 28x28 -> Dense with no options at all -> Dense 10 -> Output (cross-entropy).
NetworkSpec designWithBareDense()
{
    NetworkSpec spec;
    spec.layers = {{"input", "Input", {{"channels", 1.0}, {"height", 28.0}, {"width", 28.0}}},
                   {"dense1", "Dense", {}},
                   {"dense2", "Dense", {{"units", 10.0}, {"activation", std::string("linear")}}},
                   {"output", "Output", {}}};
    spec.connections = {{"input", "dense1", 0}, {"dense1", "dense2", 0}, {"dense2", "output", 0}};
    return spec;
}

std::string fileText(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// What ONNX's own Python reader finds in the file: the dense1 weight's dims and the op after its Gemm.
QString onnxDenseFacts(const QString& path)
{
    QProcess python;
    // Debian's Python, which has python3-onnx; not whichever python3 comes first on PATH.
    python.start("/usr/bin/python3",
                 {"-c",
                  "import onnx, sys\n"
                  "m = onnx.load(sys.argv[1])\n"
                  "w = [t for t in m.graph.initializer if t.name == 'dense1.weight'][0]\n"
                  "after = [n.op_type for n in m.graph.node if n.input and n.input[0] == 'dense1/gemm']\n"
                  "print(list(w.dims), after)",
                  path});
    python.waitForFinished(60000);
    return QString::fromUtf8(python.readAllStandardOutput()).trimmed() +
           QString::fromUtf8(python.readAllStandardError());
}

} // namespace

class TestLayerTypes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTypesDefaultsAreValidOptions()
    {
        for (const LayerTypeInfo& info : layerTypes()) {
            const LayerSpec layer = defaultLayer(info.name, "x");
            QCOMPARE(layer.options.size(), info.options.size());
            for (const OptionDescriptor& option : info.options) {
                const OptionValue& value = layer.options.at(option.key);
                if (option.kind == OptionKind::Choice)
                    QCOMPARE(std::get<std::string>(value), option.defaultChoice);
                else
                    QCOMPARE(std::get<double>(value), option.defaultNumber);
            }
            // The caption of a layer with no options is the caption of one with every default.
            QCOMPARE(layerCaption({"x", info.name, {}}), layerCaption(layer));
        }
    }

    void missingDenseOptionsMean128ReluInTheSummary()
    {
        const ValidationReport report = validate(designWithBareDense());
        QVERIFY2(report.ok(), report.errorSummary().c_str());
        QCOMPARE(report.layers.at("dense1").outputShape, Shape::flat(128));
        QCOMPARE(report.layers.at("dense1").parameters, 784L * 128 + 128);
        QCOMPARE(report.totalParameters(), 784L * 128 + 128 + 128L * 10 + 10);
        QCOMPARE(layerCaption(designWithBareDense().layers[1]), std::string("Dense 128 \u00b7 ReLU"));
    }

    void missingDenseOptionsMean128ReluInTheNetwork()
    {
        Network net(designWithBareDense(), 3);
        QCOMPARE(net.parameterCount(), validate(designWithBareDense()).totalParameters());
        const Weights weights = net.weights();
        QCOMPARE(weights.at(0).name, std::string("dense1.weight"));
        QCOMPARE(weights.at(0).rows, 784);
        QCOMPARE(weights.at(0).cols, 128);
        std::vector<float> input(784), output(10);
        for (std::size_t i = 0; i < input.size(); ++i)
            input[i] = float((i * 37) % 101) / 100.0f;
        net.predictOne(input.data(), output.data());
        const LayerActivation hidden = net.activations().at(0);
        QCOMPARE(hidden.layerId, std::string("dense1"));
        const auto [low, high] = std::minmax_element(hidden.values.begin(), hidden.values.end());
        QVERIFY(*low == 0.0f); // ReLU: the negative half is cut off...
        QVERIFY(*high > 0.0f); // ...and the rest passes
    }

    void missingDenseOptionsMean128ReluInEveryExport()
    {
        Network net(designWithBareDense(), 3);
        QTemporaryDir dir;
        exportCppHeader(net.spec(), net.weights(), dir.filePath("bare.h").toStdString());
        const std::string header = fileText(dir.filePath("bare.h"));
        QVERIFY(header.find("detail::dense(input, 784, 128, dense1_weight, dense1_bias, dense1_out);") !=
                std::string::npos);
        QVERIFY(header.find("detail::relu(dense1_out, 128);") != std::string::npos);

        exportTorch(net.spec(), net.weights(), {}, dir.filePath("torch").toStdString());
        const std::string module = fileText(dir.filePath("torch/model.py"));
        QVERIFY(module.find("self.dense1 = nn.Linear(784, 128, bias=True)") != std::string::npos);
        QVERIFY(module.find("dense1 = torch.relu(self.dense1(x))") != std::string::npos);

        exportOnnx(net.spec(), net.weights(), dir.filePath("bare.onnx").toStdString());
        QCOMPARE(onnxDenseFacts(dir.filePath("bare.onnx")), QString("[128, 784] ['Relu']"));
    }

    void unknownOptionsAreReportedByName()
    {
        NetworkSpec spec = designWithBareDense();
        spec.layers[1].options["unit"] = 64.0;
        spec.layers[3].options["los"] = std::string("mse");
        const ValidationReport report = validate(spec);
        QVERIFY(!report.ok());
        const std::vector<ValidationIssue> errors = report.errors();
        QCOMPARE(errors.size(), std::size_t(2));
        QCOMPARE(errors[0].layerId, std::string("dense1"));
        QCOMPARE(errors[0].field, std::string("unit"));
        QCOMPARE(errors[0].message,
                 std::string("Dense 'dense1' has no option 'unit'; its options are units, activation, "
                             "init, bias."));
        QCOMPARE(errors[1].field, std::string("los"));
        QCOMPARE(errors[1].message, std::string("Output 'output' has no option 'los'; its options are loss."));
        spec.layers[0].options["bias"] = 1.0;
        QVERIFY(validate(spec).errorSummary().find("Input 'input' has no option 'bias'") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(NeuriteError, Network{spec});
    }

    void optionlessTypesSayTheyTakeNone()
    {
        NetworkSpec spec = designWithBareDense();
        spec.layers.insert(spec.layers.begin() + 2, {"relu", "ReLU", {{"alpha", 0.2}}});
        spec.connections = {
            {"input", "dense1", 0}, {"dense1", "relu", 0}, {"relu", "dense2", 0}, {"dense2", "output", 0}};
        QCOMPARE(validate(spec).errorSummary(), std::string("ReLU 'relu' has no option 'alpha' (it takes none)."));
    }

    void rolesComeFromTheTypes()
    {
        QCOMPARE(layerRole("Input"), LayerRole::Input);
        QCOMPARE(layerRole("Output"), LayerRole::Output);
        QCOMPARE(layerRole("Dense"), LayerRole::Hidden);
        QCOMPARE(layerRole("NoSuchType"), LayerRole::Hidden);
        int inputs = 0, outputs = 0;
        for (const LayerTypeInfo& info : layerTypes()) {
            inputs += info.role == LayerRole::Input;
            outputs += info.role == LayerRole::Output;
            QCOMPARE(info.inputPorts == 0, info.role == LayerRole::Input);
        }
        QCOMPARE(inputs, 1);
        QCOMPARE(outputs, 1);
    }
};

QTEST_APPLESS_MAIN(TestLayerTypes)
#include "tst_layertypes.moc"
