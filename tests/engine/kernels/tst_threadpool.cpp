// ThreadPool: every task runs once, and every thread that runs training work flushes denormals.
#include "training/OptimizerSupport.h"
#include "kernels/ThreadPool.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

using namespace neurite;

namespace {

constexpr unsigned kFlushToZero = 0x8000;
constexpr unsigned kDenormalsAreZero = 0x0040;

#if defined(__SSE__)
bool flushesDenormals()
{
    const unsigned csr = _mm_getcsr();
    return (csr & kFlushToZero) && (csr & kDenormalsAreZero);
}
#endif

// Records, from inside tasks, how many ran without denormal flushing and on how many threads.
struct FloatModeProbe {
    std::atomic<int> tasks{0};
    std::atomic<int> withoutFlush{0};
    std::mutex mutex;
    std::set<std::thread::id> threads;

    void record()
    {
#if defined(__SSE__)
        if (!flushesDenormals())
            ++withoutFlush;
#endif
        ++tasks;
        const std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
    }
};

// Long enough that both threads take part.
void busyWork()
{
    volatile float x = 1.0f;
    for (int i = 0; i < 200000; ++i)
        x = x * 1.0000001f;
}

} // namespace

class TestThreadPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsEveryTaskOnce();
    void trainingThreadsFlushDenormals();
    void enterRestoresTheCallersFloatMode();
};

void TestThreadPool::runsEveryTaskOnce()
{
    ThreadPool pool(2);
    std::vector<std::atomic<int>> runs(37);
    pool.run(int(runs.size()), [&](int i) { ++runs[std::size_t(i)]; });
    for (const auto& count : runs)
        QCOMPARE(count.load(), 1);
}

// oneTBB re-applies the arena creator's floating-point mode before each task, so a mode set only when a
// thread enters the arena is lost from the second task on; Adam then crawls through denormal moments.
// Checked across many rounds, inside the pool's own loops and inside oneTBB loops nested in enter().
void TestThreadPool::trainingThreadsFlushDenormals()
{
#if !defined(__SSE__)
    QSKIP("denormal flushing is x86-specific");
#else
    QVERIFY(!flushesDenormals()); // the test thread itself is in the default mode
    ThreadPool pool(2), inner(2);
    FloatModeProbe probe;
    for (int round = 0; round < 20; ++round) {
        pool.run(8, [&](int) {
            busyWork();
            probe.record();
        });
        pool.enter([&] {
            probe.record();
            const auto body = [](const void* context, long, long) {
                busyWork();
                static_cast<FloatModeProbe*>(const_cast<void*>(context))->record();
            };
            detail::forEachElementChunkImpl(4 * kParallelElementThreshold, true, body, &probe);
            // A second pool of the same size used inside the first (the network's products inside the
            // trainer's run) runs its loop in the first pool's arena.
            inner.run(8, [&](int) {
                busyWork();
                probe.record();
            });
        });
    }
    QVERIFY(probe.tasks.load() > 20 * 17);
    QCOMPARE(probe.withoutFlush.load(), 0);
    QVERIFY(probe.threads.size() >= 2); // the workers took part (TSan builds: each pool has its own)
#endif
}

void TestThreadPool::enterRestoresTheCallersFloatMode()
{
#if !defined(__SSE__)
    QSKIP("denormal flushing is x86-specific");
#else
    const unsigned before = _mm_getcsr();
    ThreadPool pool(2);
    bool flushedInside = false;
    pool.enter([&] { flushedInside = flushesDenormals(); });
    QVERIFY(flushedInside);
    QCOMPARE(_mm_getcsr(), before);
#endif
}

QTEST_APPLESS_MAIN(TestThreadPool)
#include "tst_threadpool.moc"
