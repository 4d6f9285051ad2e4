// The model behind RecurrentOnnxModel.h.
#include "RecurrentOnnxModel.h"

#include "PythonRun.h"

namespace neurite::test {
namespace {

const char* const kLstmModel = R"PY(
import sys
import numpy as np
from onnx import helper, numpy_helper, TensorProto as T
io = lambda name, dims: helper.make_tensor_value_info(name, T.FLOAT, ["N"] + dims)
nodes = [helper.make_node("Reshape", ["x", "shape"], ["seq"], name="to_sequence"),
         helper.make_node("LSTM", ["seq", "w", "r"], ["h"], name="lstm_1", hidden_size=4),
         helper.make_node("Flatten", ["h"], ["y"], name="flat")]
inits = [numpy_helper.from_array(np.ones((1, 16, 8), np.float32), "w"),
         numpy_helper.from_array(np.ones((1, 16, 4), np.float32), "r"),
         numpy_helper.from_array(np.array([1, -1, 8], np.int64), "shape")]
graph = helper.make_graph(nodes, "lstm", [io("x", [8])], [io("y", [4])], inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
open(sys.argv[1], "wb").write(model.SerializeToString())
print("ok")
)PY";

} // namespace

bool writeRecurrentOnnxModel(const QString& path)
{
    return runPython(kLstmModel, {path}).trimmed() == "ok";
}

} // namespace neurite::test
