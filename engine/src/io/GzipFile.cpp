// Plain-or-gzip reading and deterministic gzip writing on top of zlib's inflate/deflate.
#include "io/GzipFile.h"

#include "neurite/Error.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <sys/stat.h>
#include <zlib.h>

namespace neurite {

namespace {

constexpr std::size_t kInputBufferSize = 1 << 18;
constexpr std::size_t kSmallestInputBuffer = 1 << 12; // also for a file that grows while it is read
constexpr std::size_t kOutputBufferSize = 1 << 16;
// zlib counts in unsigned int: feed it at most this much at a time.
constexpr std::size_t kMaxZlibChunk = 1u << 30;

bool hasGzipMagic(const std::uint8_t* bytes, std::size_t size)
{
    return size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

} // namespace

struct GzipReader::Inflater {
    z_stream stream{};
    ~Inflater() { inflateEnd(&stream); }
};

struct GzipWriter::Deflater {
    z_stream stream{};
    ~Deflater() { deflateEnd(&stream); }
};

GzipReader::GzipReader(const std::string& path) : m_path(path)
{
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        throw NeuriteError(path + ": cannot open the file (" + std::strerror(errno) + ")");
    struct stat info {};
    if (::fstat(::fileno(m_file), &info) != 0 || !S_ISREG(info.st_mode)) {
        std::fclose(m_file);
        m_file = nullptr;
        throw NeuriteError(path + ": not a regular file");
    }
    m_fileSize = std::uint64_t(info.st_size);
    // No bigger than the file needs: a small file (most inputs of a fuzzing run) then does not pay for
    // clearing, mapping and unmapping a 256 kB buffer, which was most of the time of reading one.
    m_input.resize(std::size_t(std::clamp<std::uint64_t>(m_fileSize, kSmallestInputBuffer, kInputBufferSize)));
    refillInput();
    m_gzip = hasGzipMagic(m_input.data() + m_inputPos, m_inputEnd - m_inputPos);
    if (m_gzip) {
        m_inflater = std::make_unique<Inflater>();
        // 15 + 16: a gzip wrapper (not zlib, not raw deflate) with the largest window.
        if (inflateInit2(&m_inflater->stream, 15 + 16) != Z_OK) {
            m_inflater.reset();
            std::fclose(m_file);
            m_file = nullptr;
            throw NeuriteError(path + ": cannot start gzip decompression (out of memory)");
        }
    }
}

GzipReader::~GzipReader()
{
    if (m_file)
        std::fclose(m_file);
}

bool GzipReader::refillInput()
{
    if (m_inputPos > 0) {
        std::memmove(m_input.data(), m_input.data() + m_inputPos, m_inputEnd - m_inputPos);
        m_inputEnd -= m_inputPos;
        m_inputPos = 0;
    }
    if (m_eof || m_inputEnd == m_input.size())
        return false;
    const std::size_t got = std::fread(m_input.data() + m_inputEnd, 1, m_input.size() - m_inputEnd, m_file);
    if (got < m_input.size() - m_inputEnd) {
        if (std::ferror(m_file))
            throw NeuriteError(m_path + ": read error (" + std::strerror(errno) + ")");
        m_eof = true;
    }
    m_inputEnd += got;
    return got > 0;
}

std::size_t GzipReader::read(void* dst, std::size_t size)
{
    if (size == 0)
        return 0; // `dst` may then be the null data() of an empty vector, which memcpy must not see
    auto* out = static_cast<std::uint8_t*>(dst);
    if (m_gzip)
        return readInflated(out, size);
    // Plain file: first whatever the magic-byte peek buffered, then straight from the file.
    std::size_t done = std::min(size, m_inputEnd - m_inputPos);
    std::memcpy(out, m_input.data() + m_inputPos, done);
    m_inputPos += done;
    while (done < size && !m_eof) {
        const std::size_t got = std::fread(out + done, 1, size - done, m_file);
        if (got < size - done) {
            if (std::ferror(m_file))
                throw NeuriteError(m_path + ": read error (" + std::strerror(errno) + ")");
            m_eof = true;
        }
        done += got;
    }
    return done;
}

std::size_t GzipReader::readInflated(std::uint8_t* dst, std::size_t size)
{
    z_stream& zs = m_inflater->stream;
    std::size_t produced = 0;
    while (produced < size && !m_ended) {
        if (m_inputPos == m_inputEnd)
            refillInput();
        zs.next_in = m_input.data() + m_inputPos;
        zs.avail_in = unsigned(m_inputEnd - m_inputPos);
        const std::size_t wanted = std::min(size - produced, kMaxZlibChunk);
        zs.next_out = dst + produced;
        zs.avail_out = unsigned(wanted);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced += wanted - zs.avail_out;
        m_inputPos = m_inputEnd - zs.avail_in;
        if (rc == Z_STREAM_END) {
            startNextMemberOrEnd();
        } else if (rc == Z_BUF_ERROR) {
            // No progress is possible: the input ran out before the compressed stream ended.
            if (m_inputPos == m_inputEnd && m_eof)
                throw NeuriteError(m_path + ": the gzip data is truncated (the file ends inside the "
                                            "compressed stream)");
        } else if (rc == Z_MEM_ERROR) {
            throw NeuriteError(m_path + ": out of memory while decompressing");
        } else if (rc != Z_OK) {
            throw NeuriteError(m_path + ": corrupt gzip data (" + std::string(zs.msg ? zs.msg : "bad stream") + ")");
        }
    }
    return produced;
}

// A gzip file may hold several members one after another (as `cat a.gz b.gz` makes); anything else
// after the end of the compressed stream is an error rather than silently ignored.
void GzipReader::startNextMemberOrEnd()
{
    if (m_inputEnd - m_inputPos < 2)
        refillInput();
    const std::size_t left = m_inputEnd - m_inputPos;
    if (left == 0) {
        m_ended = true;
        return;
    }
    if (!hasGzipMagic(m_input.data() + m_inputPos, left))
        throw NeuriteError(m_path + ": has extra bytes after the end of the gzip stream");
    inflateReset(&m_inflater->stream);
}

GzipWriter::GzipWriter(AtomicFileWriter& sink)
    : m_sink(sink), m_deflater(std::make_unique<Deflater>()), m_output(kOutputBufferSize)
{
    // windowBits 15 + 16 asks zlib for a gzip wrapper; zlib writes no file name and a zero time stamp.
    if (deflateInit2(&m_deflater->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        m_deflater.reset();
        throw NeuriteError("Cannot write " + sink.path() + ": cannot start gzip compression");
    }
}

GzipWriter::~GzipWriter() = default;

void GzipWriter::write(const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    while (size > 0) {
        const std::size_t chunk = std::min(size, kMaxZlibChunk);
        deflateChunk(bytes, chunk, Z_NO_FLUSH);
        bytes += chunk;
        size -= chunk;
    }
}

void GzipWriter::finish()
{
    deflateChunk(nullptr, 0, Z_FINISH);
}

void GzipWriter::deflateChunk(const void* data, std::size_t size, int flush)
{
    z_stream& zs = m_deflater->stream;
    zs.next_in = static_cast<Bytef*>(const_cast<void*>(data));
    zs.avail_in = unsigned(size);
    int rc = Z_OK;
    do {
        zs.next_out = m_output.data();
        zs.avail_out = unsigned(m_output.size());
        rc = deflate(&zs, flush);
        if (rc == Z_STREAM_ERROR)
            throw NeuriteError("Cannot write " + m_sink.path() + ": gzip compression failed");
        m_sink.write(m_output.data(), m_output.size() - zs.avail_out);
    } while (zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

} // namespace neurite
