// Per-class precision, recall and F1 of a confusion matrix.
#include "neurite/ClassScores.h"

namespace neurite {

ClassScores classScores(const std::vector<std::vector<int>>& confusion)
{
    ClassScores scores;
    const std::size_t classes = confusion.size();
    for (std::size_t c = 0; c < classes; ++c) {
        long predicted = 0, actual = 0;
        for (std::size_t k = 0; k < classes; ++k) {
            predicted += confusion[k][c];
            actual += confusion[c][k];
        }
        const long truePositive = confusion[c][c];
        const float p = predicted ? float(truePositive) / float(predicted) : 0.0f;
        const float r = actual ? float(truePositive) / float(actual) : 0.0f;
        scores.precision.push_back(p);
        scores.recall.push_back(r);
        scores.f1.push_back(p + r > 0 ? 2 * p * r / (p + r) : 0.0f);
        scores.support.push_back(actual);
    }
    return scores;
}

} // namespace neurite
