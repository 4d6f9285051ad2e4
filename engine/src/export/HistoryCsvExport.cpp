// The training history as CSV: one row per epoch, values printed so that they read back exactly.
#include "io/AtomicFile.h"
#include "export/ExportSupport.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace neurite {
namespace {

// Missing values (NaN: no validation set) are empty cells, which spreadsheets and pandas read as missing.
std::string cell(float value)
{
    return std::isnan(value) ? std::string() : exactFloat(value);
}

std::string cell(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

} // namespace

void exportHistoryCsv(const TrainingHistory& history, const std::string& path)
{
    std::ostringstream out;
    out << "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,seconds,"
           "samples_per_second,best\n";
    for (const EpochReport& e : history.epochs)
        out << e.epoch << ',' << cell(e.trainLoss) << ',' << cell(e.trainAccuracy) << ',' << cell(e.validationLoss)
            << ',' << cell(e.validationAccuracy) << ',' << cell(e.learningRate) << ',' << cell(e.seconds) << ','
            << cell(e.samplesPerSecond) << ',' << (e.best ? 1 : 0) << '\n';
    writeFileAtomically(path, out.str());
}

} // namespace neurite
