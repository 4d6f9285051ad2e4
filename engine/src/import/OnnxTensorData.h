// An ONNX tensor's values, read from an untrusted file: dims, types and byte counts are checked against
// the bytes present before anything is allocated; external data is read only from inside the model's folder.
#pragma once

#include "import/OnnxImportGraph.h"
#include "neurite/OnnxImport.h"

#include <onnx/onnx_pb.h>

#include <string>

namespace neurite {

// Where a tensor's bytes may come from: the model's own folder for external data ("" refuses it).
struct TensorSource {
    std::string context; // the file, for messages
    std::string folder;
    const OnnxImportLimits* limits = nullptr;
};

// Float tensors (float or double) as floats; integer tensors (int64, int32) as ints. Throws NeuriteError
// naming the file and the tensor.
OnnxConstant readTensor(const onnx::TensorProto& tensor, const TensorSource& source);

} // namespace neurite

namespace neurite {

// Reads every tensor's external data (each checked: inside `source.folder`, sizes as declared) into the
// tensor itself, so that ONNX's checker and the importer see a model held wholly in memory.
void inlineExternalData(onnx::ModelProto& model, const TensorSource& source);

// The value of a Constant node (its "value" tensor, or value_float(s) / value_int(s)).
OnnxConstant constantNodeValue(const onnx::NodeProto& node, const TensorSource& source);

} // namespace neurite
