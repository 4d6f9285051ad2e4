// Fuzzes readNpz (the weights `neurite import TRAINED.npz` reads) with the input as an .npz file.
#include "FuzzSupport.h"
#include "io/NpzReader.h"
#include "neurite/Error.h"

#include <cmath>
#include <optional>

using namespace neurite;

namespace {

// The arrays, or nothing when the reader refused the file with a NeuriteError (any other exception escapes
// and is a finding).
std::optional<std::vector<NpyArray>> tryRead(const std::string& path)
{
    try {
        return readNpz(path);
    } catch (const NeuriteError&) {
        return std::nullopt;
    }
}

// Every array's values fill its shape and are finite.
void checkArrays(const std::vector<NpyArray>& arrays)
{
    for (const NpyArray& array : arrays) {
        std::uint64_t count = 1;
        for (std::int64_t d : array.shape)
            count *= std::uint64_t(d);
        if (count != array.values.size())
            fuzz::invariantBroken("readNpz returned a shape that disagrees with its values");
        for (float v : array.values)
            if (!std::isfinite(v))
                fuzz::invariantBroken("readNpz returned a value that is not finite");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("npz");
    static const std::string again = fuzz::scratchPath("npz-again");
    fuzz::writeScratch(path, data, size);
    const std::optional<std::vector<NpyArray>> arrays = tryRead(path);
    if (!arrays)
        return 0;
    checkArrays(*arrays);
    // What was read, written by Neurite's own writer, reads back the same.
    const std::string bytes = npzBytes(*arrays);
    fuzz::writeScratch(again, bytes.data(), bytes.size());
    const std::optional<std::vector<NpyArray>> back = tryRead(again);
    if (!back || back->size() != arrays->size())
        fuzz::invariantBroken("arrays readNpz returned do not read back after npzBytes");
    for (std::size_t i = 0; i < back->size(); ++i)
        if ((*back)[i].name != (*arrays)[i].name || (*back)[i].shape != (*arrays)[i].shape ||
            (*back)[i].values != (*arrays)[i].values)
            fuzz::invariantBroken("arrays readNpz returned read back differently after npzBytes");
    return 0;
}
