// A table row's saliency per column: the attributions of a number's one input and of a category's one-hot
// block added up, so that each column the user filled in reads as one figure ("petal length pushes
// 'virginica' up by 2.1").
#pragma once

#include "neurite/TableEncoder.h"

#include <string>
#include <vector>

namespace neurite {

struct ColumnAttribution {
    std::string column;
    float value = 0; // the column's share of the score's change from the average row (see Saliency.h)
};

// attributions: encoder.width() values, as SaliencyExplainer gives them for an encoded row. One entry per input
// column, in the form's order (TableEncoder::inputColumns). Throws NeuriteError when the count differs.
std::vector<ColumnAttribution> columnSaliency(const std::vector<float>& attributions, const TableEncoder& encoder);

} // namespace neurite
