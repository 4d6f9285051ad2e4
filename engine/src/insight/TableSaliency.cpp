// Per-column saliency of a table row (see TableSaliency.h).
#include "neurite/TableSaliency.h"

#include "neurite/Error.h"

namespace neurite {

std::vector<ColumnAttribution> columnSaliency(const std::vector<float>& attributions, const TableEncoder& encoder)
{
    if (attributions.size() != std::size_t(encoder.width()))
        throw NeuriteError("Saliency of a table row: " + std::to_string(attributions.size()) +
                           " attributions for a row that encodes to " + std::to_string(encoder.width()) + " values");
    std::vector<ColumnAttribution> columns;
    std::size_t at = 0;
    for (const ColumnEncoding* column : encoder.inputColumns()) {
        // The encoding's layout: a number is one value, a category its one-hot block (TableEncoder::encodeRow).
        const std::size_t width = column->role == ColumnRole::Numeric ? 1 : column->categories.size();
        double sum = 0;
        for (std::size_t i = 0; i < width; ++i)
            sum += attributions[at + i];
        at += width;
        columns.push_back({column->name, float(sum)});
    }
    return columns;
}

} // namespace neurite
