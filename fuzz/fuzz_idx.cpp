// Fuzzes readIdx with the input as a plain file and, gzip-compressed, as a .gz file; both must agree.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"

#include <optional>

using namespace neurite;

namespace {

// The array, or nothing when the reader refused the file with a NeuriteError (any other exception escapes
// and is a finding).
std::optional<IdxArray> tryRead(const std::string& path)
{
    try {
        return readIdx(path);
    } catch (const NeuriteError&) {
        return std::nullopt;
    }
}

void checkConsistent(const IdxArray& array)
{
    std::uint64_t size = 1;
    for (std::uint32_t d : array.dims)
        size *= d;
    if (array.dims.empty() || size != array.data.size())
        fuzz::invariantBroken("readIdx returned dims that disagree with its data");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string plainPath = fuzz::scratchPath("idx");
    static const std::string gzipPath = fuzz::scratchPath("idx-gz");
    fuzz::writeScratch(plainPath, data, size);
    const std::optional<IdxArray> plain = tryRead(plainPath);
    if (plain)
        checkConsistent(*plain);

    // The same bytes behind gzip reach the IDX checks through the inflating reader.
    const std::string zipped = fuzz::gzipBytes(data, size);
    fuzz::writeScratch(gzipPath, zipped.data(), zipped.size());
    const std::optional<IdxArray> inflated = tryRead(gzipPath);
    if (inflated)
        checkConsistent(*inflated);
    const bool inputIsGzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    if (!inputIsGzip && plain.has_value() != inflated.has_value())
        fuzz::invariantBroken("a plain IDX file and its gzip-compressed copy were judged differently");
    if (!inputIsGzip && plain && (plain->dims != inflated->dims || plain->data != inflated->data))
        fuzz::invariantBroken("a plain IDX file and its gzip-compressed copy read differently");
    return 0;
}
