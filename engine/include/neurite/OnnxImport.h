// ONNX import: a model written by PyTorch, Keras (tf2onnx), scikit-learn or Neurite itself becomes an
// editable design with its weights. Each layer type reads the ONNX operators it stands for (its import
// hook, beside its export hook); the importer folds what exporters emit around them (Constant inputs,
// Identity, zero Pads and pads merged into the next Conv, shape-computing subgraphs feeding Reshape,
// a final Softmax or plain logits) and checks everything a hostile file could use against it first.
#pragma once

#include "neurite/ProjectFile.h"

#include <cstddef>
#include <string>
#include <vector>

namespace neurite {

// What an import gives: a project with the design (no node positions: the designer lays it out), its
// weights and default training settings, and one line per thing the importer folded or assumed.
struct OnnxImport {
    Project project;
    std::vector<std::string> notes; // "Pad '/pad/Pad' merged into Conv 'conv1'", "input (784) read as (1, 28, 28)"
};

// The limits an untrusted model file is held to (docs/reliability.md lists them with the other readers').
struct OnnxImportLimits {
    std::size_t maxFileBytes = std::size_t(1) << 30; // 1 GiB, with its external data
    std::size_t maxNodes = 100000;
    std::size_t maxTensorElements = std::size_t(1) << 28; // 256 M floats in one tensor
};

// Reads `path`, runs ONNX's checker, and maps every node. Throws NeuriteError naming the file and, when
// nodes cannot be imported, each of them at once ("node 'lstm_1' (LSTM, opset 14): Neurite has no
// recurrent layers"). External tensor data is read only from files inside the model's own folder.
OnnxImport importOnnx(const std::string& path, const OnnxImportLimits& limits = {});

// The same for model bytes already in memory (`context` names them in messages; external data is looked
// up in `folder`, and refused when `folder` is empty).
OnnxImport importOnnxBytes(const std::string& bytes, const std::string& context, const std::string& folder,
                           const OnnxImportLimits& limits = {});

// True when `path` names an ONNX model by its extension (".onnx", any case).
bool isOnnxPath(const std::string& path);

} // namespace neurite
