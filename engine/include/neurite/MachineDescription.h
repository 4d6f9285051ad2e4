// What a speed figure was measured on: printed with every benchmark report, since figures from different
// processors, core counts or instruction sets cannot be compared.
#pragma once

#include <string>

namespace neurite {

struct MachineDescription {
    std::string cpuModel; // /proc/cpuinfo's "model name" ("unknown processor" where the system does not say)
    int cores = 1;        // hardware threads the program may use
    std::string simd;     // the vector instruction sets this build of the engine uses, e.g. "SSE, ..., AVX2, FMA"
};

MachineDescription describeMachine();

} // namespace neurite
