#include "neurite/MachineDescription.h"

#include <Eigen/Core>

#include <algorithm>
#include <fstream>
#include <thread>

namespace neurite {
namespace {

std::string cpuModelName()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    const std::string key = "model name";
    while (std::getline(cpuinfo, line)) {
        if (line.compare(0, key.size(), key) != 0)
            continue;
        const auto colon = line.find(':');
        if (colon != std::string::npos && colon + 2 <= line.size())
            return line.substr(colon + 2);
    }
    return "unknown processor";
}

} // namespace

MachineDescription describeMachine()
{
    MachineDescription machine;
    machine.cpuModel = cpuModelName();
    machine.cores = int(std::max(1u, std::thread::hardware_concurrency()));
    // Eigen's kernels are the engine's: what Eigen was compiled to use is what the engine's products use.
    machine.simd = Eigen::SimdInstructionSetsInUse();
    return machine;
}

} // namespace neurite
