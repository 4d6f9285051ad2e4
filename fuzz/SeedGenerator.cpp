// Writes the seed corpora of the fuzz targets from valid files the engine itself makes:
// `fuzz_seed_generator DIR` fills DIR/idx, DIR/projectfile, DIR/designjson, DIR/preprocess, DIR/table,
// DIR/planepoints, DIR/onnximport and DIR/npz.
#include "io/NpzWriter.h"
#include "neurite/IdxFile.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/ProjectFile.h"
#include "neurite/ProjectRuns.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

using namespace neurite;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

LayerSpec layer(const std::string& id, const std::string& type, LayerOptions options = {})
{
    return {id, type, std::move(options)};
}

// Input -> layers in order -> Output: a valid chain design.
NetworkSpec chain(LayerOptions input, const std::vector<LayerSpec>& layers, const std::string& loss = "cross_entropy")
{
    NetworkSpec spec;
    spec.layers.push_back(layer("input", "Input", std::move(input)));
    std::string previous = "input";
    for (const LayerSpec& l : layers) {
        spec.layers.push_back(l);
        spec.connections.push_back({previous, l.id, 0});
        previous = l.id;
    }
    spec.layers.push_back(layer("output", "Output", {{"loss", loss}}));
    spec.connections.push_back({previous, "output", 0});
    return spec;
}

std::vector<NetworkSpec> seedDesigns()
{
    const LayerOptions flat4{{"channels", 4.0}, {"height", 1.0}, {"width", 1.0}};
    const LayerOptions image6{{"channels", 1.0}, {"height", 6.0}, {"width", 6.0}};
    std::vector<NetworkSpec> designs{
        *preset("logistic"),
        *preset("mlp"),
        chain(flat4, {layer("d1", "Dense", {{"units", 3.0}, {"activation", "relu"}}),
                      layer("d2", "Dense", {{"units", 2.0}, {"activation", "softmax"}})}),
        chain(flat4,
              {layer("d1", "Dense", {{"units", 3.0}, {"activation", "tanh"}, {"bias", 0.0}}), layer("bn", "BatchNorm"),
               layer("drop", "Dropout", {{"rate", 0.25}}), layer("r", "LeakyReLU"),
               layer("d2", "Dense", {{"units", 2.0}, {"activation", "linear"}})},
              "mse"),
        chain(image6,
              {layer("c1", "Conv2D", {{"filters", 2.0}, {"kernel", 3.0}, {"padding", "same"}}),
               layer("p1", "MaxPool2D", {{"size", 2.0}}), layer("c2", "Conv2D", {{"filters", 2.0}, {"kernel", 2.0}}),
               layer("p2", "AvgPool2D", {{"size", 2.0}, {"stride", 1.0}}), layer("f", "Flatten"),
               layer("d", "Dense", {{"units", 3.0}, {"activation", "softmax"}})}),
        chain(image6,
              {layer("c1", "Conv2D", {{"filters", 3.0}, {"kernel", 3.0}, {"padding", "explicit"}, {"pad", 1.0}}),
               layer("g", "GlobalAveragePool"), layer("s", "Sigmoid"),
               layer("d", "Dense", {{"units", 2.0}, {"activation", "softmax"}})}),
    };
    // A residual block and a concatenation: layers with two inputs.
    NetworkSpec merge = chain(flat4,
                              {layer("a", "Dense", {{"units", 4.0}}), layer("sum", "Add"), layer("cat", "Concatenate"),
                               layer("d", "Dense", {{"units", 2.0}, {"activation", "softmax"}})});
    merge.connections.push_back({"input", "sum", 1});
    merge.connections.push_back({"a", "cat", 1});
    designs.push_back(merge);
    return designs;
}

void writeIdxSeeds(const fs::path& dir)
{
    fs::create_directories(dir);
    writeIdx((dir / "labels.idx").string(), {{5}, {3, 1, 4, 1, 5}});
    writeIdx((dir / "images.idx").string(),
             {{2, 3, 3}, {0, 10, 20, 30, 40, 50, 60, 70, 80, 255, 0, 1, 2, 3, 4, 5, 6, 7}});
    writeIdx((dir / "images.idx.gz").string(), {{2, 2, 2}, {9, 8, 7, 6, 5, 4, 3, 2}});
    writeIdx((dir / "labels.idx.gz").string(), {{3}, {0, 1, 2}});
}

// .npz files as Neurite writes them (stored entries), of the seed designs' exported PyTorch weights.
void writeNpzSeeds(const fs::path& dir, const std::vector<NetworkSpec>& designs)
{
    fs::create_directories(dir);
    for (std::size_t i = 0; i < designs.size() && i < 4; ++i) {
        const Network network(designs[i], i + 1);
        const fs::path folder = dir / ("torch-" + std::to_string(i));
        exportTorch(designs[i], network.weights(), TrainingSettings{}, folder.string());
        fs::rename(folder / "weights.npz", dir / ("weights-" + std::to_string(i) + ".npz"));
        fs::remove_all(folder);
    }
    std::ofstream(dir / "small.npz", std::ios::binary)
        << npzBytes({{"a.weight", {2, 3}, {1, 2, 3, 4, 5, 6}}, {"a.bias", {2}, {-1, 0.5f}}});
}

void writeProjectSeeds(const fs::path& dir, const std::vector<NetworkSpec>& designs)
{
    fs::create_directories(dir);
    int n = 0;
    for (std::size_t i : {std::size_t(2), std::size_t(3), std::size_t(4)}) {
        Project project;
        project.spec = designs[i];
        project.weights = Network(project.spec, 1).weights();
        project.classNames = {"a", "b", "c"};
        project.uiStateJson = R"({"nodes": {"input": {"x": 1, "y": 2}}})";
        project.history.batches.push_back({});
        if (n == 0) {
            // A project trained on painted points keeps them, their class names and the features.
            project.settings.dataSet = "painted";
            project.settings.plane.features = 0x25;
            project.settings.plane.painted.classes = {"red", "blue"};
            project.settings.plane.painted.points = {{0.5, -1, 0}, {1e-300, 2.5, 1}, {-0.0, 3, 0}, {4, 4, 1}};
        }
        if (n == 1) {
            // Runs kept (format 2): two sharing a design, one with its own weights and swept values.
            RunRecord run = runFromProjectState(project);
            run.name = "lr=0.01";
            run.swept = {{"lr", "0.01"}};
            project.runs.push_back(run);
            run.name = "lr=0.1";
            run.weights.reset();
            run.outcome = RunOutcome::Diverged;
            project.runs.push_back(run);
        }
        const fs::path file = dir / "saved.neurite";
        saveProject(project, file.string());
        const std::string bytes = readFile(file);
        fs::remove(file);
        // Mode 0: the file as is; mode 1: without its CRC; mode 2: header JSON, NUL, weight bytes.
        writeFile(dir / ("seed-" + std::to_string(n) + "-whole"), char(0) + bytes);
        writeFile(dir / ("seed-" + std::to_string(n) + "-nocrc"), char(1) + bytes.substr(0, bytes.size() - 4));
        std::uint32_t headerLength = 0;
        for (int b = 3; b >= 0; --b)
            headerLength = headerLength << 8 | std::uint8_t(bytes[12 + b]);
        writeFile(dir / ("seed-" + std::to_string(n) + "-parts"),
                  char(2) + bytes.substr(16, headerLength) + '\0' +
                      bytes.substr(16 + headerLength, bytes.size() - 20 - headerLength));
        ++n;
    }
}

void writeDesignSeeds(const fs::path& dir, const std::vector<NetworkSpec>& designs, const fs::path& templates)
{
    fs::create_directories(dir);
    for (std::size_t i = 0; i < designs.size(); ++i)
        writeFile(dir / ("design-" + std::to_string(i) + ".json"), toJson(designs[i], i % 2 ? 2 : -1));
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(templates, ec))
        if (entry.path().extension() == ".json")
            writeFile(dir / ("template-" + entry.path().filename().string()), readFile(entry.path()));
}

void writePreprocessSeeds(const fs::path& dir)
{
    fs::create_directories(dir);
    // Width and height as two little-endian u16 each (side = 1 + value % 512), then pixels.
    auto image = [&](const std::string& name, int w, int h, auto pixel) {
        std::string bytes{char((w - 1) & 0xff), char((w - 1) >> 8), char((h - 1) & 0xff), char((h - 1) >> 8)};
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                bytes.push_back(char(pixel(x, y)));
        writeFile(dir / name, bytes);
    };
    image("stroke-28", 28, 28, [](int x, int y) { return std::abs(x - y) < 2 && x > 5 && x < 22 ? 255 : 0; });
    image("dark-on-light-40x30", 40, 30,
          [](int x, int y) { return (x - 20) * (x - 20) + (y - 15) * (y - 15) < 60 ? 10 : 240; });
    image("single-pixel", 1, 1, [](int, int) { return 200; });
    image("wide-line", 300, 3, [](int, int y) { return y == 1 ? 255 : 0; });
}

// Tables in the forms the reader accepts; the first byte is fuzz_table's options byte.
void writeTableSeeds(const fs::path& dir)
{
    fs::create_directories(dir);
    const std::vector<std::pair<std::string, std::string>> tables = {
        {"plain", "a,b,colour,label\n1.5,2,red,x\n2.5,NA,blue,y\n3,4,,x\n0.5,1,red,y\n"},
        {"quoted", "name,\"note, long\",y\n\"Smith, J.\",\"two\nlines\",1.5\n\"say \"\"hi\"\"\",x,2.5\nz,w,4\n"},
        {"bom-crlf", "\xef\xbb\xbfp;q;r\r\n1,5;2;a\r\n2,5;?;b\r\n3,5;4;a\r\n"},
        {"tabs", "id\tx\ty\nr1\t1\t0\nr2\t2\t1\nr3\t3\t0\nr4\t4\t1\n"},
        {"numbers-then-text", "v,w,y\n1,7,a\n2,8,b\nmany,9,a\n4,inf,b\n"},
        {"regression", "x1,x2,price\n1,2,10.5\n2,1,8.25\n3,3,15\n4,0,7\n5,2,\n"},
    };
    for (std::size_t i = 0; i < tables.size(); ++i)
        writeFile(dir / tables[i].first, char(i % 2 ? 2 : 9) + tables[i].second);
}

// Points files: as Neurite writes them (classes, values) and as other tables hold points.
void writePlanePointsSeeds(const fs::path& dir)
{
    fs::create_directories(dir);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"classes", "x1,x2,label\n1,2,class 1\n-0.5,3e-5,\"a, b\"\n4,1,class 1\n2,2,\"a, b\"\n"},
        {"values", "x1,x2,value\n1,2,0.25\n-1,2,1e300\n0,0,-3\n5,5,7\n"},
        {"whole-numbers", "u;v;y\n1,5;2;0\n2,5;1;1\n3;3;2\n0;0;1\n"},
        {"named-target", "Class\tx\ty\nsetosa\t1\t2\nvirginica\t3\t4\nsetosa\t2\t2\nvirginica\t1\t1\n"},
    };
    for (std::size_t i = 0; i < files.size(); ++i)
        writeFile(dir / files[i].first, char(i * 37) + files[i].second);
}

// ONNX files as Neurite exports them: the importer's own round trip.
void writeOnnxSeeds(const fs::path& dir, const std::vector<NetworkSpec>& designs)
{
    fs::create_directories(dir);
    for (std::size_t i = 0; i < designs.size(); ++i) {
        const Network network(designs[i], i + 1);
        exportOnnx(designs[i], network.weights(), (dir / ("model-" + std::to_string(i) + ".onnx")).string());
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "Usage: fuzz_seed_generator OUTDIR TEMPLATESDIR\n";
        return 2;
    }
    const fs::path out = argv[1];
    const std::vector<NetworkSpec> designs = seedDesigns();
    writeIdxSeeds(out / "idx");
    writeProjectSeeds(out / "projectfile", designs);
    writeDesignSeeds(out / "designjson", designs, argv[2]);
    writePreprocessSeeds(out / "preprocess");
    writeTableSeeds(out / "table");
    writePlanePointsSeeds(out / "planepoints");
    writeOnnxSeeds(out / "onnximport", designs);
    writeNpzSeeds(out / "npz", designs);
    std::cout << "Seed corpora written to " << out.string() << "\n";
    return 0;
}
