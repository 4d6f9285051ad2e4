// Exports of table models carry the preprocessing: they take a row's raw encoding (numbers as they are,
// categories one-hot), standardise it inside the model, and give a regression's value in the target's
// units. Compared with Network::predict on the standardised rows: the C++ header compiled with g++, the
// ONNX file run by OpenCV's dnn (checked by ONNX's checker), and the PyTorch folder with its encoder.py
// fed the raw text rows.
#include "TestSupport.h"
#include "neurite/DataSchema.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <fstream>

using namespace neurite;
using namespace neurite::test;

namespace {

const char* const kPython = "/usr/bin/python3"; // Debian's, which has python3-onnx, -opencv and -torch

// id (ignored), size (numeric), colour (3 categories), weight (numeric), then the target: 5 inputs.
DataSchema schemaFor(TaskKind task)
{
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    schema.task = task;
    schema.columns = {
        {.name = "id", .role = ColumnRole::Ignored},
        {.name = "size", .role = ColumnRole::Numeric, .mean = 10.5, .deviation = 2.25, .fill = 10},
        {.name = "colour",
         .role = ColumnRole::Categorical,
         .categories = {"red", "green", "blue"},
         .fillCategory = "green"},
        {.name = "weight", .role = ColumnRole::Numeric, .mean = -1.5, .deviation = 0.5, .fill = -1.25},
        {.name = "target", .role = ColumnRole::Target, .categories = {"a", "b", "c"}},
    };
    if (task == TaskKind::Regression) {
        schema.columns.back().categories.clear();
        schema.targetMean = 150.25;
        schema.targetDeviation = 75.5;
    }
    return schema;
}

// The raw text rows and their raw encoding (what the exports take): the third row misses its size and
// its colour, which become the training median and the most frequent colour.
const char* const kRowsCsv = "id,size,colour,weight,target\n"
                             "r1,12.5,red,-2,x\n"
                             "r2,7,blue,-1,x\n"
                             "r3,,NA,0.25,x\n"
                             "r4,15,green,-1.75,x\n";
Matrix rawEncoding()
{
    Matrix raw(4, 5);
    raw << 12.5f, 1, 0, 0, -2, 7, 0, 0, 1, -1, 10, 0, 1, 0, 0.25f, 15, 0, 1, 0, -1.75f;
    return raw;
}

// What Neurite predicts for the raw rows: the network on the standardised rows, a regression mapped back.
Matrix neuritePredictions(Network& net, const DataSchema& schema, const Matrix& raw)
{
    const InputStandardisation s = inputStandardisation(schema);
    Matrix x = raw;
    for (int r = 0; r < x.rows(); ++r)
        for (int c = 0; c < x.cols(); ++c)
            x(r, c) = float((double(raw(r, c)) - s.offset[std::size_t(c)]) / s.divisor[std::size_t(c)]);
    Matrix y;
    net.predict(x, y);
    if (schema.task == TaskKind::Regression)
        y = (y.array() * float(schema.targetDeviation) + float(schema.targetMean)).matrix();
    return y;
}

Network tableNetwork(TaskKind task)
{
    const bool regression = task == TaskKind::Regression;
    return Network(
        chainSpec(5, {dense("hidden", 7, "tanh"), dense("out", regression ? 1 : 3, regression ? "linear" : "softmax")},
                  regression ? "mse" : "cross_entropy"),
        5);
}

void writeMatrix(const QString& path, const Matrix& m)
{
    std::ofstream(path.toStdString(), std::ios::binary)
        .write(reinterpret_cast<const char*>(m.data()), std::streamsize(m.size() * sizeof(float)));
}

Matrix readMatrix(const QString& path, int rows, int cols)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Matrix m(rows, cols);
    if (bytes.size() != std::size_t(m.size()) * sizeof(float))
        qFatal("%s holds %zu bytes", qPrintable(path), bytes.size());
    std::memcpy(m.data(), bytes.data(), bytes.size());
    return m;
}

QString runPython(const QString& script, const QStringList& args)
{
    QProcess python;
    python.start(kPython, QStringList{"-c", script} + args);
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        qFatal("python failed: %s", python.readAllStandardError().constData());
    return QString::fromUtf8(python.readAllStandardOutput());
}

// Compiles a program around the header that predicts the rows of in.bin into out.bin.
void runHeader(const QString& dir, const QString& header)
{
    std::ofstream(dir.toStdString() + "/main.cpp")
        << "#include \"" << header.toStdString() << "\"\n#include <cstdio>\n"
        << "int main(int, char** argv) {\n    std::FILE* in = std::fopen(argv[1], \"rb\");\n"
        << "    std::FILE* out = std::fopen(argv[2], \"wb\");\n"
        << "    float x[table::kInputSize], y[table::kOutputSize];\n"
        << "    while (std::fread(x, sizeof x, 1, in) == 1) {\n        table::predict(x, y);\n"
        << "        std::fwrite(y, sizeof y, 1, out);\n    }\n    return std::fclose(out) == 0 ? 0 : 1;\n}\n";
    QProcess gxx;
    gxx.start("g++", {"-std=c++17", "-O1", "-Wall", "-Wextra", "-Werror", "-I", dir, dir + "/main.cpp", "-o",
                      dir + "/predict"});
    if (!gxx.waitForFinished(120000) || gxx.exitCode() != 0)
        qFatal("g++ failed: %s", gxx.readAllStandardError().constData());
    QProcess run;
    run.start(dir + "/predict", {dir + "/in.bin", dir + "/out.bin"});
    if (!run.waitForFinished(60000) || run.exitCode() != 0)
        qFatal("the compiled program failed");
}

const char* const kOnnxScript = R"PY(
import sys
import numpy as np, onnx, cv2
path, inputs, outputs, name = sys.argv[1:5]
model = onnx.load(path)
onnx.checker.check_model(model)
assert model.graph.output[0].name == name, model.graph.output[0].name
assert any(p.key == "neurite.data_schema" and "colour" in p.value for p in model.metadata_props)
net = cv2.dnn.readNetFromONNX(path)
net.setInput(np.fromfile(inputs, dtype=np.float32).reshape(-1, 5))
np.ascontiguousarray(net.forward(), dtype=np.float32).tofile(outputs)
)PY";

const char* const kTorchScript = R"PY(
import csv, io, sys
import numpy as np, torch
folder, rows_csv, outputs = sys.argv[1:4]
sys.path.insert(0, folder)
import encoder, model
rows = list(csv.DictReader(io.StringIO(rows_csv)))
x = encoder.encode_rows(rows)
y = model.load().predict(torch.from_numpy(x))
y.numpy().astype(np.float32).tofile(outputs)
print(" ".join(map(str, encoder.decode(y.numpy()))))
)PY";

double maxRelativeDiff(const Matrix& a, const Matrix& b)
{
    return double(((a - b).array().abs() / (b.array().abs() + 1.0f)).maxCoeff());
}

} // namespace

class TestExportPreprocessing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportsTakeRawRows_data()
    {
        QTest::addColumn<bool>("regression");
        QTest::newRow("classification") << false;
        QTest::newRow("regression") << true;
    }

    void exportsTakeRawRows()
    {
        QFETCH(bool, regression);
        const TaskKind task = regression ? TaskKind::Regression : TaskKind::Classification;
        const DataSchema schema = schemaFor(task);
        Network net = tableNetwork(task);
        const Matrix raw = rawEncoding();
        const Matrix expected = neuritePredictions(net, schema, raw);
        const int outputs = int(expected.cols());
        QTemporaryDir dir;
        writeMatrix(dir.filePath("in.bin"), raw);

        exportCppHeader(net.spec(), net.weights(), dir.filePath("table.h").toStdString(), &schema);
        QVERIFY(QFile::exists(dir.filePath("table.schema.json")));
        runHeader(dir.path(), "table.h");
        const double cpp = maxRelativeDiff(readMatrix(dir.filePath("out.bin"), 4, outputs), expected);
        QVERIFY2(cpp < 1e-5, qPrintable(QString::number(cpp)));

        exportOnnx(net.spec(), net.weights(), dir.filePath("table.onnx").toStdString(), &schema);
        runPython(kOnnxScript, {dir.filePath("table.onnx"), dir.filePath("in.bin"), dir.filePath("onnx.bin"),
                                regression ? "value" : "probabilities"});
        const double onnx = maxRelativeDiff(readMatrix(dir.filePath("onnx.bin"), 4, outputs), expected);
        QVERIFY2(onnx < 1e-5, qPrintable(QString::number(onnx)));

        exportTorch(net.spec(), net.weights(), {}, dir.filePath("torch").toStdString(), &schema);
        const QString decoded = runPython(kTorchScript, {dir.filePath("torch"), kRowsCsv, dir.filePath("torch.bin")});
        const Matrix torch = readMatrix(dir.filePath("torch.bin"), 4, outputs);
        const double torchDiff = maxRelativeDiff(torch, expected);
        QVERIFY2(torchDiff < 1e-5, qPrintable(QString::number(torchDiff)));
        if (!regression) { // the encoder names the argmax class of each row
            QStringList names;
            for (int r = 0; r < 4; ++r) {
                Eigen::Index best = 0;
                expected.row(r).maxCoeff(&best);
                names << QString::fromStdString(schema.columns.back().categories[std::size_t(best)]);
            }
            QCOMPARE(decoded.trimmed(), names.join(' '));
        }
    }

    void schemaOfOtherDataIsRefused()
    {
        DataSchema schema = schemaFor(TaskKind::Classification);
        schema.columns[2].categories.push_back("black"); // 6 inputs for a design that takes 5
        Network net = tableNetwork(TaskKind::Classification);
        QTemporaryDir dir;
        try {
            exportOnnx(net.spec(), net.weights(), dir.filePath("x.onnx").toStdString(), &schema);
            QFAIL("no error");
        } catch (const std::exception& e) {
            QVERIFY2(QString(e.what()).contains("6 input values") && QString(e.what()).contains("takes 5"), e.what());
        }
        QVERIFY(!QFile::exists(dir.filePath("x.onnx")));
    }
};

QTEST_APPLESS_MAIN(TestExportPreprocessing)
#include "tst_exportpreprocessing.moc"
