// Running one piece of work per image on all cores (the thread pool: oneTBB, or plain threads in
// ThreadSanitizer builds), with progress and the first error carried back to the caller's thread.
#pragma once

#include <cstddef>
#include <functional>

namespace neurite {

// Calls work(i) once for each i in [0, count), several at a time, and progress(done, count) after each
// (one call at a time, from the working threads). When a call throws, the others stop taking images and
// the exception of the lowest index that failed is rethrown here.
void forEachImage(std::size_t count, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t, std::size_t)>& progress);

} // namespace neurite
