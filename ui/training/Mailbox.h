// A mutex-guarded queue that hands values from one thread to another in a way ThreadSanitizer can check.
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace neurite::ui {

// How soon a receiver looks again when tryTakeAll() found the sender holding the box.
inline constexpr int kMailboxBusyRetryMs = 2;

// Why not simply pass values as the arguments of a queued signal: Qt copies such arguments into a posted
// event inside Q_EMIT, and the receiving thread reads them after Qt's posted-event queue ordered the two.
// That queue is guarded by a futex-based QMutex inside the system Qt, which is not built with TSan, so TSan
// cannot see the ordering and reports every value as a race — and a real race would hide among the reports.
// Here the values cross under a std::mutex (pthread based, which TSan does see); the queued signal that
// tells the other thread to look carries no arguments at all.
//
// A sender calls post() with a `notify` callback (which emits an argument-less queued signal) and the
// receiver takes the letters out when told. post() calls `notify` only when the box was empty, so however
// fast letters come, at most one notification is on its way: a busy receiver is never flooded. Urgent
// letters (a request, a result, an error) always notify and raise hasUrgent(), so that a receiver that
// throttles itself knows not to wait.
//
// `notify` runs while the lock is held, so a receiver that takes the lock when it is told is ordered, for
// TSan too, after whatever Qt allocated while posting the notification (its event, freed on the receiving
// thread). A receiver that does not (hasUrgent(), or tryTakeAll() on a busy box) relies on
// tests/tsan.supp, which has TSan ignore the new and delete that Qt itself makes.
//
// A GUI thread should not wait for the lock: the sender (a training thread, at a lower priority) holds it
// only for a moment, but on a busy machine it can lose its core inside that moment, and the waiter then
// waits out other programs' time slices (16 ms at a time in a soak beside two fuzzers). hasUrgent() takes
// no lock, and tryTakeAll() gives up at once when the sender holds it.
template <typename Letter>
class Mailbox {
public:
    template <typename Notify>
    void post(Letter letter, bool urgent, Notify notify)
    {
        const std::lock_guard lock(m_mutex);
        const bool wasEmpty = m_letters.empty();
        m_letters.push_back(std::move(letter));
        if (urgent)
            m_urgent.store(true, std::memory_order_relaxed);
        if (wasEmpty || urgent)
            notify();
    }

    // Like post() (not urgent), but first offers the newest letter to `merge(Letter& newest)`, which returns
    // true when it absorbed the new value (say, one more batch report into a group); otherwise posts make().
    template <typename Merge, typename Make, typename Notify>
    void postOrMerge(Merge merge, Make make, Notify notify)
    {
        const std::lock_guard lock(m_mutex);
        if (!m_letters.empty() && merge(m_letters.back()))
            return; // the box was not empty: a notification is already on its way
        const bool wasEmpty = m_letters.empty();
        m_letters.push_back(make());
        if (wasEmpty)
            notify();
    }

    // The oldest letter, if any.
    std::optional<Letter> takeOne()
    {
        const std::lock_guard lock(m_mutex);
        if (m_letters.empty())
            return std::nullopt;
        std::optional<Letter> letter(std::move(m_letters.front()));
        m_letters.pop_front();
        if (m_letters.empty())
            m_urgent.store(false, std::memory_order_relaxed);
        return letter;
    }

    // Every letter, oldest first; the box is empty afterwards.
    std::vector<Letter> takeAll()
    {
        const std::lock_guard lock(m_mutex);
        return takeAllLocked();
    }

    // Like takeAll(), but nothing (not an empty list) when the sender holds the lock just now: ask again soon.
    std::optional<std::vector<Letter>> tryTakeAll()
    {
        const std::unique_lock lock(m_mutex, std::try_to_lock);
        if (!lock.owns_lock())
            return std::nullopt;
        return takeAllLocked();
    }

    // An urgent letter waits (takeOne() may leave this set a little longer than needed, never shorter). A hint
    // read without the lock: the letters themselves are only ever taken under it.
    bool hasUrgent() const { return m_urgent.load(std::memory_order_relaxed); }

private:
    std::vector<Letter> takeAllLocked()
    {
        std::vector<Letter> letters;
        letters.reserve(m_letters.size());
        for (Letter& letter : m_letters)
            letters.push_back(std::move(letter));
        m_letters.clear();
        m_urgent.store(false, std::memory_order_relaxed);
        return letters;
    }

    std::mutex m_mutex;
    std::deque<Letter> m_letters;
    std::atomic<bool> m_urgent = false;
};

} // namespace neurite::ui
