// Images are taken one by one from a shared counter, so that a few large files do not keep one thread
// busy while the others wait.
#include "data/ParallelImages.h"

#include "kernels/ThreadPool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>

namespace neurite {

void forEachImage(std::size_t count, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t, std::size_t)>& progress)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::size_t done = 0;
    std::size_t failedIndex = count;
    std::exception_ptr error;
    const auto worker = [&](int) {
        for (std::size_t i = next++; i < count && !failed; i = next++) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(mutex);
                if (i < failedIndex) {
                    failedIndex = i;
                    error = std::current_exception();
                }
                failed = true;
                return;
            }
            const std::lock_guard<std::mutex> lock(mutex);
            ++done;
            if (progress)
                progress(done, count);
        }
    };
    ThreadPool pool(0);
    pool.run(int(std::min<std::size_t>(count, std::size_t(pool.threads()))), worker);
    if (error)
        std::rethrow_exception(error);
}

} // namespace neurite
