// The timing helpers the benchmark programs share: a median of timed runs and milliseconds since a start.
// Header-only, like DigitRendering.h, since each benchmark is one program.
#pragma once

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

namespace neurite::bench {

using Clock = std::chrono::steady_clock;

// The middle value (the mean of the two middle ones for an even count); `values` must not be empty.
inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// This thread's own processor time in ms, which (unlike the wall clock) does not count the time other
// programs on a busy machine take from it.
inline double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace neurite::bench
