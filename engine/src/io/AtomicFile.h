// Atomic file writing: bytes go to a temporary file beside the target, then are synced and renamed over it.
#pragma once

#include <cstddef>
#include <string>

namespace neurite {

// Streams bytes into a temporary file next to `path`; commit() makes them appear at `path` in one step.
// Destroying the writer without commit() removes the temporary file and leaves `path` untouched.
// Every failure throws NeuriteError naming `path`.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(const std::string& path);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(const void* data, std::size_t size);
    void write(const std::string& bytes) { write(bytes.data(), bytes.size()); }
    // Flushes, fsyncs, renames over the target and syncs the directory. Call once.
    void commit();

    const std::string& path() const { return m_path; }

private:
    void flushBuffer();
    void discard() noexcept;

    std::string m_path;
    std::string m_tempPath;
    int m_fd = -1;
    std::string m_buffer; // small writes are gathered here to keep write() system calls large
};

// Replaces (or creates) `path` with `bytes`, atomically.
void writeFileAtomically(const std::string& path, const std::string& bytes);

} // namespace neurite
