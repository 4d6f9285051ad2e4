// The batch split: with two or more threads, a training step runs the first half of the batch through this
// network and the second half through a replica of its layers, each on one thread from the input to the
// weight gradients, and then averages the two halves' gradients. One fork per step replaces one per matrix
// product and per layer (whose small products, at batch 32, left the second thread waiting most of the
// time), and each thread keeps its own activations in its own cache.
//
// The result is the same mean gradient as one pass over the whole batch, summed in another order, so it is
// deterministic for a seed and thread count as before. Layers that normalise over the batch (BatchNorm)
// would see half a batch each and change what the network learns: such networks are never split.
#include "model/NetworkImpl.h"

#include <algorithm>
#include <functional>

namespace neurite {

namespace {

// Below this many multiply-adds per step (forward, per half) the fork costs more than the second thread
// saves: small playground designs train faster on one thread.
constexpr long kSplitThreshold = 400'000;
// Each half needs enough rows for the matrix products to fill their vector registers.
constexpr long kMinimumRowsPerHalf = 8;
// Every split step moves the weights, the second half's gradients and the optimiser's share of the update
// between the two cores' caches (about 1 MB for the reference MLP), which took 60 to 120 us a step on the
// 2-vCPU machine measured: a dense network whose halves do fewer multiply-adds than this per parameter
// trains faster on one thread (the MLP at batch 32: 260,000 samples/s on one thread, 130,000 split; even at
// batch 128). Convolutions reuse each weight hundreds of times a sample and still split at batch 32.
constexpr long kMultiplyAddsPerParameterPerHalf = 64;

// The element ranges [begin, end) of all of `params`' values that part `part` of `parts` handles, so that
// the parts share the weights' bytes evenly whatever the tensors' sizes.
template <class Body>
void forEachShareOfElements(const std::vector<ParameterRef>& params, int part, int parts, const Body& body)
{
    long total = 0;
    for (const ParameterRef& p : params)
        total += p.value->size();
    long begin = 0, end = 0;
    splitRange(total, parts, part, begin, end);
    long offset = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const long size = params[i].value->size();
        const long from = std::max(begin - offset, 0L), to = std::min(end - offset, size);
        if (from < to)
            body(i, from, to);
        offset += size;
    }
}

} // namespace

bool Network::Impl::splitsEvaluation(long rows) const
{
    // No gradients cross between the cores: only the fork and the weights' bytes count.
    const long half = rows / 2;
    return pool && pool->threads() >= 2 && !batchStatistics && half >= kMinimumRowsPerHalf &&
           multiplyAdds * half >= kSplitThreshold;
}

// A training step splits where an evaluation would, and only where the halves also pay for the weights'
// gradients and the optimiser's share crossing between the cores.
bool Network::Impl::splitsBatch(long rows) const
{
    return splitsEvaluation(rows) && multiplyAdds * (rows / 2) >= kMultiplyAddsPerParameterPerHalf * parameterCount;
}

// The replica, built on first use, computing with this network's weights as they are now: read in place
// where every layer kind can, else copied (on both threads) each time it is prepared.
void Network::Impl::prepareReplica()
{
    if (!replica) {
        replica = std::make_unique<Impl>();
        // Its own dropout streams: masks drawn from the same stream as this network's would repeat.
        replica->build(spec, seed + 0x9E3779B97F4A7C15ULL);
        replica->setLayerPools(nullptr);
        splitParameters = trainedTensors();
        replica->splitParameters = replica->trainedTensors();
        replicaReadsWeights = true;
        for (std::size_t i = 1; i < nodes.size(); ++i)
            if (!nodes[i].layer->parameters().empty())
                replicaReadsWeights = replica->nodes[i].layer->readParametersOf(*nodes[i].layer) && replicaReadsWeights;
    }
    if (replicaReadsWeights)
        return;
    const std::vector<ParameterRef>& mine = splitParameters;
    const std::vector<ParameterRef>& theirs = replica->splitParameters;
    pool->run(2, [&](int part) {
        forEachShareOfElements(mine, part, 2, [&](std::size_t i, long from, long to) {
            std::copy(mine[i].value->data() + from, mine[i].value->data() + to, theirs[i].value->data() + from);
        });
    });
}

void Network::Impl::runHalves(long rows, const std::function<void(Impl& net, long begin, long count)>& half)
{
    // Each half runs on one thread: no nested splits of its products.
    struct LayerPoolsBack {
        Impl& net;
        ~LayerPoolsBack() { net.setLayerPools(net.pool.get()); }
    } back{*this};
    setLayerPools(nullptr);
    const long first = rows / 2;
    pool->run(2, [&](int part) {
        if (part == 0)
            half(*this, 0, first);
        else
            half(*replica, first, rows - first);
    });
}

float Network::Impl::splitTrainStep(const Matrix& x, detail::StepTargets targets, int* correct)
{
    prepareReplica();
    const std::vector<ParameterRef>& mine = splitParameters;
    const std::vector<ParameterRef>& theirs = replica->splitParameters;
    const long rows = x.rows(), half = rows / 2;
    const long outputs = nodes[finalNode].shape.size();
    float losses[2] = {0, 0};
    int corrects[2] = {0, 0};
    runHalves(rows, [&](Impl& net, long begin, long count) {
        const int part = begin == 0 ? 0 : 1;
        net.batchPart = x.middleRows(begin, count); // (count, inputSize), copied into this thread's cache
        net.forward(net.batchPart, true);
        const detail::StepTargets own{targets.labels ? targets.labels + begin : nullptr,
                                      targets.values ? targets.values + begin * outputs : nullptr};
        losses[part] = net.lossAndGradient(own, correct ? &corrects[part] : nullptr);
        net.backward();
    });
    // Each half's gradient is its mean; the batch's mean weighs them by their rows.
    const float first = float(half) / float(rows), second = float(rows - half) / float(rows);
    pool->run(2, [&](int part) {
        forEachShareOfElements(mine, part, 2, [&](std::size_t i, long from, long to) {
            float* g = mine[i].grad->data();
            const float* h = theirs[i].grad->data();
            for (long k = from; k < to; ++k)
                g[k] = first * g[k] + second * h[k];
        });
    });
    if (correct)
        *correct = corrects[0] + corrects[1];
    return first * losses[0] + second * losses[1];
}

} // namespace neurite
