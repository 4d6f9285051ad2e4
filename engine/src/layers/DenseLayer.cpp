// Dense forward and backward side by side; the products go through MatrixProducts for threading.
#include "layers/DenseLayer.h"

#include "kernels/MatrixProducts.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace neurite {

namespace {
// Sixteen floats as one value: GCC and Clang map it to the widest vector registers the target has.
using Lanes = float __attribute__((vector_size(64)));
} // namespace

DenseLayer::DenseLayer(int inputs, int units, Activation activation, float alpha, Init init, bool bias)
    : m_activation(activation), m_alpha(alpha), m_init(init), m_hasBias(bias), m_w(Matrix::Zero(inputs, units)),
      m_dW(Matrix::Zero(inputs, units)), m_b(Matrix::Zero(1, units)), m_dB(Matrix::Zero(1, units))
{
}

void DenseLayer::initialise(std::mt19937_64& rng)
{
    const float fanIn = float(m_w.rows()), fanOut = float(m_w.cols());
    initialiseWeights(m_w, fanIn, fanOut, m_init, rng);
    m_b.setZero();
}

// x: (batch, in) -> out: (batch, units)
void DenseLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    if (x.rows() == 1) {
        forwardOneSample(x, out);
    } else {
        multiply(m_pool, x, readWeight(), out);
        if (m_hasBias)
            out.rowwise() += readBias().row(0);
    }
    activate(m_activation, m_alpha, out);
}

namespace {

// Lists the indices of the non-zero values of input[0, n) in `list` (room for n) and returns how many. A
// drawn digit is mostly empty: blocks of 16 zeros are skipped whole; the others are listed without branches,
// so the zero pattern costs no mispredictions (with AVX-512, one compare and one compressing store per 16
// values). (-0.0 is listed, and adds nothing.)
long listNonZeros(const float* input, long n, int* list)
{
    long count = 0, k = 0;
#if defined(__AVX512F__)
    const __m512i step = _mm512_set1_epi32(16);
    __m512i indices = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    for (; k + 16 <= n; k += 16, indices = _mm512_add_epi32(indices, step)) {
        const __mmask16 nonZero = _mm512_cmp_ps_mask(_mm512_loadu_ps(input + k), _mm512_setzero_ps(), _CMP_NEQ_UQ);
        _mm512_mask_compressstoreu_epi32(list + count, nonZero, indices);
        count += __builtin_popcount(nonZero);
    }
#else
    for (; k + 16 <= n; k += 16) {
        std::uint64_t bits[8];
        std::memcpy(bits, input + k, sizeof bits);
        if ((bits[0] | bits[1] | bits[2] | bits[3] | bits[4] | bits[5] | bits[6] | bits[7]) == 0)
            continue;
        for (long i = k; i < k + 16; ++i) {
            list[count] = int(i);
            count += input[i] != 0.0f;
        }
    }
#endif
    for (; k < n; ++k) {
        list[count] = int(k);
        count += input[k] != 0.0f;
    }
    return count;
}

// y[0, Vectors * 16) += the listed inputs times their weight rows (`units` apart), the sums kept in vector
// registers while the rows stream past.
template <long Vectors>
void addListedRows(const float* input, const int* list, long count, const float* w, long units, float* y)
{
    constexpr long kLanes = 16;
    Lanes sums[Vectors];
    std::memcpy(sums, y, sizeof sums);
    for (long i = 0; i < count; ++i) {
        const long k = list[i];
        const float* row = w + k * units;
        const float xk = input[k];
        for (long v = 0; v < Vectors; ++v) {
            Lanes weights;
            std::memcpy(&weights, row + v * kLanes, sizeof weights);
            sums[v] += xk * weights;
        }
    }
    std::memcpy(y, sums, sizeof sums);
}

// y[0, width) += the listed inputs times their weight rows (`units` apart), for width < 16 (the output
// layer's classes): with AVX-512 one masked load per row, which reads nothing past the row's last unit.
void addListedRowsNarrow(const float* input, const int* list, long count, const float* w, long units, long width,
                         float* y)
{
#if defined(__AVX512F__)
    const __mmask16 lanes = __mmask16((1u << width) - 1u);
    __m512 sums = _mm512_maskz_loadu_ps(lanes, y);
    for (long i = 0; i < count; ++i) {
        const long k = list[i];
        sums = _mm512_fmadd_ps(_mm512_set1_ps(input[k]), _mm512_maskz_loadu_ps(lanes, w + k * units), sums);
    }
    _mm512_mask_storeu_ps(y, lanes, sums);
#else
    for (long i = 0; i < count; ++i) {
        const long k = list[i];
        for (long j = 0; j < width; ++j)
            y[j] += input[k] * w[k * units + j];
    }
#endif
}

} // namespace

// x: (1, in) -> out: (1, units), before the activation. One sample's product is bound by reading W, and a
// drawn digit (or a ReLU layer's output) is mostly zeros: only the weight rows of non-zero inputs are read.
void DenseLayer::forwardOneSample(const Matrix& x, Matrix& out)
{
    const long inputs = readWeight().rows(), units = readWeight().cols();
    out.resize(1, units);
    if (m_hasBias)
        out = readBias();
    else
        out.setZero();
    m_nonZeroInputs.resize(std::size_t(inputs));
    const float* input = x.data();
    const int* list = m_nonZeroInputs.data();
    const long count = listNonZeros(input, inputs, m_nonZeroInputs.data());
    const float* w = readWeight().data();
    float* y = out.data();
    // Columns in blocks of 128, then 64, 32 and 16 (the reference MLP's 64-unit layer in one block).
    long begin = 0;
    for (; begin + 128 <= units; begin += 128)
        addListedRows<8>(input, list, count, w + begin, units, y + begin);
    if (begin + 64 <= units) {
        addListedRows<4>(input, list, count, w + begin, units, y + begin);
        begin += 64;
    }
    if (begin + 32 <= units) {
        addListedRows<2>(input, list, count, w + begin, units, y + begin);
        begin += 32;
    }
    if (begin + 16 <= units) {
        addListedRows<1>(input, list, count, w + begin, units, y + begin);
        begin += 16;
    }
    if (begin < units) // the last units < 16 (the output layer's 10 classes)
        addListedRowsNarrow(input, list, count, w + begin, units, units - begin, y + begin);
}

// dOut: (batch, units) -> dW = x^T dZ, dB = sum over the batch of dZ, dX = dZ W^T
void DenseLayer::backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                          std::span<Matrix* const> dInputs)
{
    const Matrix* dZ = &dOut;
    if (m_activation != Activation::Linear) {
        activationGradient(m_activation, m_alpha, out, dOut, m_dZ);
        dZ = &m_dZ;
    }
    multiplyTransposedA(m_pool, *inputs[0], *dZ, m_dW);
    if (m_hasBias)
        m_dB = dZ->colwise().sum();
    if (dInputs[0])
        multiplyTransposedB(m_pool, *dZ, readWeight(), *dInputs[0]);
}

bool DenseLayer::readParametersOf(Layer& source)
{
    auto* same = dynamic_cast<DenseLayer*>(&source);
    if (!same || same->m_w.rows() != m_w.rows() || same->m_w.cols() != m_w.cols() || same->m_hasBias != m_hasBias)
        return false;
    m_wRead = &same->m_w;
    m_bRead = &same->m_b;
    return true;
}

std::vector<ParameterRef> DenseLayer::parameters()
{
    std::vector<ParameterRef> params{{"weight", &m_w, &m_dW}};
    if (m_hasBias)
        params.push_back({"bias", &m_b, &m_dB});
    return params;
}

} // namespace neurite
