// What every exporter shares: the weights of a step, captions and names in generated text, exact numbers.
#pragma once

#include "model/DesignPlan.h"
#include "neurite/DataSchema.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace neurite {

// The plan every exporter walks. Throws NeuriteError "cannot export layer 'id' (Type) to the <format>
// format" for a layer type this build does not know, and the design's problems when it is not sound.
DesignPlan exportPlan(const NetworkSpec& spec, const std::string& format);

// What the data schema asks of an export: take a table's raw encoding and standardise it inside the
// model; give a regression's value in the target's units.
struct ExportPreprocessing {
    InputStandardisation input; // empty: the input is taken as it is (images: pixels / 255)
    bool scaledOutput = false;
    double targetMean = 0;
    double targetDeviation = 1;
};
// Throws NeuriteError when the schema's encoded width is not the Input's size (a schema from other data).
ExportPreprocessing exportPreprocessing(const DesignPlan& plan, const DataSchema* schema);
// Writes `schema` as JSON to `path` atomically (schemaToJson), for readers of the export's input.
void writeSchemaFile(const DataSchema& schema, const std::string& path);
// "model.onnx" -> "model.schema.json": where a single-file export's schema goes.
std::string schemaPathBeside(const std::string& exportPath);

// The values of tensor "<layerId>.<part>", which must hold `size` of them; throws NeuriteError naming the
// tensor when it is missing or has another size.
const std::vector<float>& tensorValues(const Weights& weights, const std::string& layerId, const std::string& part,
                                       long size);
// The same for a 2-D tensor that must be (rows, cols).
const NamedTensor& tensorOfShape(const Weights& weights, const std::string& layerId, const std::string& part, int rows,
                                 int cols);

// The caption for comments in exported code, saying when a softmax moved to the head.
std::string stepCaption(const PlanStep& step);

// True when the design uses its input as an image (a spatial layer reads an image shape): ONNX then takes
// (N, C, H, W) instead of (N, C*H*W), and model.py reshapes its input.
bool takesImages(const DesignPlan& plan);

// (in, out) row-major -> (out, in) row-major: Neurite's Dense weight in ONNX's and PyTorch's layout.
std::vector<float> transposed(const std::vector<float>& values, int rows, int cols);

// The shortest text that reads back as the same float ("0.001"; "0.001f" as a C++ literal).
std::string exactFloat(float value, bool cppLiteral = false);

// A layer id as it may appear inside a one-line comment of exported code: control characters (line
// breaks above all, which would end the comment and let a design file inject code) become '?'.
std::string commentText(const std::string& id);

// Turns a layer id into an identifier of C++ and Python ("dense-1" -> "dense_1", "1x" -> "l_1x").
std::string identifierFor(const std::string& id);

// One distinct identifier per step (identifierFor, then "_2", "_3" on clashes; names in `reserved` get
// "_layer" appended first).
std::map<std::string, std::string> stepIdentifiers(const DesignPlan& plan, const std::set<std::string>& reserved = {});

} // namespace neurite
