// Fuzzes the design JSON: specFromJson, then validate, then (when valid and small) building the network,
// one forward/backward pass, and one sample at a time against the batch. A parsed design must also survive
// toJson -> specFromJson unchanged.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace neurite;

namespace {

// Building bigger networks only measures the allocator; the fuzzer needs many executions per second.
constexpr long kMaxParameters = 200'000;
constexpr long kMaxMultiplyAdds = 2'000'000;
constexpr long kMaxActivations = 200'000;
constexpr std::size_t kMaxLayers = 64;

bool smallEnough(const NetworkSpec& spec, const ValidationReport& report)
{
    if (spec.layers.size() > kMaxLayers || report.totalParameters() > kMaxParameters ||
        report.totalMultiplyAdds() > kMaxMultiplyAdds)
        return false;
    for (const auto& [id, facts] : report.layers)
        if (facts.outputShape.size() > kMaxActivations)
            return false;
    return true;
}

void runOnce(const NetworkSpec& spec)
{
    Network network(spec, 3);
    network.setThreads(1);
    const int inputs = int(network.inputShape().size());
    Matrix x = Matrix::Constant(2, inputs, 0.5f);
    x(1, 0) = -1.0f;
    for (int k = 0; k < inputs; k += 3)
        x(0, k) = 0.0f; // zeros: the one-sample Dense path skips their weight rows
    Matrix out;
    network.predict(x, out);
    if (out.rows() != 2 || out.cols() != network.outputSize())
        fuzz::invariantBroken("predict returned the wrong shape");
    // One sample runs other kernels than a batch (Dense's listed rows and narrow masked sums): both must
    // agree, up to the order of the sums.
    std::vector<float> one(std::size_t(out.cols()));
    for (int r = 0; r < 2; ++r) {
        network.predictOne(x.row(r).data(), one.data());
        for (long c = 0; c < out.cols(); ++c) {
            const float a = one[std::size_t(c)], b = out(r, c);
            if (std::isfinite(a) && std::isfinite(b) && std::abs(a - b) > 1e-3f * (1.0f + std::abs(a) + std::abs(b)))
                fuzz::invariantBroken("predictOne differs from predict");
        }
    }
    const std::uint8_t labels[2] = {0, std::uint8_t(network.outputSize() > 1 ? 1 : 0)};
    network.forwardBackward(x, labels);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string json(reinterpret_cast<const char*>(data), size);
    NetworkSpec spec;
    try {
        spec = specFromJson(json, "fuzz.json");
    } catch (const NeuriteError&) {
        return 0;
    }
    // Whatever was read can be written and reads back the same.
    std::optional<std::string> written;
    try {
        written = toJson(spec);
    } catch (const NeuriteError&) {
        // refusing to write (e.g. a value JSON cannot hold) is allowed; losing data silently is not
    }
    if (written && !(specFromJson(*written, "fuzz-roundtrip.json") == spec))
        fuzz::invariantBroken("toJson -> specFromJson changed the design");

    const ValidationReport report = validate(spec);
    if (!report.ok() || !smallEnough(spec, report))
        return 0;
    try {
        runOnce(spec);
    } catch (const NeuriteError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fuzz::invariantBroken("validate accepted a design that Network then refused");
    }
    return 0;
}
