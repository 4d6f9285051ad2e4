// The data the PyTorch export's train.py reads (neurite_data.py: IDX folders, image folders decoded with
// OpenCV and resized with Neurite's arithmetic, tables encoded by encoder.py) must be the samples the engine
// trains and tests on: the same split and order, the same targets, the pixels exactly and a table's
// standardised inputs to float rounding. These tests fail (never skip) when Debian's python3-torch or
// python3-opencv is missing.
#include "FloatFiles.h"
#include "ImageFolderFixture.h"
#include "ImageSamples.h"
#include "PythonRun.h"
#include "neurite/DataSets.h"
#include "neurite/DesignForData.h"
#include "neurite/ImageFolder.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

// Reads the data as train.py does and writes each part's inputs (as the model's forward() sees them:
// standardised for a table) and targets as float32 files; prints the parts' sizes.
const char* const kReadDataScript = R"PY(
import sys
import numpy as np
import torch
folder, path, split, seed, out = sys.argv[1:6]
sys.path.insert(0, folder)
import model, neurite_data
data = neurite_data.load(path, neurite_data.load_schema(folder), float(split), int(seed))
sizes = []
for part in ("train", "test", "validation"):
    if data[part] is None:
        sizes.append(f"{part} 0")
        continue
    x, y = data[part]
    if hasattr(model, "INPUT_OFFSET"):
        offset, divisor = torch.tensor(model.INPUT_OFFSET), torch.tensor(model.INPUT_DIVISOR)
        x = ((torch.from_numpy(x) - offset) / divisor).numpy()
    np.ascontiguousarray(x, dtype=np.float32).tofile(f"{out}/{part}-x.bin")
    np.asarray(y, dtype=np.float32).tofile(f"{out}/{part}-y.bin")
    sizes.append(f"{part} {len(x)}")
print(", ".join(sizes))
)PY";

// The samples and targets (class indices or standardised values) of one part.
struct Part {
    Matrix x;
    std::vector<float> y;
};

Part engineSamples(const SampleSet& set)
{
    Part part{allSamples(set), {}};
    for (std::size_t i = 0; i < set.count(); ++i)
        part.y.push_back(set.labels.empty() ? set.targets[i] : float(set.labels[i]));
    return part;
}

Part scriptSamples(const QString& dir, const QString& name, Eigen::Index rows, Eigen::Index cols)
{
    Part part{readFloats(dir + "/" + name + "-x.bin", rows, cols), {}};
    const Matrix y = readFloats(dir + "/" + name + "-y.bin", rows, 1);
    for (Eigen::Index i = 0; i < y.rows(); ++i)
        part.y.push_back(y(i, 0));
    return part;
}

// Exports a network fitted to `data` with its schema, runs the reader on `path` and compares every part:
// the largest |difference| of the inputs (targets and order must be equal), or -1 when sizes differ.
double exportedDataDifference(const Dataset& data, const QString& path, double testSplit)
{
    QTemporaryDir dir;
    const NetworkSpec spec = designForData(data);
    const Network net(spec, 3);
    const QString folder = dir.filePath("torch");
    exportTorch(spec, net.weights(), TrainingSettings{}, folder.toStdString(), &data.schema);
    const QString out = runPython(kReadDataScript,
                                  {folder, path, QString::number(testSplit, 'g', 17), "1", dir.path()});
    if (out == "FAILED")
        return -1;
    qInfo("the script read: %s", qPrintable(out.trimmed()));
    double worst = 0;
    const std::pair<const char*, const SampleSet*> parts[] = {{"train", &data.train},
                                                              {"test", &data.test},
                                                              {"validation", &data.validation}};
    for (const auto& part : parts) {
        const Part ours = engineSamples(*part.second);
        if (!out.contains(QString("%1 %2").arg(part.first).arg(ours.y.size())))
            return -1;
        if (ours.y.empty())
            continue;
        const Part theirs = scriptSamples(dir.path(), part.first, ours.x.rows(), ours.x.cols());
        if (theirs.x.rows() != ours.x.rows() || theirs.y != ours.y)
            return -1;
        worst = std::max(worst, double((theirs.x - ours.x).cwiseAbs().maxCoeff()));
    }
    return worst;
}

// A table separated by semicolons with decimal commas, a categorical column with missing values, a numeric
// column with missing values, an identifier and rows without a target (left out).
QString writeMixedTable(const QString& path, bool regression)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("id;colour;size;weight;kind\n");
    const char* const colours[] = {"red", "green", " blue", "NA", ""};
    const char* const kinds[] = {"cat", "dog", "eel"};
    for (int i = 0; i < 90; ++i) {
        const QString size = i % 11 == 3 ? "NA" : QString::number(1.25 + 0.37 * (i % 13), 'f', 2).replace('.', ',');
        const QString target = i % 17 == 5  ? QString("?")
                               : regression ? QString::number(0.5 * i - 3.25 * (i % 7), 'g', 6).replace('.', ',')
                                            : QString(kinds[(i * 7 + i / 5) % 3]);
        file.write(QString("%1;%2;%3;%4;%5\n")
                       .arg(i + 1000)
                       .arg(colours[(i * 3) % 5])
                       .arg(size)
                       .arg((i * 37) % 23)
                       .arg(target)
                       .toUtf8());
    }
    return path;
}

// Semi-transparent PNGs (28x28, alpha from 0 to 255) beside the other images of the first class: they are
// composed over black before they are converted.
void writeTranslucentImages(const QString& folder)
{
    const QString classFolder = folder + "/" + QString::fromStdString(fashionClasses().front().folder);
    for (int i = 0; i < 3; ++i) {
        QImage image = fashionImage(std::size_t(i), classTint(i), true).convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                QColor c = image.pixelColor(x, y);
                c.setAlpha((x * 9 + y * 5 + i * 40) % 256);
                image.setPixelColor(x, y, c);
            }
        image.save(QString("%1/translucent%2.png").arg(classFolder).arg(i), "PNG");
    }
}

} // namespace

class TestExportData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString out = runPython("import torch, cv2, numpy; print('ok')", {});
        QVERIFY2(out.trimmed() == "ok", "Debian's python3-torch, python3-opencv and python3-numpy are needed");
        render::installImageDecoder();
    }

    void tableDataMatchesEngine_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("iris") << "iris";
        QTest::newRow("semicolons, decimal commas, missing values, classes") << "mixed";
        QTest::newRow("semicolons, decimal commas, missing values, a value to predict") << "regression";
    }

    // Standardised inputs to float rounding; the split, the row order and the targets exactly.
    void tableDataMatchesEngine()
    {
        QFETCH(QString, table);
        QTemporaryDir dir;
        const QString path = table == "iris" ? qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/data/iris.csv"
                                             : writeMixedTable(dir.filePath("table.csv"), table == "regression");
        DataOptions options;
        options.testSplit = 0.25;
        const Dataset data = loadDataset(path.toStdString(), options);
        QCOMPARE(data.schema.task, table == "regression" ? TaskKind::Regression : TaskKind::Classification);
        QVERIFY(data.test.count() > 0);
        const double difference = exportedDataDifference(data, path, options.testSplit);
        qInfo("largest |difference| of the standardised inputs: %g", difference);
        QVERIFY2(difference >= 0, "the script's parts differ in size, order or targets (see above)");
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
    }

    void imageFolderDataMatchesEngine_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::newRow("RGB, 28x28 as most images are") << 3 << 0;
        QTest::newRow("grey, 28x28 as most images are") << 1 << 0;
        QTest::newRow("RGB, reduced to 20x20") << 3 << 20;
        QTest::newRow("grey, enlarged to 37x37") << 1 << 37;
    }

    // Pixels / 255 exactly, in the engine's order and split: decoded, composed over black, resized (the 40x36
    // JPEGs always; every image for another size), converted to grey or RGB.
    void imageFolderDataMatchesEngine()
    {
        QFETCH(int, channels);
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString folder = dir.filePath("images");
        writeFashionClasses(folder, fashionClasses(), 15);
        writeTranslucentImages(folder);
        DataOptions options;
        options.imageChannels = channels;
        options.imageRows = options.imageCols = size;
        options.dataDir = dir.filePath("data-dir").toStdString();
        const Dataset data = loadImageFolder(folder.toStdString(), options);
        QCOMPARE(data.schema.image.channels, channels);
        const double difference = exportedDataDifference(data, folder, options.testSplit);
        qInfo("largest |difference| of the pixels: %g (of 1)", difference);
        QVERIFY2(difference >= 0, "the script's parts differ in size, order or labels (see above)");
        QCOMPARE(difference, 0.0);
    }
};

QTEST_MAIN(TestExportData)
#include "tst_exportdata.moc"
