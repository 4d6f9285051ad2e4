// Loss maths, forward and gradient together.
#include "kernels/Losses.h"

#include <cmath>

namespace neurite {

float softmaxCrossEntropy(const Matrix& logits, const std::uint8_t* labels, Matrix& probs, Matrix* dLogits,
                          int* correct)
{
    const Eigen::Index batch = logits.rows();
    probs.resize(batch, logits.cols());
    double total = 0.0;
    int hits = 0;
    for (Eigen::Index r = 0; r < batch; ++r) {
        Eigen::Index best = 0;
        const float max = logits.row(r).maxCoeff(&best);
        probs.row(r) = (logits.row(r).array() - max).exp().matrix();
        const float sum = probs.row(r).sum();
        probs.row(r) /= sum;
        const int y = labels[r];
        total += double(max + std::log(sum) - logits(r, y));
        hits += (best == y) ? 1 : 0;
    }
    if (dLogits) {
        *dLogits = probs;
        for (Eigen::Index r = 0; r < batch; ++r)
            (*dLogits)(r, labels[r]) -= 1.0f;
        *dLogits *= 1.0f / float(batch);
    }
    if (correct)
        *correct = hits;
    return float(total / double(batch));
}

float meanSquaredError(const Matrix& outputs, const std::uint8_t* labels, Matrix* dOutputs, int* correct)
{
    const Eigen::Index batch = outputs.rows(), classes = outputs.cols();
    Matrix diff = outputs;
    int hits = 0;
    for (Eigen::Index r = 0; r < batch; ++r) {
        if (classes == 1) {
            // A single output is a binary prediction: the target is the label itself (0 or 1).
            diff(r, 0) -= float(labels[r]);
            hits += ((outputs(r, 0) > 0.5f ? 1 : 0) == labels[r]) ? 1 : 0;
            continue;
        }
        Eigen::Index best = 0;
        outputs.row(r).maxCoeff(&best);
        hits += (best == labels[r]) ? 1 : 0;
        diff(r, labels[r]) -= 1.0f;
    }
    const double count = double(batch) * double(classes);
    const double loss = double(diff.squaredNorm()) / count;
    if (dOutputs)
        *dOutputs = diff * float(2.0 / count);
    if (correct)
        *correct = hits;
    return float(loss);
}

float meanSquaredErrorOfValues(const Matrix& outputs, const float* targets, Matrix* dOutputs)
{
    const Eigen::Index batch = outputs.rows(), width = outputs.cols();
    // Matrix is row-major: the targets map onto it element for element.
    const Eigen::Map<const Matrix> wanted(targets, batch, width);
    const Matrix diff = outputs - wanted;
    const double count = double(batch) * double(width);
    if (dOutputs)
        *dOutputs = diff * float(2.0 / count);
    return float(double(diff.squaredNorm()) / count);
}

} // namespace neurite
