// The training history as one tidy CSV table: a row per batch and a row per epoch, told apart by `kind`,
// values printed so that they read back exactly. The CLI, the File menu and the Train tab all write this.
#include "io/AtomicFile.h"
#include "export/ExportSupport.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace neurite {
namespace {

const char* const kHeader =
    "kind,epoch,batch,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,seconds,"
    "samples_per_second,best\n";

// Missing values (NaN: no validation set) are empty cells, which spreadsheets and pandas read as missing.
std::string cell(float value)
{
    return std::isnan(value) ? std::string() : exactFloat(value);
}

std::string cell(double value)
{
    if (std::isnan(value))
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

// seconds: since the start of the run; the validation columns and `best` stay empty.
void writeBatch(std::ostringstream& out, const BatchReport& b)
{
    out << "batch," << b.epoch << ',' << b.batch << ',' << b.step << ',' << cell(b.loss) << ',' << cell(b.accuracy)
        << ",,," << cell(b.learningRate) << ',' << cell(b.elapsedSeconds) << ',' << cell(b.samplesPerSecond) << ",\n";
}

// loss and accuracy: the epoch's training means; seconds: the epoch's duration; no batch or step.
void writeEpoch(std::ostringstream& out, const EpochReport& e)
{
    out << "epoch," << e.epoch << ",,," << cell(e.trainLoss) << ',' << cell(e.trainAccuracy) << ','
        << cell(e.validationLoss) << ',' << cell(e.validationAccuracy) << ',' << cell(e.learningRate) << ','
        << cell(e.seconds) << ',' << cell(e.samplesPerSecond) << ',' << (e.best ? 1 : 0) << '\n';
}

} // namespace

std::string historyCsv(const TrainingHistory& history)
{
    std::ostringstream out;
    out << kHeader;
    // In the order they happened: each epoch's batches, then the epoch; then the batches of an epoch the
    // run stopped in.
    std::size_t next = 0;
    for (const EpochReport& e : history.epochs) {
        for (; next < history.batches.size() && history.batches[next].epoch <= e.epoch; ++next)
            writeBatch(out, history.batches[next]);
        writeEpoch(out, e);
    }
    for (; next < history.batches.size(); ++next)
        writeBatch(out, history.batches[next]);
    return out.str();
}

void exportHistoryCsv(const TrainingHistory& history, const std::string& path)
{
    writeFileAtomically(path, historyCsv(history));
}

} // namespace neurite
