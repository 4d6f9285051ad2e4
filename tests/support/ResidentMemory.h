// Resident memory of this process over time, for tests that look for growth (leaks) in long runs.
#pragma once

#include <cstdint>
#include <vector>

namespace neurite::test {

// This process's resident set in kB, from the kernel's VmRSS line (/proc/self/status); -1 when unreadable.
std::int64_t residentKilobytes();
// What this process's allocations hold in kB (glibc's mallinfo2: bytes in use in every arena plus mmapped
// blocks). Set beside the resident set, it tells memory that is really kept from memory the allocator holds
// free (freed blocks it has not returned to the system).
std::int64_t heapInUseKilobytes();

struct MemorySample {
    double seconds = 0; // since the trace began
    std::int64_t kilobytes = 0;
};

// Samples taken by the caller (a timer) and what they say about growth.
class MemoryTrace {
public:
    void add(double seconds, std::int64_t kilobytes) { m_samples.push_back({seconds, kilobytes}); }
    const std::vector<MemorySample>& samples() const { return m_samples; }
    bool empty() const { return m_samples.empty(); }
    double lastSeconds() const { return m_samples.empty() ? 0.0 : m_samples.back().seconds; }

    // The median of the samples within `halfWindow` seconds of `seconds` (one reading is noisy: an allocation
    // freed a moment later); 0 when there are none.
    std::int64_t medianAround(double seconds, double halfWindow) const;
    // The largest sample at or after `seconds`.
    std::int64_t peakFrom(double seconds) const;

private:
    std::vector<MemorySample> m_samples;
};

} // namespace neurite::test
