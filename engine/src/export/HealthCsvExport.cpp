// The run's layer health as one tidy CSV table, a row per layer per sample, values printed so that they read
// back exactly. `neurite train --health-csv` and the Train tab's Layers view write this.
#include "io/AtomicFile.h"
#include "export/ExportSupport.h"
#include "neurite/ModelExport.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace neurite {
namespace {

// "6.68", "50": a percentile as a column name.
std::string percentileName(double percentile)
{
    char text[16];
    std::snprintf(text, sizeof text, "%g", percentile);
    return text;
}

std::string header()
{
    std::string text = "step,epoch,layer,weight_norm,gradient_norm,update_ratio,dead_fraction";
    for (const char* prefix : {"weight_p", "gradient_p"})
        for (double p : kHealthPercentiles)
            text += std::string(",") + prefix + percentileName(p);
    return text + "\n";
}

// Missing values (NaN: no ReLU) are empty cells.
std::string cell(float value)
{
    return std::isnan(value) ? std::string() : exactFloat(value);
}

// A layer id is the design's; one holding a comma or quote is quoted as RFC 4180 says.
std::string textCell(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void writeLayer(std::ostringstream& out, const HealthSample& sample, const LayerHealth& h)
{
    out << sample.step << ',' << sample.epoch << ',' << textCell(h.layerId) << ',' << cell(h.weightNorm) << ','
        << cell(h.gradientNorm) << ',' << cell(h.updateRatio) << ',' << cell(h.deadFraction);
    for (float p : h.weights.percentiles)
        out << ',' << cell(p);
    for (float p : h.gradients.percentiles)
        out << ',' << cell(p);
    out << '\n';
}

} // namespace

std::string healthCsv(const TrainingHistory& history)
{
    std::ostringstream out;
    out << header();
    for (const HealthSample& sample : history.health)
        for (const LayerHealth& layer : sample.layers)
            writeLayer(out, sample, layer);
    return out.str();
}

void exportHealthCsv(const TrainingHistory& history, const std::string& path)
{
    writeFileAtomically(path, healthCsv(history));
}

} // namespace neurite
