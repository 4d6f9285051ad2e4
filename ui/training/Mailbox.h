// A mutex-guarded queue that hands values from one thread to another in a way ThreadSanitizer can check.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace neurite::ui {

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
// `notify` runs while the lock is held, and the receiver takes the lock when it is told. That orders, for
// TSan too, whatever Qt allocates while posting the notification (its event, freed on the receiving thread)
// before the receiver's side; otherwise the event's new and delete would look like a race.
template <typename Letter>
class Mailbox {
public:
    template <typename Notify>
    void post(Letter letter, bool urgent, Notify notify)
    {
        const std::lock_guard lock(m_mutex);
        const bool wasEmpty = m_letters.empty();
        m_letters.push_back(std::move(letter));
        m_urgent = m_urgent || urgent;
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
        m_urgent = m_urgent && !m_letters.empty();
        return letter;
    }

    // Every letter, oldest first; the box is empty afterwards.
    std::vector<Letter> takeAll()
    {
        const std::lock_guard lock(m_mutex);
        std::vector<Letter> letters;
        letters.reserve(m_letters.size());
        for (Letter& letter : m_letters)
            letters.push_back(std::move(letter));
        m_letters.clear();
        m_urgent = false;
        return letters;
    }

    // An urgent letter waits (takeOne() may leave this set a little longer than needed, never shorter).
    bool hasUrgent() const
    {
        const std::lock_guard lock(m_mutex);
        return m_urgent;
    }

private:
    mutable std::mutex m_mutex;
    std::deque<Letter> m_letters;
    bool m_urgent = false;
};

} // namespace neurite::ui
