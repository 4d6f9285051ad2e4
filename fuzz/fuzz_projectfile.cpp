// Fuzzes loadProject. The first byte picks how the rest becomes a file: as is; with a correct CRC-32
// trailer appended; or as "header JSON \0 weight bytes" wrapped in a correct frame, so that mutations
// reach the JSON and tensor checks instead of stopping at the checksum. A loaded project must save and
// load back the same, and (when small) build its network.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"
#include "neurite/Validation.h"

#include <cstring>
#include <string>

using namespace neurite;

namespace {

constexpr long kMaxParameters = 200'000;
constexpr std::size_t kMaxLayers = 64;

void appendU32(std::string& out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(char(value >> (8 * i)));
}

void appendCrc(std::string& bytes)
{
    appendU32(bytes, fuzz::crc32Of(bytes.data(), bytes.size()));
}

std::string fileFromInput(const std::uint8_t* data, std::size_t size)
{
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0: return rest;
    case 1: {
        std::string bytes = rest;
        appendCrc(bytes);
        return bytes;
    }
    default: {
        const std::size_t split = std::min(rest.find('\0'), rest.size());
        std::string bytes("NEURITE\0", 8);
        appendU32(bytes, 1);
        appendU32(bytes, std::uint32_t(split));
        bytes += rest.substr(0, split);
        if (split < rest.size())
            bytes += rest.substr(split + 1);
        appendCrc(bytes);
        return bytes;
    }
    }
}

bool smallEnough(const Project& project)
{
    if (project.spec.layers.size() > kMaxLayers)
        return false;
    const ValidationReport report = validate(project.spec);
    return report.ok() && report.totalParameters() <= kMaxParameters;
}

void checkSavesAndReloads(const Project& project)
{
    static const std::string savePath = fuzz::scratchPath("project-saved");
    saveProject(project, savePath);
    const Project again = loadProject(savePath);
    if (!(again.spec == project.spec) || again.weights != project.weights || again.classNames != project.classNames ||
        !(again.settings == project.settings) || again.dataSetName != project.dataSetName)
        fuzz::invariantBroken("save -> load changed a project that had loaded");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    static const std::string path = fuzz::scratchPath("project");
    const std::string bytes = fileFromInput(data, size);
    fuzz::writeScratch(path, bytes.data(), bytes.size());
    Project project;
    try {
        project = loadProject(path);
    } catch (const NeuriteError&) {
        return 0;
    }
    checkSavesAndReloads(project);
    if (!smallEnough(project))
        return 0;
    try {
        Network network = networkFromProject(project);
        Matrix x = Matrix::Constant(1, network.inputShape().size(), 0.25f), out;
        network.predict(x, out);
    } catch (const NeuriteError&) {
        // weights that do not fit the design: refused with a message naming the tensor
    }
    return 0;
}
