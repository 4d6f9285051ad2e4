// BatchNorm forward and backward. Channel c of a sample is the contiguous run [c * pixels, (c + 1) * pixels).
#include "layers/BatchNormLayer.h"

#include <cmath>

namespace neurite {

BatchNormLayer::BatchNormLayer(int channels, long pixels, float momentum, float epsilon)
    : m_channels(channels), m_pixels(pixels), m_momentum(momentum), m_epsilon(epsilon),
      m_gamma(Matrix::Ones(1, channels)), m_dGamma(Matrix::Zero(1, channels)), m_beta(Matrix::Zero(1, channels)),
      m_dBeta(Matrix::Zero(1, channels)), m_runningMean(Matrix::Zero(1, channels)),
      m_runningVar(Matrix::Ones(1, channels)), m_mean(std::size_t(channels)), m_invStd(std::size_t(channels))
{
}

void BatchNormLayer::initialise(std::mt19937_64&)
{
    m_gamma.setOnes();
    m_beta.setZero();
    m_runningMean.setZero();
    m_runningVar.setOnes();
}

// Mean and biased variance per channel over the batch and the pixels (two passes, in double), and the
// running statistics' update.
void BatchNormLayer::batchStatistics(const Matrix& x)
{
    const double count = double(x.rows()) * double(m_pixels);
    for (int c = 0; c < m_channels; ++c) {
        double sum = 0;
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            sum += double(x.row(i).segment(c * m_pixels, m_pixels).sum());
        const double mean = sum / count;
        double squares = 0;
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            squares += double((x.row(i).segment(c * m_pixels, m_pixels).array() - float(mean)).square().sum());
        const double variance = squares / count;
        m_mean[std::size_t(c)] = float(mean);
        m_invStd[std::size_t(c)] = float(1.0 / std::sqrt(variance + double(m_epsilon)));
        const double unbiased = count > 1 ? variance * count / (count - 1) : variance;
        m_runningMean(0, c) = float((1.0 - m_momentum) * m_runningMean(0, c) + m_momentum * mean);
        m_runningVar(0, c) = float((1.0 - m_momentum) * m_runningVar(0, c) + m_momentum * unbiased);
    }
}

void BatchNormLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool training)
{
    const Matrix& x = *inputs[0];
    m_usedBatchStatistics = training;
    if (training) {
        batchStatistics(x);
    } else {
        for (int c = 0; c < m_channels; ++c) {
            m_mean[std::size_t(c)] = m_runningMean(0, c);
            m_invStd[std::size_t(c)] = 1.0f / std::sqrt(m_runningVar(0, c) + m_epsilon);
        }
    }
    m_xHat.resize(x.rows(), x.cols());
    out.resize(x.rows(), x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (int c = 0; c < m_channels; ++c) {
            const long at = c * m_pixels;
            auto xHat = m_xHat.row(i).segment(at, m_pixels);
            xHat = (x.row(i).segment(at, m_pixels).array() - m_mean[std::size_t(c)]) * m_invStd[std::size_t(c)];
            out.row(i).segment(at, m_pixels) = (xHat.array() * m_gamma(0, c) + m_beta(0, c)).matrix();
        }
}

// With batch statistics: dX = gamma * invStd * (dY - mean(dY) - xHat * mean(dY * xHat)) per channel;
// with running statistics the normalisation is a fixed affine map: dX = gamma * invStd * dY.
void BatchNormLayer::backward(std::span<const Matrix* const>, const Matrix&, const Matrix& dOut,
                              std::span<Matrix* const> dInputs)
{
    const Eigen::Index batch = dOut.rows();
    const double count = double(batch) * double(m_pixels);
    Matrix* dX = dInputs[0];
    if (dX)
        dX->resize(batch, dOut.cols());
    for (int c = 0; c < m_channels; ++c) {
        const long at = c * m_pixels;
        double sumDy = 0, sumDyXHat = 0;
        for (Eigen::Index i = 0; i < batch; ++i) {
            const auto dy = dOut.row(i).segment(at, m_pixels).array();
            sumDy += double(dy.sum());
            sumDyXHat += double((dy * m_xHat.row(i).segment(at, m_pixels).array()).sum());
        }
        m_dGamma(0, c) = float(sumDyXHat);
        m_dBeta(0, c) = float(sumDy);
        if (!dX)
            continue;
        const float scale = m_gamma(0, c) * m_invStd[std::size_t(c)];
        const float meanDy = m_usedBatchStatistics ? float(sumDy / count) : 0.0f;
        const float meanDyXHat = m_usedBatchStatistics ? float(sumDyXHat / count) : 0.0f;
        for (Eigen::Index i = 0; i < batch; ++i)
            dX->row(i).segment(at, m_pixels) = ((dOut.row(i).segment(at, m_pixels).array() - meanDy -
                                                 m_xHat.row(i).segment(at, m_pixels).array() * meanDyXHat) *
                                                scale)
                                                   .matrix();
    }
}

std::vector<ParameterRef> BatchNormLayer::parameters()
{
    return {{"weight", &m_gamma, &m_dGamma}, {"bias", &m_beta, &m_dBeta}};
}

std::vector<ParameterRef> BatchNormLayer::buffers()
{
    return {{"running_mean", &m_runningMean, nullptr}, {"running_var", &m_runningVar, nullptr}};
}

} // namespace neurite
