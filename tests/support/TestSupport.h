// Helpers shared by the test suites: small data sets, random matrices and finite-difference gradients.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace neurite::test {

// Which sanitizer instruments this build. GCC defines __SANITIZE_THREAD__ / __SANITIZE_ADDRESS__; clang
// answers through __has_feature (clang 14 has no __SANITIZE_THREAD__).
#if defined(__has_feature)
#define NEURITE_TEST_HAS_FEATURE(name) __has_feature(name)
#else
#define NEURITE_TEST_HAS_FEATURE(name) 0
#endif
#if defined(__SANITIZE_THREAD__) || NEURITE_TEST_HAS_FEATURE(thread_sanitizer)
inline constexpr bool kUnderThreadSanitizer = true;
#else
inline constexpr bool kUnderThreadSanitizer = false;
#endif
#if defined(__SANITIZE_ADDRESS__) || NEURITE_TEST_HAS_FEATURE(address_sanitizer)
inline constexpr bool kUnderAddressSanitizer = true;
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif
#undef NEURITE_TEST_HAS_FEATURE

// Time limits that guard against hangs (never speed checks: those are benchmarks) are multiplied by this
// in sanitizer builds, which run the same code several times slower.
inline constexpr int kSanitizerSlowdown = kUnderThreadSanitizer ? 10 : kUnderAddressSanitizer ? 3 : 1;

// A (rows, cols) matrix of uniform values in [lo, hi) from `seed`.
Matrix randomMatrix(int rows, int cols, std::uint64_t seed, float lo = -1.0f, float hi = 1.0f);

// Central finite difference of `loss` with respect to every element of `m` (restored afterwards).
// Computed in double around float values, step `eps`.
Matrix numericGradient(Matrix& m, const std::function<double()>& loss, float eps = 1e-3f);

// Largest |a - b| / max(1, |a|, |b|) over all elements.
double maxRelativeError(const Matrix& a, const Matrix& b);

// A chain design: Input (channels x 1 x 1) -> the given layers in order -> Output(loss).
NetworkSpec chainSpec(int inputs, const std::vector<LayerSpec>& layers, const std::string& loss = "cross_entropy");

// A Dense layer spec with the given units and activation.
LayerSpec dense(const std::string& id, int units, const std::string& activation);

// Points in `classes` well-separated Gaussian blobs, as 1 x features byte "images".
Dataset blobs(int perClass, int classes, int features, std::uint64_t seed);

// XOR as a two-class data set of 1 x 2 byte "images" (0 or 255), the same four samples for training and test.
Dataset xorData();

// The mnist-10k data set if it has been prepared (empty name otherwise).
bool mnist10kAvailable();

} // namespace neurite::test
