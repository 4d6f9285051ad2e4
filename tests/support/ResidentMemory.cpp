// Resident memory of this process over time.
#include "ResidentMemory.h"

#include <algorithm>
#include <fstream>
#include <malloc.h>
#include <string>

namespace neurite::test {

std::int64_t residentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stoll(line.substr(6)); // "VmRSS:    123456 kB"
    return -1;
}

std::int64_t heapInUseKilobytes()
{
    const struct mallinfo2 info = mallinfo2();
    return std::int64_t((info.uordblks + info.hblkhd) / 1024);
}

std::int64_t MemoryTrace::medianAround(double seconds, double halfWindow) const
{
    std::vector<std::int64_t> near;
    for (const MemorySample& s : m_samples)
        if (s.seconds >= seconds - halfWindow && s.seconds <= seconds + halfWindow)
            near.push_back(s.kilobytes);
    if (near.empty())
        return 0;
    std::nth_element(near.begin(), near.begin() + std::ptrdiff_t(near.size() / 2), near.end());
    return near[near.size() / 2];
}

std::int64_t MemoryTrace::peakFrom(double seconds) const
{
    std::int64_t peak = 0;
    for (const MemorySample& s : m_samples)
        if (s.seconds >= seconds)
            peak = std::max(peak, s.kilobytes);
    return peak;
}

} // namespace neurite::test
