// Writes one recovery file on a thread of its own, so that an autosave never makes the window wait.
#pragma once

#include <neurite/ProjectFile.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace neurite::ui {

// One job at a time, newest wins: a job posted while another waits replaces it (only the latest state of
// the work matters, and a removal replaces a pending write). Jobs run in the order posted, so a removal
// is never undone by an older write. The thread starts with the first job; the destructor lets the
// pending job finish, then joins it.
class RecoveryWriter {
public:
    explicit RecoveryWriter(std::string path) : m_path(std::move(path)) {}
    ~RecoveryWriter();
    RecoveryWriter(const RecoveryWriter&) = delete;
    RecoveryWriter& operator=(const RecoveryWriter&) = delete;

    // Saves `project` atomically (engine saveProject: temporary file, fsync, rename). Failures are
    // ignored: autosave is best effort, a full disk must not interrupt the user, and the previous
    // recovery file stays intact.
    void write(Project project);
    void remove();
    // Blocks until every job posted so far has finished.
    void waitUntilIdle();
    // Files written so far (for tests and diagnostics).
    int writesDone() const;
    // No job waits or runs.
    bool isIdle() const;
    // How long the last file took to write, in seconds (0 before any).
    double lastWriteSeconds() const;

private:
    struct Job {
        std::optional<Project> project; // none: remove the file
    };
    void post(Job job);
    void run();

    const std::string m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::optional<Job> m_pending;
    bool m_busy = false;
    bool m_quit = false;
    int m_writesDone = 0;
    double m_lastWriteSeconds = 0;
    std::thread m_thread;
};

} // namespace neurite::ui
