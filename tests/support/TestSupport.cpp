// Test helpers: deterministic random data and numeric differentiation.
#include "TestSupport.h"

#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"

#include <algorithm>
#include <cmath>

namespace neurite::test {

Matrix randomMatrix(int rows, int cols, std::uint64_t seed, float lo, float hi)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<float> uniform(lo, hi);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = uniform(rng);
    return m;
}

Matrix numericGradient(Matrix& m, const std::function<double()>& loss, float eps)
{
    Matrix g(m.rows(), m.cols());
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const float keep = m.data()[i];
        m.data()[i] = keep + eps;
        const double up = loss();
        m.data()[i] = keep - eps;
        const double down = loss();
        m.data()[i] = keep;
        g.data()[i] = float((up - down) / (2.0 * double(eps)));
    }
    return g;
}

double maxRelativeError(const Matrix& a, const Matrix& b)
{
    double worst = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        const double x = a.data()[i], y = b.data()[i];
        worst = std::max(worst, std::abs(x - y) / std::max({1.0, std::abs(x), std::abs(y)}));
    }
    return worst;
}

LayerSpec dense(const std::string& id, int units, const std::string& activation)
{
    LayerSpec layer = defaultLayer("Dense", id);
    layer.options["units"] = double(units);
    layer.options["activation"] = activation;
    return layer;
}

NetworkSpec chainSpec(int inputs, const std::vector<LayerSpec>& layers, const std::string& loss)
{
    NetworkSpec spec;
    LayerSpec input = defaultLayer("Input", "input");
    input.options["channels"] = double(inputs);
    input.options["height"] = 1.0;
    input.options["width"] = 1.0;
    spec.layers.push_back(input);
    std::string previous = "input";
    for (const LayerSpec& layer : layers) {
        spec.layers.push_back(layer);
        spec.connections.push_back({previous, layer.id, 0});
        previous = layer.id;
    }
    LayerSpec output = defaultLayer("Output", "output");
    output.options["loss"] = loss;
    spec.layers.push_back(output);
    spec.connections.push_back({previous, "output", 0});
    return spec;
}

Dataset xorData()
{
    Dataset d;
    d.name = "xor";
    for (SampleSet* set : {&d.train, &d.test}) {
        set->rows = 1;
        set->cols = 2;
        set->pixels = {0, 0, 0, 255, 255, 0, 255, 255};
        set->labels = {0, 1, 1, 0};
    }
    d.classNames = {"0", "1"};
    return d;
}

Dataset blobs(int perClass, int classes, int features, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> noise(0.0f, 18.0f);
    std::uniform_real_distribution<float> centre(40.0f, 215.0f);
    std::vector<std::vector<float>> centres(static_cast<std::size_t>(classes),
                                            std::vector<float>(static_cast<std::size_t>(features)));
    for (auto& c : centres)
        for (float& v : c)
            v = centre(rng);
    Dataset d;
    d.name = "blobs";
    for (SampleSet* set : {&d.train, &d.test}) {
        set->rows = 1;
        set->cols = features;
        for (int i = 0; i < perClass; ++i)
            for (int c = 0; c < classes; ++c) {
                for (int f = 0; f < features; ++f)
                    set->pixels.push_back(
                        std::uint8_t(std::clamp(centres[std::size_t(c)][std::size_t(f)] + noise(rng), 0.0f, 255.0f)));
                set->labels.push_back(std::uint8_t(c));
            }
    }
    for (int c = 0; c < classes; ++c)
        d.classNames.push_back(std::to_string(c));
    return d;
}

bool mnist10kAvailable()
{
    try {
        resolveDataSetFolder("mnist-10k");
        return true;
    } catch (const NeuriteError&) {
        return false;
    }
}

} // namespace neurite::test
