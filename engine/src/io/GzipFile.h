// Reading files that may be gzip-compressed (detected by magic bytes) and writing reproducible gzip files.
#pragma once

#include "io/AtomicFile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace neurite {

// zlib's documented worst case: deflate never shrinks data by more than this factor.
constexpr std::uint64_t kMaxDeflateRatio = 1032;

// Reads `path` front to back, inflating it on the fly when it starts with the gzip magic 1f 8b.
// Errors throw NeuriteError beginning with the path.
class GzipReader {
public:
    explicit GzipReader(const std::string& path);
    ~GzipReader();
    GzipReader(const GzipReader&) = delete;
    GzipReader& operator=(const GzipReader&) = delete;

    bool isGzip() const { return m_gzip; }
    // Size of the file on disk (compressed size for gzip).
    std::uint64_t fileSize() const { return m_fileSize; }
    // Fills `dst` with up to `size` bytes; returns fewer only when the (decompressed) data ends.
    std::size_t read(void* dst, std::size_t size);

private:
    std::size_t readInflated(std::uint8_t* dst, std::size_t size);
    bool refillInput();
    void startNextMemberOrEnd();

    std::string m_path;
    std::FILE* m_file = nullptr;
    std::uint64_t m_fileSize = 0;
    bool m_gzip = false;
    bool m_eof = false;   // the file has no more bytes to give
    bool m_ended = false; // the gzip stream (all its members) has ended
    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
    std::vector<std::uint8_t> m_input; // bytes read from the file; [m_inputPos, m_inputEnd) not used yet
    std::size_t m_inputPos = 0;
    std::size_t m_inputEnd = 0;
};

// Deflates bytes into an AtomicFileWriter with a gzip wrapper that carries no name and no time stamp,
// so the same bytes always give the same file.
class GzipWriter {
public:
    explicit GzipWriter(AtomicFileWriter& sink);
    ~GzipWriter();
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    void write(const void* data, std::size_t size);
    // Writes the end of the gzip stream; the caller then commits the sink.
    void finish();

private:
    void deflateChunk(const void* data, std::size_t size, int flush);

    AtomicFileWriter& m_sink;
    struct Deflater;
    std::unique_ptr<Deflater> m_deflater;
    std::vector<std::uint8_t> m_output;
};

} // namespace neurite
