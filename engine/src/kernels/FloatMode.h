// Flushing denormal floats to zero in the threads that train.
#pragma once

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace neurite {

// Denormal floats are many times slower on x86, and Adam's moments for weights whose gradient is always
// zero (e.g. MNIST's empty border pixels) decay into them. Flushing them to zero changes nothing that
// matters (values below 1e-38) and keeps every step at full speed, like PyTorch's set_flush_denormal.
// Returns the previous mode, for restoreFloatMode().
inline unsigned flushDenormals()
{
#if defined(__SSE__)
    const unsigned previous = _mm_getcsr();
    _mm_setcsr(previous | 0x8040); // FTZ (bit 15) and DAZ (bit 6)
    return previous;
#else
    return 0;
#endif
}

inline void restoreFloatMode([[maybe_unused]] unsigned previous)
{
#if defined(__SSE__)
    _mm_setcsr(previous);
#endif
}

} // namespace neurite
