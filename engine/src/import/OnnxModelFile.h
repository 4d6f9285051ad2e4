// Reading an ONNX model file as untrusted input: its size, node count, opset and external-data paths are
// checked, then ONNX's own checker runs, before the importer looks at a node.
#pragma once

#include "import/OnnxTensorData.h"
#include "neurite/OnnxImport.h"

#include <onnx/onnx_pb.h>

#include <string>

namespace neurite {

// The model's ONNX opset (the default domain's), within the range this importer reads.
struct OnnxModelFile {
    onnx::ModelProto model;
    int opset = 0;
};

// Parses `bytes` (named `source.context` in messages), reads external data from `source.folder`, and runs
// ONNX's checker. Throws NeuriteError naming the file and the problem.
OnnxModelFile readOnnxModel(const std::string& bytes, const TensorSource& source);

// The bytes of the file at `path`, refusing one over `limit` before reading it.
std::string readModelBytes(const std::string& path, std::size_t limit);

// The lowest and highest ONNX opsets the importer reads (the highest is the ONNX library's).
int oldestOnnxOpset();
int newestOnnxOpset();

} // namespace neurite
