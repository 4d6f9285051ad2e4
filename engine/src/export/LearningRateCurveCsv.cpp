// A range test's curve as CSV: one row per step (step, learning rate, loss, smoothed loss), floats printed
// so that they read back exactly, and a last column marking the suggested step.
#include "io/AtomicFile.h"
#include "export/ExportSupport.h"
#include "neurite/LearningRateFinder.h"

#include <sstream>

namespace neurite {

std::string learningRateCurveCsv(const LearningRateFinderResult& result)
{
    std::ostringstream out;
    out << "step,learning_rate,loss,smoothed_loss,suggested\n";
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const LearningRatePoint& p = result.points[i];
        const bool suggested = result.suggestion.found && int(i) == result.suggestion.index;
        out << i + 1 << ',' << exactFloat(p.learningRate) << ',' << exactFloat(p.loss) << ','
            << exactFloat(p.smoothedLoss) << ',' << (suggested ? 1 : 0) << '\n';
    }
    return out.str();
}

void exportLearningRateCurveCsv(const LearningRateFinderResult& result, const std::string& path)
{
    writeFileAtomically(path, learningRateCurveCsv(result));
}

} // namespace neurite
