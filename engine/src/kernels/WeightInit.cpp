// He and Xavier initialisation.
#include "kernels/WeightInit.h"

#include <cmath>

namespace neurite {

void initialiseWeights(Matrix& w, float fanIn, float fanOut, WeightInit init, std::mt19937_64& rng)
{
    if (init == WeightInit::He) {
        std::normal_distribution<float> normal(0.0f, std::sqrt(2.0f / fanIn));
        for (Eigen::Index i = 0; i < w.size(); ++i)
            w.data()[i] = normal(rng);
        return;
    }
    const float limit = std::sqrt(6.0f / (fanIn + fanOut));
    std::uniform_real_distribution<float> uniform(-limit, limit);
    for (Eigen::Index i = 0; i < w.size(); ++i)
        w.data()[i] = uniform(rng);
}

} // namespace neurite
