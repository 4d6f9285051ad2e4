// ThreadPool's arena over plain std::threads, for ThreadSanitizer builds only (see ThreadPool.h): the same
// tasks on the same number of threads, handed out under a std::mutex that TSan can see.
#pragma once

#include "kernels/FloatMode.h"
#include "kernels/ThreadPool.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace neurite {

// One batch of tasks at a time: run() publishes it, the workers and the caller take task indices until none
// is left, and the caller waits until every taken task has finished.
struct ThreadPool::Arena {
    std::mutex oneRunAtATime; // run() may be called from several threads; batches take turns
    std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable allDone;
    const std::function<void(int)>* body = nullptr;
    int tasks = 0;
    int next = 0;
    int unfinished = 0;
    std::exception_ptr error;
    bool stopping = false;
    std::vector<std::thread> workers;

    static int cores() { return int(std::max(1u, std::thread::hardware_concurrency())); }

    explicit Arena(int threads)
    {
        for (int i = 1; i < threads; ++i)
            workers.emplace_back([this] { workerLoop(); });
    }

    ~Arena()
    {
        {
            const std::lock_guard lock(mutex);
            stopping = true;
        }
        workAvailable.notify_all();
        for (std::thread& worker : workers)
            worker.join();
    }

    // Runs tasks while any is left; called with the lock held, returns with it held.
    void takeTasks(std::unique_lock<std::mutex>& lock)
    {
        while (body && next < tasks) {
            const int task = next++;
            const std::function<void(int)>& run = *body;
            lock.unlock();
            std::exception_ptr failure;
            try {
                run(task);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            if (failure && !error)
                error = failure;
            if (--unfinished == 0)
                allDone.notify_all();
        }
    }

    void workerLoop()
    {
        flushDenormals();
        std::unique_lock lock(mutex);
        while (true) {
            workAvailable.wait(lock, [&] { return stopping || (body && next < tasks); });
            if (stopping)
                return;
            takeTasks(lock);
        }
    }

    void run(int count, const std::function<void(int)>& task)
    {
        const std::lock_guard turn(oneRunAtATime);
        std::unique_lock lock(mutex);
        body = &task;
        tasks = unfinished = count;
        next = 0;
        error = nullptr;
        workAvailable.notify_all();
        takeTasks(lock);
        allDone.wait(lock, [&] { return unfinished == 0; });
        body = nullptr;
        if (error)
            std::rethrow_exception(std::exchange(error, nullptr));
    }

    void enter(const std::function<void()>& work) { work(); }
};

} // namespace neurite
