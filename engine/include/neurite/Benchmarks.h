// Speed measurements of the engine on synthetic data (used by `neurite bench` and tests/bench).
#pragma once

#include "neurite/Augmentation.h"
#include "neurite/Dataset.h"
#include "neurite/NetworkSpec.h"

#include <cstddef>
#include <cstdint>

namespace neurite {

// `count` random 28x28 images with random labels 0..9 (the data's content does not affect speed).
Dataset syntheticMnist(std::size_t count, std::uint64_t seed);

// Median training throughput (samples/s) of `repeats` one-epoch runs of `spec` on `data` after a warm-up
// run, with the reference settings (Adam, lr 1e-3) at `batch` and `augmentation` (default: off).
double trainingThroughput(const NetworkSpec& spec, const Dataset& data, int batch, int threads, int repeats,
                          const AugmentationSettings& augmentation = {});

// Median time in microseconds of augmentBatch (which runs on the calling thread) on `batch` random samples
// of `shape` with `augmentation` (enabled here whatever it says), timed for about `seconds`.
double augmentationMicroseconds(const AugmentationSettings& augmentation, const Shape& shape, int batch,
                                double seconds);

// Median time in microseconds of one single-sample prediction (predictOne) over `calls` varied inputs.
double inferenceLatencyMicroseconds(const NetworkSpec& spec, const Dataset& data, int calls);

// Forward multiply-adds per sample of `spec` (from its validation report).
long multiplyAddsPerSample(const NetworkSpec& spec);

// Multiply-adds of one training sample: each layer's forward product, its weight gradient (as many again)
// and its input gradient (as many again), except for layers fed by the Input, whose input gradient is not
// computed.
long trainingMultiplyAddsPerSample(const NetworkSpec& spec);

// The most memory this process has held resident so far, in bytes (0 where the system does not tell).
long peakResidentBytes();

// This machine's float32 matrix-multiply rate with Eigen on one thread (GFLOP/s, 2 flops per
// multiply-add), measured on square matrices of size `n`.
double matrixMultiplyGflops(int n, double seconds);

// This machine's float32 multiply-add peak on one thread (GFLOP/s, 2 flops per multiply-add): independent
// chains of vector multiply-adds on registers only, as wide as this build's instructions go. Training
// rates are reported against it; Eigen's product reaches only about half of it on some processors.
double multiplyAddPeakGflops(double seconds);

} // namespace neurite
