// The next training batch gathered while the current step runs (training/NextBatchGather.cpp): on the
// pool's other thread, or by take() without one, it must be exactly the batch gatherBatch gives for the same
// samples, the last short batch included; a discarded batch is forgotten. A run on two threads, whose steps
// do not split and so gather each batch behind the step, must train exactly as on one thread.
#include "neurite/Benchmarks.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"
#include "kernels/ThreadPool.h"
#include "training/NextBatchGather.h"

#include <QtTest>

#include <numeric>
#include <random>

using namespace neurite;

namespace {

// 0 .. count-1 in a seeded random order: a shuffled epoch.
std::vector<std::uint32_t> shuffledIndices(std::size_t count, std::uint64_t seed)
{
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), std::mt19937_64(seed));
    return order;
}

Matrix gathered(const SampleSet& set, const std::uint32_t* indices, int n)
{
    Matrix x;
    gatherBatch(set, indices, n, x);
    return x;
}

// Takes every batch of `batchSize` (the last one shorter) through a NextBatchGather, each started while the
// one before is still in hand, and checks each against gatherBatch's.
void checkEveryBatch(const SampleSet& set, int batchSize, bool background)
{
    const std::vector<std::uint32_t> order = shuffledIndices(set.count(), 7);
    const int samples = int(order.size());
    NextBatchGather ahead;
    ahead.start(set, order.data(), std::min(batchSize, samples), background);
    Matrix x;
    for (int first = 0; first < samples; first += batchSize) {
        const int n = std::min(batchSize, samples - first);
        QVERIFY(ahead.pending());
        ahead.take(x);
        QVERIFY(!ahead.pending());
        if (first + n < samples)
            ahead.start(set, order.data() + first + n, std::min(batchSize, samples - first - n), background);
        QCOMPARE(x.rows(), Eigen::Index(n));
        QVERIFY(x == gathered(set, order.data() + first, n));
    }
}

} // namespace

class TestNextBatchGather : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesGatheredBehindAreTheBatches()
    {
        const Dataset data = syntheticMnist(203, 3); // batches of 32, the last of 11
        ThreadPool pool(2);
        pool.enter([&] { checkEveryBatch(data.train, 32, true); });
    }

    void withoutASecondThreadTakeGathers()
    {
        const Dataset data = syntheticMnist(203, 3);
        checkEveryBatch(data.train, 32, false);
        ThreadPool pool(1);
        pool.enter([&] { checkEveryBatch(data.train, 32, true); });
    }

    void aDiscardedBatchIsForgotten()
    {
        const Dataset data = syntheticMnist(100, 5);
        const std::vector<std::uint32_t> order = shuffledIndices(100, 9);
        ThreadPool pool(2);
        pool.enter([&] {
            NextBatchGather ahead;
            ahead.start(data.train, order.data(), 40, true);
            ahead.discard();
            QVERIFY(!ahead.pending());
            ahead.start(data.train, order.data() + 40, 25, true);
            Matrix x;
            ahead.take(x);
            QVERIFY(x == gathered(data.train, order.data() + 40, 25));
            ahead.start(data.train, order.data() + 65, 35, true); // left pending: the destructor waits
        });
    }

    // The reference MLP's step at batch 32 runs on the calling thread on one thread or two, so with two
    // threads only the gathering moves; the weights and every epoch's loss must be the same to the bit.
    void twoThreadsTrainAsOne()
    {
        const Dataset data = syntheticMnist(1000, 11); // 31 batches of 32 and one of 8 an epoch
        TrainingSettings settings;
        settings.epochs = 2;
        settings.batchSize = 32;
        settings.seed = 4;
        std::vector<TrainingResult> results;
        for (const int threads : {1, 2}) {
            settings.threads = threads;
            Network network(*preset("mlp"), 1);
            QVERIFY(!network.splitsBatch(settings.batchSize));
            results.push_back(train(network, data, settings));
        }
        QVERIFY(results[0].lastWeights == results[1].lastWeights);
        QCOMPARE(results[1].history.epochs.size(), std::size_t(2));
        for (std::size_t e = 0; e < 2; ++e)
            QCOMPARE(results[1].history.epochs[e].trainLoss, results[0].history.epochs[e].trainLoss);
    }
};

QTEST_APPLESS_MAIN(TestNextBatchGather)
#include "tst_nextbatchgather.moc"
