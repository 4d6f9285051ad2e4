// Exports a trained design to other tools: ONNX, a PyTorch folder, a standalone C++ header, history CSV.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/TrainingHistory.h"
#include "neurite/TrainingSettings.h"

#include <string>

namespace neurite {

// Every exporter follows the same rules:
// - it exports the layers that lead from the Input to the Output, in topological order;
// - a layer type the format cannot express throws NeuriteError naming the layer and the format
//   ("cannot export layer 'lstm1' (LSTM) to the C++ header format");
// - the result reproduces Network::predict(): probabilities (softmax of the final layer) for
//   cross-entropy, raw outputs for MSE; dropout is the identity;
// - nothing half-written is left behind: files are written beside the target and renamed over it;
// - with a data schema (the preprocessing the weights were trained with) the export carries it: a
//   table's model takes the raw encoding (numbers as they are, categories one-hot, see schema.json) and
//   standardises it inside the model, a regression gives its value in the target's units ("value"
//   in ONNX), and a table's schema is written beside the export (<name>.schema.json; schema.json and
//   the reference encoder encoder.py in the PyTorch folder). ONNX files also hold the schema in their
//   metadata ("neurite.data_schema").
// `weights` are Network::weights() of the design (names "<layerId>.weight" (in, out), "<layerId>.bias").

// The Neurite version written into exported files ("0.1.0").
std::string neuriteVersion();

// ONNX (opset 13): input "input" float [N, C*H*W] (pixels / 255, row-major C,H,W; N is dynamic), or
// [N, C, H, W] for an image design (one whose Conv2D, pooling, BatchNorm, ... layers read an image),
// output "probabilities" [N, classes]. Dense layers are Gemm with transB=1 (weights stored [out, in]).
// The model passes onnx::checker::check_model before it is written.
void exportOnnx(const NetworkSpec& spec, const Weights& weights, const std::string& path,
                const DataSchema* schema = nullptr);

// One dependency-free C++17 header: the weights as constexpr arrays and
// `void predict(const float* input, float* output)` in a namespace named after the file
// ("digits.h" -> namespace digits).
void exportCppHeader(const NetworkSpec& spec, const Weights& weights, const std::string& path,
                     const DataSchema* schema = nullptr);

// A folder (created, or replaced as a whole) holding model.py (a torch.nn.Module and a weight loader),
// weights.npz (PyTorch layout: "<name>.weight" (out, in) or (out, in, kh, kw), "<name>.bias" (out),
// BatchNorm's "<name>.running_mean" / "running_var"), train.py (the same
// optimiser and settings with torch.distributed DistributedDataParallel) and README.md.
void exportTorch(const NetworkSpec& spec, const Weights& weights, const TrainingSettings& settings,
                 const std::string& folder, const DataSchema* schema = nullptr);

// The training history as one CSV table, a row per batch and a row per epoch in the order they happened:
//   kind,epoch,batch,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,seconds,
//   samples_per_second,best
// kind is "batch" or "epoch". Batch rows: the batch's loss and accuracy, seconds since the start of the run,
// no validation or best. Epoch rows: the epoch's training means, its validation values, its duration in
// seconds and best (1 or 0), no batch or step. Accuracies are fractions in [0, 1]; floats are written to
// read back exactly; missing values (no validation) are empty cells.
std::string historyCsv(const TrainingHistory& history);
// Writes historyCsv() to `path` atomically; throws NeuriteError naming the file when it cannot.
void exportHistoryCsv(const TrainingHistory& history, const std::string& path);

// The run's layer health as one CSV table, a row per layer per sample:
//   step,epoch,layer,weight_norm,gradient_norm,update_ratio,dead_fraction,weight_p0,weight_p6.68,...,
//   weight_p100,gradient_p0,...,gradient_p100
// The percentiles are those of kHealthPercentiles (LayerHealth.h); dead_fraction is empty for a layer without
// a ReLU. Floats are written to read back exactly. Histograms are left out (the percentiles describe the
// same distribution in fewer columns).
std::string healthCsv(const TrainingHistory& history);
// Writes healthCsv() to `path` atomically; throws NeuriteError naming the file when it cannot.
void exportHealthCsv(const TrainingHistory& history, const std::string& path);

} // namespace neurite
