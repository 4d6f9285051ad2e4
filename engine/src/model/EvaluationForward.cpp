// The forward pass of an evaluation (Network::evaluateBatch): the batch goes through the whole network a
// chunk of rows at a time, so that a chunk's activations stay in the processor's caches. Layer after layer
// over the whole batch, a batch of 256 32x32 RGB images through the image-folder CNN writes about 40 MB of
// activations to memory and reads them back; in chunks of about 26 images one thread evaluated 1.6 times as
// many images a second. With two threads the batch's halves run at once, one through this network and one
// through the replica the batch split trains with, each chunk by chunk on its own core.
#include "model/NetworkImpl.h"

#include <algorithm>

namespace neurite {

namespace {

// The activation values (all layers' outputs for its rows) a chunk may hold: 4 MB of floats, a part of the
// last-level cache rather than all of it (two threads run chunks at once, and the layers keep scratch
// buffers beside their outputs).
constexpr long kChunkActivationFloats = 1L << 20;
// Fewer rows make the matrix products too narrow to fill their vector registers.
constexpr long kMinimumChunkRows = 8;

} // namespace

long Network::Impl::evaluationChunkRows() const
{
    long floatsPerRow = 0;
    for (const detail::Node& node : nodes)
        floatsPerRow += node.shape.size();
    return std::max(kMinimumChunkRows, kChunkActivationFloats / std::max(1L, floatsPerRow));
}

// Rows [begin, begin + count) of x through this network, `chunk` rows at a time; the final node's outputs
// go to the same rows of `out`.
void Network::Impl::forwardRowsInChunks(const Matrix& x, long begin, long count, long chunk, Matrix& out)
{
    for (long done = 0; done < count; done += chunk) {
        const long rows = std::min(chunk, count - done);
        batchPart = x.middleRows(begin + done, rows); // (rows, inputSize)
        forward(batchPart, false);
        out.middleRows(begin + done, rows) = *nodes[finalNode].output;
    }
}

const Matrix& Network::Impl::evaluationForward(const Matrix& x)
{
    const long rows = x.rows(), chunk = evaluationChunkRows();
    const bool split = splitsEvaluation(rows);
    if (!split && rows <= chunk) {
        forward(x, false);
        return *nodes[finalNode].output;
    }
    evaluated.resize(rows, nodes[finalNode].shape.size()); // before the threads write their rows
    if (!split) {
        forwardRowsInChunks(x, 0, rows, chunk, evaluated);
        return evaluated;
    }
    prepareReplica();
    runHalves(rows,
              [&](Impl& net, long begin, long count) { net.forwardRowsInChunks(x, begin, count, chunk, evaluated); });
    return evaluated;
}

} // namespace neurite
