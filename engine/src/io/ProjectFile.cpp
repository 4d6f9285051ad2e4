// Saves and loads .neurite project files: a JSON header followed by raw float32 weights and a checksum.
//
// Layout (all integers little-endian, whatever the host):
//
//   offset 0      8 bytes   magic "NEURITE\0"
//   offset 8      u32       format version (kProjectFormatVersion, currently 2)
//   offset 12     u32       header length H in bytes
//   offset 16     H bytes   header: UTF-8 JSON (below)
//   offset 16+H   ...       tensor data: for each entry of header "tensors", in order, rows*cols float32
//                           values, row-major, little-endian; nothing between tensors
//   last 4 bytes  u32       CRC-32 (zlib's crc32) of every byte before it
//
// The header is one JSON object:
//
//   "design"     the network design, exactly as toJson(NetworkSpec) writes it
//                ({"format": "neurite-network", "version": 1, "layers": [...], "connections": [...]})
//   "ui"         any JSON value the user interface stores (node positions and the like); opaque here
//   "settings"   every TrainingSettings field by its C++ name, with "optimizer" and "schedule" objects
//   "dataSet"    the data set the weights were trained on; "classNames": its class names, in label order
//   "dataSchema" how raw images or table rows become the input (DataSchema.h: kind, task, image size and
//                colour mode or every column's role and encoding, the regression target's scaling);
//                absent in older files, which hold grey images of the Input's size
//   "history"    {"bestEpoch", "testLoss", "testAccuracy",
//                 "epochs": [one object per epoch with the EpochReport fields],
//                 "batches": {one array per BatchReport field: "epoch", "batch", "batchesPerEpoch", "step",
//                             "loss", "accuracy", "learningRate", "samplesPerSecond", "elapsedSeconds"}}
//                JSON has no NaN or infinity: a missing value (NaN) is null, infinities are the strings
//                "Infinity" and "-Infinity".
//   "tensors"    [{"name": "dense1.weight", "rows": 784, "cols": 128}, ...]; absent when untrained
//   "keptRunWeights"  how many of the best runs keep their weights (-1: all)
//   "designs"    every distinct design a run trained, each as "design" is written (format 2)
//   "runs"       one object per run kept (format 2): "name", "date", "starred", "note", "design" (an index
//                into "designs"), "settings", "dataSet", "history", "test", "seconds", "outcome",
//                "message", "swept" and, for a run that kept its weights, "tensors"; that data follows the
//                project's own, in run order
//
// Format 1 files (no runs) open: their trained state becomes run 1.
//
// Readers ignore header keys they do not know, and settings/history fields that are missing keep their
// defaults. A file is rejected, naming its path, when the magic, version, sizes or checksum are wrong, the
// header is not valid JSON, or a weight is NaN or infinite. docs/project-file-format.md says the same for users.
#include "neurite/ProjectFile.h"

#include "data/DataSchemaJson.h"
#include "io/AtomicFile.h"
#include "io/JsonInput.h"
#include "io/RunRecordJson.h"
#include "model/NetworkSpecJson.h"
#include "training/TrainingHistoryJson.h"
#include "training/TrainingSettingsJson.h"
#include "neurite/Error.h"
#include "neurite/ProjectRuns.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace neurite {

namespace {

constexpr char kMagic[8] = {'N', 'E', 'U', 'R', 'I', 'T', 'E', '\0'};
constexpr std::size_t kPrefixBytes = 16; // magic, version, header length
constexpr std::size_t kChecksumBytes = 4;
constexpr std::uint64_t kMaxFileBytes = std::uint64_t(2) << 30;
constexpr std::int64_t kMaxTensorDimension = std::int64_t(1) << 28;

// ---- little-endian encoding ----

void appendU32(std::string& out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

std::uint32_t readU32(const char* bytes)
{
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value |= std::uint32_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
    return value;
}

std::uint32_t byteSwap(std::uint32_t v)
{
    return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

// count floats -> 4*count little-endian bytes at `out`.
void floatsToLittleEndian(const float* values, std::size_t count, char* out)
{
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out, values, count * 4);
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t bits = byteSwap(std::bit_cast<std::uint32_t>(values[i]));
            std::memcpy(out + 4 * i, &bits, 4);
        }
    }
}

void floatsFromLittleEndian(const char* bytes, std::size_t count, float* values)
{
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(values, bytes, count * 4);
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t bits;
            std::memcpy(&bits, bytes + 4 * i, 4);
            values[i] = std::bit_cast<float>(byteSwap(bits));
        }
    }
}

std::uint32_t updateCrc(std::uint32_t crc, const void* data, std::size_t size)
{
    return std::uint32_t(crc32_z(crc, static_cast<const Bytef*>(data), size));
}

// ---- saving ----

void checkWeightsToSave(const Weights& weights, const std::string& path)
{
    for (const NamedTensor& t : weights) {
        if (t.rows <= 0 || t.cols <= 0 || t.values.size() != std::size_t(t.rows) * std::size_t(t.cols))
            throw NeuriteError(path + ": cannot save " + t.name + ": its " + std::to_string(t.values.size()) +
                               " values do not fill " + std::to_string(t.rows) + " x " + std::to_string(t.cols));
        if (!std::all_of(t.values.begin(), t.values.end(), [](float v) { return std::isfinite(v); }))
            throw NeuriteError(path + ": cannot save " + t.name + ": it contains NaN/inf values");
    }
}

Json uiStateToJson(const std::string& uiStateJson, const std::string& path)
{
    if (uiStateJson.empty())
        return Json::object();
    return parseJson(uiStateJson, path + ": UI state");
}

Json tensorListToJson(const Weights& weights)
{
    Json tensors = Json::array();
    for (const NamedTensor& t : weights)
        tensors.push_back({{"name", t.name}, {"rows", t.rows}, {"cols", t.cols}});
    return tensors;
}

// Every weight set the file holds, in the order their data follows the header: the project's own, then each
// run's that kept its weights, in run order.
std::vector<const Weights*> weightsToSave(const Project& project)
{
    std::vector<const Weights*> sets;
    if (project.weights && !project.weights->empty())
        sets.push_back(&*project.weights);
    for (const RunRecord& run : project.runs)
        if (run.weights && !run.weights->empty())
            sets.push_back(&*run.weights);
    return sets;
}

std::string headerText(const Project& project, const std::string& path)
{
    Json header = {{"design", specToJsonValue(project.spec)},
                   {"ui", uiStateToJson(project.uiStateJson, path)},
                   {"settings", settingsToJson(project.settings)},
                   {"dataSet", project.dataSetName},
                   {"classNames", project.classNames},
                   {"history", historyToJson(project.history)}};
    if (project.schema)
        header["dataSchema"] = schemaToJsonValue(*project.schema);
    if (project.weights && !project.weights->empty())
        header["tensors"] = tensorListToJson(*project.weights);
    header["keptRunWeights"] = project.keptRunWeights;
    RunsJson runs = runsToJson(project.runs);
    for (std::size_t i = 0; i < project.runs.size(); ++i)
        if (project.runs[i].weights && !project.runs[i].weights->empty())
            runs.runs[i]["tensors"] = tensorListToJson(*project.runs[i].weights);
    header["designs"] = std::move(runs.designs);
    header["runs"] = std::move(runs.runs);
    return dumpJson(header, -1, path);
}

// ---- loading ----

struct TensorEntry {
    std::string name;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
};

std::string readWholeFile(const std::string& path)
{
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status))
        throw NeuriteError(path + ": cannot open: " + (error ? error.message() : "no such file"));
    if (!std::filesystem::is_regular_file(status))
        throw NeuriteError(path + ": cannot open: not a regular file");
    auto size = std::filesystem::file_size(path, error);
    if (error)
        throw NeuriteError(path + ": cannot read: " + error.message());
    if (size > kMaxFileBytes)
        throw NeuriteError(path + ": the file is too large for a Neurite project (" + std::to_string(size) +
                           " bytes; the limit is 2 GB)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NeuriteError(path + ": cannot open: " + std::strerror(errno));
    std::string bytes(size, '\0');
    in.read(bytes.data(), std::streamsize(size));
    if (std::size_t(in.gcount()) != size)
        throw NeuriteError(path + ": cannot read: the file changed while it was being read");
    return bytes;
}

void checkMagicAndVersion(const std::string& bytes, const std::string& path)
{
    std::size_t compared = std::min(bytes.size(), sizeof kMagic);
    if (bytes.empty() || std::memcmp(bytes.data(), kMagic, compared) != 0)
        throw NeuriteError(path + ": not a Neurite project file");
    if (bytes.size() < kPrefixBytes + kChecksumBytes)
        throw NeuriteError(path + ": the file is truncated (" + std::to_string(bytes.size()) + " bytes)");
    std::uint32_t version = readU32(bytes.data() + 8);
    if (version > std::uint32_t(kProjectFormatVersion))
        throw NeuriteError(path + ": was written by a newer Neurite (project format " + std::to_string(version) +
                           "; this version reads up to " + std::to_string(kProjectFormatVersion) + ")");
    if (version == 0)
        throw NeuriteError(path + ": unsupported project format 0");
}

// The tensor entries of `header`, checked for sane dimensions and distinct names. Nothing is allocated for
// the data yet: the caller compares their total size with the bytes the file holds.
std::vector<TensorEntry> tensorEntries(const Json& header, const JsonLocation& at)
{
    std::vector<TensorEntry> entries;
    if (!header.is_object())
        return entries;
    const Json* tensors = optionalMember(header, "tensors", at);
    if (!tensors)
        return entries;
    const JsonLocation tensorsAt = at["tensors"];
    expectArray(*tensors, tensorsAt);
    std::set<std::string> names;
    for (std::size_t i = 0; i < tensors->size(); ++i) {
        const JsonLocation entryAt = tensorsAt[i];
        const Json& entry = expectObject((*tensors)[i], entryAt);
        TensorEntry t;
        t.name = expectString(member(entry, "name", entryAt), entryAt["name"]);
        t.rows = expectInteger(member(entry, "rows", entryAt), entryAt["rows"], 1, kMaxTensorDimension);
        t.cols = expectInteger(member(entry, "cols", entryAt), entryAt["cols"], 1, kMaxTensorDimension);
        if (!names.insert(t.name).second)
            entryAt["name"].fail("\"" + t.name + "\" is listed twice");
        entries.push_back(std::move(t));
    }
    return entries;
}

// The weight sets of a file, in the order their data follows the header: the project's own ("tensors"), then
// each run's that lists "tensors". Run entries that are not objects are left to the run reader's messages.
struct TensorGroup {
    int run = -1; // -1: the project's own weights
    std::vector<TensorEntry> entries;
};

std::vector<TensorGroup> tensorGroups(const Json& header, const JsonLocation& at)
{
    std::vector<TensorGroup> groups;
    groups.push_back({-1, tensorEntries(header, at)});
    const Json* runs = header.is_object() ? optionalMember(header, "runs", at) : nullptr;
    if (!runs || !runs->is_array())
        return groups;
    for (std::size_t i = 0; i < runs->size() && i < kMaxRuns; ++i)
        groups.push_back({int(i), tensorEntries((*runs)[i], at["runs"][i])});
    return groups;
}

std::vector<TensorEntry> allEntries(const std::vector<TensorGroup>& groups)
{
    std::vector<TensorEntry> all;
    for (const TensorGroup& group : groups)
        all.insert(all.end(), group.entries.begin(), group.entries.end());
    return all;
}

// Sum of rows*cols*4 over `entries`, or nullopt once it passes `limit` (so it can never overflow). Nothing
// is allocated before this total has been compared with the bytes the file actually holds.
std::optional<std::uint64_t> tensorBytes(const std::vector<TensorEntry>& entries, std::uint64_t limit)
{
    std::uint64_t total = 0;
    for (const TensorEntry& t : entries) {
        total += std::uint64_t(t.rows) * std::uint64_t(t.cols) * 4; // each term < 2^58
        if (total > limit)
            return std::nullopt;
    }
    return total;
}

// After a checksum mismatch: does the header describe more bytes than the file has? Then it was cut short.
bool looksTruncated(const std::string& bytes, const std::string& path)
{
    std::uint64_t headerLength = readU32(bytes.data() + 12);
    std::uint64_t available = bytes.size() - kPrefixBytes - kChecksumBytes;
    if (headerLength > available)
        return true;
    try {
        Json header = parseJson(std::string_view(bytes).substr(kPrefixBytes, headerLength), path, kMaxFileBytes);
        auto data = tensorBytes(allEntries(tensorGroups(header, JsonLocation(path))), kMaxFileBytes);
        return !data.has_value() || *data > available - headerLength;
    } catch (const NeuriteError&) {
        return false;
    }
}

void checkChecksum(const std::string& bytes, const std::string& path)
{
    std::size_t covered = bytes.size() - kChecksumBytes;
    std::uint32_t stored = readU32(bytes.data() + covered);
    if (updateCrc(0, bytes.data(), covered) == stored)
        return;
    if (looksTruncated(bytes, path))
        throw NeuriteError(path + ": checksum mismatch: the file is truncated");
    throw NeuriteError(path + ": checksum mismatch: the file is corrupt");
}

Weights readTensors(const std::vector<TensorEntry>& entries, const char* data, const std::string& path)
{
    Weights weights;
    for (const TensorEntry& entry : entries) {
        NamedTensor t{entry.name, int(entry.rows), int(entry.cols), {}};
        std::size_t count = std::size_t(entry.rows) * std::size_t(entry.cols);
        t.values.resize(count);
        floatsFromLittleEndian(data, count, t.values.data());
        data += count * 4;
        if (!std::all_of(t.values.begin(), t.values.end(), [](float v) { return std::isfinite(v); }))
            throw NeuriteError(path + ": " + t.name + " contains NaN/inf values");
        weights.push_back(std::move(t));
    }
    return weights;
}

std::vector<std::string> stringList(const Json& value, const JsonLocation& at)
{
    std::vector<std::string> strings;
    for (std::size_t i = 0; i < expectArray(value, at).size(); ++i)
        strings.push_back(expectString(value[i], at[i]));
    return strings;
}

// A format 1 file kept one trained state: it becomes run 1, so that the Runs list shows it.
void migrateFromVersion1(Project& project)
{
    if (project.history.epochs.empty() && !project.weights)
        return;
    RunRecord run = runFromProjectState(project);
    run.name = "run 1";
    project.runs.push_back(std::move(run));
}

Project projectFromHeader(const Json& header, const JsonLocation& at)
{
    expectObject(header, at);
    Project project;
    project.spec = specFromJsonValue(member(header, "design", at), at["design"]);
    if (const Json* ui = optionalMember(header, "ui", at))
        project.uiStateJson = dumpJson(*ui, -1, at.path());
    if (const Json* settings = optionalMember(header, "settings", at))
        project.settings = settingsFromJson(*settings, at["settings"]);
    if (const Json* dataSet = optionalMember(header, "dataSet", at))
        project.dataSetName = expectString(*dataSet, at["dataSet"]);
    if (const Json* classNames = optionalMember(header, "classNames", at))
        project.classNames = stringList(*classNames, at["classNames"]);
    if (const Json* schema = optionalMember(header, "dataSchema", at))
        project.schema = schemaFromJsonValue(*schema, at["dataSchema"]);
    if (const Json* history = optionalMember(header, "history", at))
        project.history = historyFromJson(*history, at["history"]);
    if (const Json* kept = optionalMember(header, "keptRunWeights", at))
        project.keptRunWeights = int(expectInteger(*kept, at["keptRunWeights"], -1, std::int64_t(kMaxRuns)));
    if (const Json* runs = optionalMember(header, "runs", at))
        project.runs = runsFromJson(*runs, optionalMember(header, "designs", at), at);
    return project;
}

// Reads each group's tensors into the project or its run; the caller checked that they fill the data.
void readWeightGroups(const std::vector<TensorGroup>& groups, const char* data, Project& project,
                      const std::string& path)
{
    for (const TensorGroup& group : groups) {
        if (group.entries.empty())
            continue;
        Weights weights = readTensors(group.entries, data, path);
        for (const NamedTensor& t : weights)
            data += t.values.size() * 4;
        if (group.run < 0)
            project.weights = std::move(weights);
        else
            project.runs[std::size_t(group.run)].weights = std::move(weights);
    }
}

void writeWeights(const Weights& weights, AtomicFileWriter& writer, std::uint32_t& crc)
{
    std::vector<char> buffer;
    for (const NamedTensor& t : weights) {
        buffer.resize(t.values.size() * 4);
        floatsToLittleEndian(t.values.data(), t.values.size(), buffer.data());
        crc = updateCrc(crc, buffer.data(), buffer.size());
        writer.write(buffer.data(), buffer.size());
    }
}

} // namespace

void saveProject(const Project& project, const std::string& path)
{
    const std::vector<const Weights*> weightSets = weightsToSave(project);
    for (const Weights* weights : weightSets)
        checkWeightsToSave(*weights, path);
    std::string prefix(kMagic, sizeof kMagic);
    const std::string header = headerText(project, path);
    if (header.size() > kMaxFileBytes)
        throw NeuriteError(path + ": the project header is too large to save");
    appendU32(prefix, std::uint32_t(kProjectFormatVersion));
    appendU32(prefix, std::uint32_t(header.size()));

    AtomicFileWriter writer(path);
    std::uint32_t crc = updateCrc(0, prefix.data(), prefix.size());
    crc = updateCrc(crc, header.data(), header.size());
    writer.write(prefix);
    writer.write(header);
    for (const Weights* weights : weightSets)
        writeWeights(*weights, writer, crc);
    std::string checksum;
    appendU32(checksum, crc);
    writer.write(checksum);
    writer.commit();
}

Project loadProject(const std::string& path)
{
    const std::string bytes = readWholeFile(path);
    checkMagicAndVersion(bytes, path);
    checkChecksum(bytes, path);

    std::uint64_t headerLength = readU32(bytes.data() + 12);
    std::uint64_t available = bytes.size() - kPrefixBytes - kChecksumBytes;
    if (headerLength > available)
        throw NeuriteError(path + ": the header length (" + std::to_string(headerLength) + " bytes) exceeds the file");
    const JsonLocation root(path);
    Json header = parseJson(std::string_view(bytes).substr(kPrefixBytes, headerLength), path, kMaxFileBytes);
    Project project = projectFromHeader(header, root);

    const std::vector<TensorGroup> groups = tensorGroups(header, root);
    std::uint64_t dataBytes = available - headerLength;
    auto described = tensorBytes(allEntries(groups), kMaxFileBytes);
    if (!described || *described != dataBytes)
        throw NeuriteError(path + ": the tensor list does not match the weight data (it describes " +
                           (described ? std::to_string(*described) + " bytes" : std::string("over 2 GB")) +
                           "; the file holds " + std::to_string(dataBytes) + ")");
    readWeightGroups(groups, bytes.data() + kPrefixBytes + headerLength, project, path);
    if (readU32(bytes.data() + 8) == 1)
        migrateFromVersion1(project);
    return project;
}

Network networkFromProject(const Project& project)
{
    if (project.weights)
        return Network(project.spec, *project.weights, project.settings.seed);
    return Network(project.spec, project.settings.seed);
}

} // namespace neurite
