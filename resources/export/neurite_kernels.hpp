namespace detail {

// y = x W + b. x: (in), w: (in, out) row-major, b: (out), y: (out).
inline void dense(const float* x, int in, int out, const float* w, const float* b, float* y)
{
    for (int o = 0; o < out; ++o)
        y[o] = b[o];
    for (int i = 0; i < in; ++i) {
        const float xi = x[i];
        const float* row = w + static_cast<long>(i) * out;
        for (int o = 0; o < out; ++o)
            y[o] += xi * row[o];
    }
}

inline void copy(const float* x, float* y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = x[i];
}

inline void relu(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = v[i] > 0.0f ? v[i] : 0.0f;
}

inline void leakyRelu(float* v, int n, float alpha)
{
    for (int i = 0; i < n; ++i)
        v[i] = v[i] > 0.0f ? v[i] : v[i] * alpha;
}

inline void sigmoid(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = 1.0f / (1.0f + std::exp(-v[i]));
}

inline void tanhInPlace(float* v, int n)
{
    for (int i = 0; i < n; ++i)
        v[i] = std::tanh(v[i]);
}

// Subtracts the maximum first so that exp() cannot overflow.
inline void softmax(float* v, int n)
{
    float max = v[0];
    for (int i = 1; i < n; ++i)
        max = v[i] > max ? v[i] : max;
    float sum = 0.0f;
    for (int i = 0; i < n; ++i) {
        v[i] = std::exp(v[i] - max);
        sum += v[i];
    }
    for (int i = 0; i < n; ++i)
        v[i] /= sum;
}

// A sliding window over one (channels, height, width) sample; the output is (?, outHeight, outWidth).
struct Window {
    int channels, height, width, kernel, stride, padTop, padLeft, outHeight, outWidth;
};

// y = conv(x, w) + b with zero padding. x: (channels, height, width), w: (filters, channels, kernel, kernel),
// b: (filters), y: (filters, outHeight, outWidth).
inline void conv2d(const float* x, const Window& g, int filters, const float* w, const float* b, float* y)
{
    for (int f = 0; f < filters; ++f)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                float sum = 0.0f;
                for (int c = 0; c < g.channels; ++c)
                    for (int ky = 0; ky < g.kernel; ++ky) {
                        const int iy = oy * g.stride + ky - g.padTop;
                        if (iy < 0 || iy >= g.height)
                            continue;  // zero padding
                        const float* row = x + (static_cast<long>(c) * g.height + iy) * g.width;
                        const float* wRow = w + ((static_cast<long>(f) * g.channels + c) * g.kernel + ky) * g.kernel;
                        for (int kx = 0; kx < g.kernel; ++kx) {
                            const int ix = ox * g.stride + kx - g.padLeft;
                            if (ix >= 0 && ix < g.width)
                                sum += wRow[kx] * row[ix];
                        }
                    }
                *y++ = sum + b[f];
            }
}

// Max (or mean, when `average`) of each window, per channel; pooling windows have no padding.
inline void pool2d(const float* x, const Window& g, bool average, float* y)
{
    const float scale = 1.0f / static_cast<float>(g.kernel * g.kernel);
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                const float* corner = x + (static_cast<long>(c) * g.height + oy * g.stride) * g.width + ox * g.stride;
                float best = corner[0], sum = 0.0f;
                for (int ky = 0; ky < g.kernel; ++ky)
                    for (int kx = 0; kx < g.kernel; ++kx) {
                        const float v = corner[static_cast<long>(ky) * g.width + kx];
                        best = v > best ? v : best;
                        sum += v;
                    }
                *y++ = average ? sum * scale : best;
            }
}

// In place, per channel (a run of `pixels` values): (v - mean) / sqrt(var + epsilon) * gamma + beta.
inline void batchNorm(float* v, int channels, long pixels, const float* gamma, const float* beta, const float* mean,
                      const float* var, float epsilon)
{
    for (int c = 0; c < channels; ++c) {
        const float invStd = 1.0f / std::sqrt(var[c] + epsilon);
        for (long i = 0; i < pixels; ++i, ++v)
            *v = (*v - mean[c]) * invStd * gamma[c] + beta[c];
    }
}

// y[c] = the mean of channel c (a run of `pixels` values).
inline void globalAveragePool(const float* x, int channels, long pixels, float* y)
{
    const float scale = 1.0f / static_cast<float>(pixels);
    for (int c = 0; c < channels; ++c) {
        float sum = 0.0f;
        for (long i = 0; i < pixels; ++i)
            sum += *x++;
        y[c] = sum * scale;
    }
}

inline void add(const float* a, const float* b, float* y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = a[i] + b[i];
}

} // namespace detail
