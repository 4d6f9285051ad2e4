// The design, data and settings a training command starts from, shared by `neurite train` and `neurite sweep`:
// a design file, preset or design chosen for the data; the data loaded as the project's settings say; the
// training options given on the command line applied over the settings.
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

namespace neurite::cli {

std::vector<OptionSpec> trainingOptionSpecs()
{
    std::vector<OptionSpec> options = {
        {"design", "FILE", "a .neurite project or a design JSON file saved from the designer"},
        {"preset", "NAME", "a built-in design fitted to the data: mlp, logistic, lenet or resnet-small"},
        {"data", "NAME|DIR|FILE",
         "mnist-10k (default), fashion-mnist, mnist, iris, a generated set (circle, xor, gauss, spiral, blobs, "
         "plane, gauss-regression), painted (the points of --points-file), a folder of IDX files, a folder of images "
         "in class "
         "folders (DIR/<class>/*.png|jpg, or DIR/train/ and DIR/test/), or a CSV/TSV table"}};
    // --noise is listed once, with augmentation's options: it is a generated set's noise when --data is one.
    for (const OptionSpec& option : dataOptionSpecs())
        if (option.name != "noise")
            options.push_back(option);
    const std::vector<OptionSpec> training = {
        {"epochs", "N", "passes over the training set"},
        {"batch", "N", "mini-batch size"},
        {"optimizer", "NAME", "sgd, adam, adamw or rmsprop"},
        {"lr", "X", "learning rate"},
        {"momentum", "X", "SGD momentum"},
        {"nesterov", "", "SGD with Nesterov momentum"},
        {"from-weights", "",
         "start from the weights the --design file holds (a trained project or an ONNX model: "
         "fine-tuning) instead of new ones from the seed"},
        {"weight-decay", "X", "L2 weight decay (decoupled for adamw)"},
        {"schedule", "NAME", "learning-rate schedule: constant, step or cosine"},
        {"step-epochs", "N", "step schedule: epochs between decays"},
        {"gamma", "X", "step schedule: decay factor"},
        {"validation-split", "X", "fraction of the training set held out for validation (0 to 0.9)"},
        {"patience", "N", "early stopping after N epochs without validation improvement (0 = off)"},
        {"seed", "N", "random seed for initialisation and shuffling"},
        {"threads", "N", "worker threads (0: one for a small batch, else all cores)"},
        {"health-every", "N",
         "sample layer health every N batches (0 = automatically, within about 2% of the training time; -1 = off)"},
    };
    options.insert(options.end(), training.begin(), training.end());
    for (const OptionSpec& option : augmentationOptionSpecs())
        options.push_back(option);
    return options;
}

void applyTrainingOptions(const Arguments& a, TrainingSettings& s, bool generatedData)
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
    s.healthEvery = int(a.integer("health-every", s.healthEvery, -1, 1000000));
    applyAugmentationOptions(a, s.augmentation, generatedData);
    try {
        validateSettings(s);
    } catch (const NeuriteError& e) {
        throw UsageError(e.what()); // a setting given on the command line (or in the design) is out of range
    }
}

namespace {

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

PreparedTraining prepareTraining(const Arguments& a, bool quiet)
{
    PreparedTraining prepared{designToTrain(a), {}};
    prepared.loaded = loadDataToTrainOn(a, prepared.plan, quiet);
    const Dataset& data = prepared.loaded.data;
    fitToData(prepared.plan, data);
    Project& project = prepared.plan.project;
    if (prepared.loaded.image)
        project.settings.image = *prepared.loaded.image;
    if (prepared.loaded.plane)
        project.settings.plane = *prepared.loaded.plane;
    applyTrainingOptions(a, project.settings, isPlaneDataSet(data.name));
    project.settings.dataSet = data.name;
    return prepared;
}

Network networkToTrain(const PreparedTraining& prepared, const Arguments& a)
{
    const Project& project = prepared.plan.project;
    Network network(project.spec, project.settings.seed);
    if (project.settings.startFromWeights)
        startFromProjectWeights(network, project, a.text("design"));
    checkDataFitsNetwork(network, prepared.loaded.data);
    return network;
}

} // namespace neurite::cli
