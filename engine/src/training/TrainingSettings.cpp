// Range checks on training settings and the learning-rate schedules.
#include "neurite/TrainingSettings.h"

#include "training/Optimizer.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace neurite {

namespace {
constexpr float kMaxValidationSplit = 0.9f;

std::string show(float value)
{
    std::ostringstream out;
    out << value; // "-1", "0.001", "nan"
    return out.str();
}

void requireAtLeast(const char* field, int value, int minimum)
{
    if (value < minimum)
        throw NeuriteError(std::string(field) + " must be at least " + std::to_string(minimum) + " (got " +
                           std::to_string(value) + ")");
}

[[noreturn]] void throwUnknownSchedule(const std::string& kind)
{
    throw NeuriteError("schedule: unknown kind '" + kind + "' (choose constant, step or cosine)");
}

void validateSchedule(const ScheduleSettings& schedule, float learningRate)
{
    if (schedule.kind != "constant" && schedule.kind != "step" && schedule.kind != "cosine")
        throwUnknownSchedule(schedule.kind);
    requireAtLeast("schedule step epochs", schedule.stepEpochs, 1);
    // Comparisons are written so that NaN fails them.
    if (!(schedule.gamma > 0.0f && schedule.gamma <= 1.0f))
        throw NeuriteError("schedule gamma must be in (0, 1] (got " + show(schedule.gamma) + ")");
    const float floor = schedule.minLearningRate;
    if (!(floor >= 0.0f && std::isfinite(floor)))
        throw NeuriteError("schedule minimum learning rate must be >= 0 and finite (got " + show(floor) + ")");
    if (schedule.kind == "cosine" && floor > learningRate)
        throw NeuriteError("schedule minimum learning rate (" + show(floor) + ") must not exceed the learning rate (" +
                           show(learningRate) + ")");
}
// The largest image side settings may ask for (as the image folder loader allows).
constexpr int kMaxImageSide = 4096;

void validateImageSettings(const ImageSettings& image)
{
    const bool chosen = image.rows == 0 && image.cols == 0;
    if (!chosen && !(image.rows >= 1 && image.rows <= kMaxImageSide && image.cols >= 1 && image.cols <= kMaxImageSide))
        throw NeuriteError("image size must be 1 to " + std::to_string(kMaxImageSide) +
                           " pixels a side, or 0x0 for the most common size (got " + std::to_string(image.cols) + "x" +
                           std::to_string(image.rows) + ")");
    if (image.channels != 0 && image.channels != 1 && image.channels != 3)
        throw NeuriteError("image channels must be 1 (grey), 3 (RGB) or 0 (chosen from the data), not " +
                           std::to_string(image.channels));
    if (!(image.testSplit >= 0.0f && image.testSplit <= kMaxValidationSplit))
        throw NeuriteError("image test split must be in [0, 0.9] (got " + show(image.testSplit) + ")");
}
} // namespace

void validateSettings(const TrainingSettings& settings)
{
    requireAtLeast("epochs", settings.epochs, 1);
    requireAtLeast("batch size", settings.batchSize, 1);
    const float split = settings.validationSplit;
    if (!(split >= 0.0f && split <= kMaxValidationSplit))
        throw NeuriteError("validation split must be in [0, 0.9] (got " + show(split) + ")");
    const float testSplit = settings.table.testSplit;
    if (!(testSplit > 0.0f && testSplit <= kMaxValidationSplit))
        throw NeuriteError("table test split must be in (0, 0.9] (got " + show(testSplit) + ")");
    validateImageSettings(settings.image);
    validatePlaneDataOptions(settings.plane);
    requireAtLeast("threads", settings.threads, 0);
    requireAtLeast("early stopping patience", settings.earlyStoppingPatience, 0);
    requireAtLeast("health sampling interval", settings.healthEvery, -1);
    validateOptimizerSettings(settings.optimizer);
    validateSchedule(settings.schedule, settings.optimizer.learningRate);
    validateAugmentation(settings.augmentation);
}

// constant: lr = base
// step:     lr = base * gamma^floor(epoch / stepEpochs)
// cosine:   lr = min + (base - min) * (1 + cos(pi * epoch / max(1, epochs - 1))) / 2
//           so the first epoch trains at base and the last at min; later epochs stay at min.
// `epoch` is 0-based; negative epochs count as 0.
float scheduledLearningRate(const ScheduleSettings& schedule, float base, int epoch, int epochs)
{
    epoch = std::max(epoch, 0);
    if (schedule.kind == "constant")
        return base;
    if (schedule.kind == "step") {
        const int decays = epoch / std::max(schedule.stepEpochs, 1);
        return float(double(base) * std::pow(double(schedule.gamma), decays));
    }
    if (schedule.kind == "cosine") {
        const int last = std::max(1, epochs - 1);
        const double progress = double(std::min(epoch, last)) / last;
        const double floor = schedule.minLearningRate;
        return float(floor + (double(base) - floor) * (1.0 + std::cos(std::numbers::pi * progress)) / 2.0);
    }
    throwUnknownSchedule(schedule.kind);
}

} // namespace neurite
