// Everything that says how to train, as plain data with defaults (saved in project files).
#pragma once

#include "neurite/Augmentation.h"
#include "neurite/DataSchema.h"
#include "neurite/PlaneData.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace neurite {

struct OptimizerSettings {
    std::string kind = "adam"; // "sgd", "adam", "adamw", "rmsprop"
    float learningRate = 1e-3f;
    float momentum = 0.0f;    // sgd
    bool nesterov = false;    // sgd (needs momentum > 0)
    float beta1 = 0.9f;       // adam, adamw
    float beta2 = 0.999f;     // adam, adamw
    float epsilon = 1e-8f;    // adam, adamw, rmsprop
    float rho = 0.99f;        // rmsprop's moving-average factor (PyTorch's alpha)
    float weightDecay = 0.0f; // L2 for sgd/adam/rmsprop; decoupled for adamw
    bool operator==(const OptimizerSettings&) const = default;
};

struct ScheduleSettings {
    std::string kind = "constant"; // "constant", "step", "cosine"
    int stepEpochs = 5;            // step: multiply by gamma every stepEpochs epochs
    float gamma = 0.5f;
    float minLearningRate = 0.0f; // cosine: the floor reached at the last epoch
    bool operator==(const ScheduleSettings&) const = default;
};

// How a table data set (a CSV/TSV file or a built-in table) is read: saved with the settings so that a
// reopened project trains on the same table. Ignored for image data.
struct TableSettings {
    std::string target;                            // the target column's name (empty: the last column)
    std::map<std::string, ColumnRole> columnRoles; // roles the user set, overriding the inferred ones
    float testSplit = 0.2f;                        // the share of rows held out for testing
    bool operator==(const TableSettings&) const = default;
};

// How an image folder is read: saved with the settings so that a reopened project converts the images the
// same way (the size and channels it chose, even after images are added). Ignored for other data.
struct ImageSettings {
    int rows = 0; // the size images are resized to; 0 (with cols 0): the most common size
    int cols = 0;
    int channels = 0;       // 1 (grey) or 3 (RGB); 0: RGB when any image is in colour
    float testSplit = 0.2f; // without a test/ folder: the stratified share held out for testing
    bool operator==(const ImageSettings&) const = default;
};

struct TrainingSettings {
    std::string dataSet = "mnist-10k";
    TableSettings table;
    ImageSettings image;
    PlaneDataOptions plane; // a generated set (circle, spiral, ...): saved so a project regenerates its points
    int epochs = 10;
    int batchSize = 32;
    OptimizerSettings optimizer;
    ScheduleSettings schedule;
    float validationSplit = 0.0f; // fraction of the training set held out, chosen by the seed
    std::uint64_t seed = 1;
    int threads = 0;                   // 0 = all cores
    int earlyStoppingPatience = 0;     // epochs without validation-loss improvement; 0 = off
    AugmentationSettings augmentation; // training batches of image data only (a table is refused when on)
    // Start from the weights the project holds (an imported model, an earlier run: fine-tuning) rather
    // than from the seed's initialisation.
    bool startFromWeights = false;
    // Layer health: 0 = sampled automatically, within about 2% of the training time; n > 0 = every n batches;
    // -1 = not collected.
    int healthEvery = 0;
    bool operator==(const TrainingSettings&) const = default;
};

// Throws NeuriteError naming the field when a value is out of range (e.g. "batch size must be >= 1").
void validateSettings(const TrainingSettings& settings);

// Learning rate for `epoch` (0-based) of `epochs` under `schedule`, starting from `base`.
float scheduledLearningRate(const ScheduleSettings& schedule, float base, int epoch, int epochs);

} // namespace neurite
