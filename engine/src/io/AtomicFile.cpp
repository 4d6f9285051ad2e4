// Atomic file replacement with POSIX calls: open a unique temporary file, write, fsync, rename.
#include "io/AtomicFile.h"

#include "neurite/Error.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace neurite {

namespace {

constexpr std::size_t kBufferSize = 1 << 16;

std::string systemError(int error)
{
    return std::strerror(error);
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int error)
{
    throw NeuriteError("Cannot write " + path + ": " + what + " (" + systemError(error) + ")");
}

// Longest file name (one path component) Linux file systems accept.
constexpr std::size_t kMaxNameBytes = 255;

// A name no other writer uses: the process id keeps processes apart, the counter keeps threads apart.
// A target name near the length limit is shortened first, or the temporary file could not be created.
std::string temporaryName(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    const std::string suffix = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const std::size_t slash = path.rfind('/');
    const std::size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    const std::size_t nameBytes = path.size() - nameStart;
    if (nameBytes + suffix.size() <= kMaxNameBytes || nameBytes > kMaxNameBytes)
        return path + suffix;
    return path.substr(0, nameStart + kMaxNameBytes - suffix.size()) + suffix;
}

void syncDirectoryOf(const std::string& path)
{
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (dir.empty())
        dir = ".";
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return; // some file systems do not allow it; the rename has happened anyway
    ::fsync(fd);
    ::close(fd);
}

} // namespace

AtomicFileWriter::AtomicFileWriter(const std::string& path) : m_path(path)
{
    // 0666 lets the umask decide the permissions, as for any newly created file.
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        m_tempPath = temporaryName(path);
        m_fd = ::open(m_tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0 && errno != EEXIST)
            fail(path, "cannot create a temporary file beside it", errno);
    }
    if (m_fd < 0)
        fail(path, "cannot create a temporary file beside it", EEXIST);
    m_buffer.reserve(kBufferSize);
}

AtomicFileWriter::~AtomicFileWriter()
{
    discard();
}

void AtomicFileWriter::write(const void* data, std::size_t size)
{
    if (m_fd < 0)
        throw NeuriteError("Cannot write " + m_path + ": the file was already committed");
    if (m_buffer.size() + size <= kBufferSize) {
        m_buffer.append(static_cast<const char*>(data), size);
        return;
    }
    flushBuffer();
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(m_fd, bytes, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            fail(m_path, "write failed", errno);
        bytes += written;
        size -= std::size_t(written);
    }
}

void AtomicFileWriter::flushBuffer()
{
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t written = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            fail(m_path, "write failed", errno);
        done += std::size_t(written);
    }
    m_buffer.clear();
}

void AtomicFileWriter::commit()
{
    if (m_fd < 0)
        throw NeuriteError("Cannot write " + m_path + ": the file was already committed");
    flushBuffer();
    if (::fsync(m_fd) != 0)
        fail(m_path, "fsync failed", errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(m_tempPath.c_str());
        fail(m_path, "close failed", error);
    }
    if (::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        ::unlink(m_tempPath.c_str());
        fail(m_path, "cannot rename the temporary file over it", error);
    }
    m_tempPath.clear();
    syncDirectoryOf(m_path);
}

void AtomicFileWriter::discard() noexcept
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
        m_tempPath.clear();
    }
}

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    AtomicFileWriter writer(path);
    writer.write(bytes);
    writer.commit();
}

} // namespace neurite
