// Puts together the design, data and settings of a training command from its options (see TrainingSetup.h).
#include "TrainingSetup.h"

#include "AugmentationArguments.h"
#include "DataArguments.h"
#include "ImageReportText.h"
#include "TableReportText.h"
#include <neurite/DesignFile.h>
#include "neurite/DataSets.h"
#include "neurite/DesignForData.h"
#include "neurite/Error.h"
#include "neurite/ImageFolder.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <iostream>
#include <limits>
#include <optional>

namespace neurite::cli {
namespace {

void applyOptions(const Arguments& a, TrainingSettings& s, bool generatedData)
{
    s.epochs = int(a.integer("epochs", s.epochs, 1, 100000));
    s.batchSize = int(a.integer("batch", s.batchSize, 1, 1 << 20));
    s.optimizer.kind = a.text("optimizer", s.optimizer.kind);
    s.optimizer.learningRate = float(a.real("lr", s.optimizer.learningRate, 1e-12, 1e6));
    s.optimizer.momentum = float(a.real("momentum", s.optimizer.momentum, 0, 0.9999));
    if (a.has("nesterov"))
        s.optimizer.nesterov = true;
    if (a.has("from-weights"))
        s.startFromWeights = true;
    s.optimizer.weightDecay = float(a.real("weight-decay", s.optimizer.weightDecay, 0, 10));
    s.schedule.kind = a.text("schedule", s.schedule.kind);
    s.schedule.stepEpochs = int(a.integer("step-epochs", s.schedule.stepEpochs, 1, 100000));
    s.schedule.gamma = float(a.real("gamma", s.schedule.gamma, 1e-6, 1));
    s.validationSplit = float(a.real("validation-split", s.validationSplit, 0, 0.9));
    s.earlyStoppingPatience = int(a.integer("patience", s.earlyStoppingPatience, 0, 100000));
    s.seed = std::uint64_t(a.integer("seed", long(s.seed), 0, std::numeric_limits<long>::max()));
    s.threads = int(a.integer("threads", s.threads, 0, 1024));
    applyAugmentationOptions(a, s.augmentation, generatedData);
    try {
        validateSettings(s);
    } catch (const NeuriteError& e) {
        throw UsageError(e.what()); // a setting given on the command line (or in the design) is out of range
    }
}

// The design to train, before the data is known: from a file, a preset, or (neither given) chosen later.
struct TrainingPlan {
    Project project;
    bool hasSettings = false; // a .neurite project keeps its own settings
    bool isPreset = false;
    bool chooseDesign = false;
};

TrainingPlan designToTrain(const Arguments& a)
{
    if (a.has("design") && a.has("preset"))
        throw UsageError("give either --design or --preset, not both");
    TrainingPlan plan;
    if (a.has("design")) {
        plan.hasSettings = designSourceOf(a.text("design")) == DesignSource::Project;
        plan.project = loadProjectOrDesign(a.text("design"));
    } else if (a.has("preset")) {
        const auto spec = preset(a.text("preset"));
        if (!spec)
            throw UsageError("unknown preset '" + a.text("preset") + "' (choose mlp, logistic, lenet or resnet-small)");
        plan.project.spec = *spec;
        plan.isPreset = true;
    } else {
        plan.chooseDesign = true;
    }
    return plan;
}

// A preset is fitted to the data's shape and classes, a missing design chosen for it, and settings that
// did not come with the design suit the data's size.
void fitToData(TrainingPlan& plan, const Dataset& data)
{
    if (plan.isPreset)
        plan.project.spec = adaptDesignToData(plan.project.spec, data);
    if (plan.chooseDesign)
        plan.project.spec = designForData(data);
    if (!plan.hasSettings)
        plan.project.settings = settingsForData(data, plan.project.settings);
}

// The data and, for an image folder or a generated set, how it was read: saved in the project's settings.
struct LoadedData {
    Dataset data;
    std::optional<ImageSettings> image;
    std::optional<PlaneDataOptions> plane;
};

// An image folder is read as the project's settings say (size, channels, test split) unless the command
// line says otherwise, so that a project retrains on the same conversion of its images.
LoadedData loadImageFolderToTrainOn(const std::string& folder, const Arguments& a, const TrainingPlan& plan, bool quiet)
{
    DataOptions options = dataOptions(a);
    const ImageSettings& saved = plan.project.settings.image;
    if (plan.hasSettings && !a.has("image-size")) {
        options.imageRows = saved.rows;
        options.imageCols = saved.cols;
    }
    if (plan.hasSettings && !a.has("channels"))
        options.imageChannels = saved.channels;
    if (plan.hasSettings && !a.has("test-split"))
        options.testSplit = saved.testSplit;
    LoadedData loaded{loadImageFolderReporting(folder, options, quiet), std::nullopt, std::nullopt};
    const ImageEncoding& e = loaded.data.schema.image;
    loaded.image = ImageSettings{e.rows, e.cols, e.channels, float(options.testSplit)};
    return loaded;
}

// `value` takes the project's `saved` one unless the command line gives `option`.
template <typename T>
void keepSavedUnlessGiven(const Arguments& a, const char* option, T& value, const T& saved)
{
    if (!a.has(option))
        value = saved;
}

// A generated set is generated as the project's settings say unless the command line says otherwise, so
// that a project retrains on the same points.
DataOptions dataOptionsToTrainOn(const std::string& name, const Arguments& a, const TrainingPlan& plan)
{
    DataOptions options = dataOptions(a);
    if (!plan.hasSettings || !isPlaneDataSet(name))
        return options;
    const PlaneDataOptions& saved = plan.project.settings.plane;
    PlaneDataOptions& plane = options.plane;
    keepSavedUnlessGiven(a, "points", plane.points, saved.points);
    keepSavedUnlessGiven(a, "noise", plane.noise, saved.noise);
    keepSavedUnlessGiven(a, "test-split", plane.testRatio, saved.testRatio);
    keepSavedUnlessGiven(a, "data-seed", plane.seed, saved.seed);
    keepSavedUnlessGiven(a, "classes", plane.classes, saved.classes);
    keepSavedUnlessGiven(a, "features", plane.features, saved.features);
    keepSavedUnlessGiven(a, "points-file", plane.painted, saved.painted);
    return options;
}

LoadedData loadDataToTrainOn(const Arguments& a, const TrainingPlan& plan, bool quiet)
{
    // --data wins; else the data set the project was trained on; else mnist-10k.
    const std::string name = dataNameOf(a, plan.project.settings.dataSet);
    if (namesImageFolder(name))
        return loadImageFolderToTrainOn(name, a, plan, quiet);
    if (!isTable(name))
        return {loadDataset(name, dataOptions(a)), std::nullopt};
    TableReport report;
    const DataOptions options = dataOptionsToTrainOn(name, a, plan);
    LoadedData loaded{loadTable(name, options, &report), std::nullopt, std::nullopt};
    if (isPlaneDataSet(name))
        loaded.plane = options.plane;
    if (!quiet)
        printTableReport(report, std::cout, false);
    return loaded;
}

// --from-weights (or a project saved with that setting): the run continues from the file's weights.
void startFromProjectWeights(Network& network, const Project& project, const std::string& file)
{
    if (file.empty())
        throw UsageError("--from-weights needs --design with a trained project or an ONNX model");
    if (!project.weights)
        throw NeuriteError(file + " holds no weights to start from: train it first, or leave out --from-weights");
    network.setWeights(*project.weights); // NeuriteError naming a tensor when they are not this design's
}

} // namespace

TrainingSetup prepareTraining(const Arguments& a, bool quiet)
{
    TrainingPlan plan = designToTrain(a);
    LoadedData loaded = loadDataToTrainOn(a, plan, quiet);
    fitToData(plan, loaded.data);
    Project& project = plan.project;
    if (loaded.image)
        project.settings.image = *loaded.image;
    if (loaded.plane)
        project.settings.plane = *loaded.plane;
    applyOptions(a, project.settings, isPlaneDataSet(loaded.data.name));
    project.settings.dataSet = loaded.data.name;
    return {std::move(plan.project), std::move(loaded.data)};
}

Network networkToTrain(const TrainingSetup& setup, const Arguments& a)
{
    Network network(setup.project.spec, setup.project.settings.seed);
    if (setup.project.settings.startFromWeights)
        startFromProjectWeights(network, setup.project, a.text("design"));
    checkDataFitsNetwork(network, setup.data);
    return network;
}

} // namespace neurite::cli
