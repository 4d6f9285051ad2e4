// `neurite train`: trains a design or preset (or, without either, a design chosen for the data) with a
// per-epoch progress bar, then reports the test accuracy, or R², MAE and RMSE for a regression.
#include "Arguments.h"
#include "AugmentationArguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "ConsoleProgress.h"
#include "DataArguments.h"
#include "TrainingSetup.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"

#include <iostream>

namespace neurite::cli {
namespace {

Arguments trainArguments()
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
        {"threads", "N", "worker threads (0 = all cores)"},
        {"out", "FILE", "save the trained project (design, settings, weights, history, data schema) here"},
        {"quiet", "", "print only the final result"}};
    options.insert(options.end(), training.begin(), training.end());
    for (const OptionSpec& option : augmentationOptionSpecs())
        options.push_back(option);
    return Arguments(
        "neurite train [--design FILE.neurite|DESIGN.json | --preset NAME] [--data NAME|DIR|FILE] [options]",
        "Trains a network and prints a progress line per epoch and the final test accuracy (R², MAE and RMSE\n"
        "when a table's target is a number). Without --design or --preset the design is chosen for the data\n"
        "(a table gets an MLP sized to its columns, an image folder a small CNN sized to its images).\n"
        "Settings come from the .neurite project; a design JSON file or a preset uses defaults that suit\n"
        "the data (images: Adam, lr 1e-3, batch 32, 10 epochs; a small table: small batches and early\n"
        "stopping on a validation split). Options given here win.",
        options);
}

const char* outcomeText(TrainingResult::Outcome outcome)
{
    switch (outcome) {
    case TrainingResult::Outcome::Completed: return "completed";
    case TrainingResult::Outcome::Stopped: return "stopped";
    case TrainingResult::Outcome::EarlyStopped: return "stopped early";
    case TrainingResult::Outcome::Diverged: return "diverged";
    }
    return "";
}

void printTestResult(Network& network, const Dataset& data, const TrainingHistory& h)
{
    const bool table = data.train.kind == SampleKind::TableRow;
    const std::string samples = withThousands(double(data.test.count())) + (table ? " test rows" : " test images");
    if (data.test.count() == 0) {
        std::cout << "No test rows: nothing was held out (--test-split 0)\n";
        return;
    }
    if (data.task() == TaskKind::Regression) {
        const RegressionEvaluation e = evaluateRegression(network, data.test, data.schema.targetMean,
                                                          data.schema.targetDeviation);
        std::cout << "Test R\u00b2: " << fixed(e.metrics.r2, 4) << " (MAE " << significant(e.metrics.mae) << ", RMSE "
                  << significant(e.metrics.rmse) << ") on " << samples << " of " << data.name << "\n";
        return;
    }
    std::cout << "Test accuracy: " << percent(h.testAccuracy) << " (loss " << fixed(h.testLoss, 4) << ") on " << samples
              << " of " << data.name << "\n";
}

} // namespace

int runTrain(const Args& args)
{
    Arguments a = trainArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const bool quiet = a.has("quiet");
    TrainingSetup setup = prepareTraining(a, quiet);
    const Dataset& data = setup.data;
    Project& project = setup.project;
    Network network = networkToTrain(setup, a);
    const bool table = data.train.kind == SampleKind::TableRow;
    if (!quiet)
        std::cout << "Training " << network.parameterCount() << " parameters on " << data.name << " ("
                  << withThousands(double(data.train.count())) << " training, "
                  << withThousands(double(data.test.count())) << (table ? " test rows), " : " test images), ")
                  << project.settings.epochs << " epochs, batch " << project.settings.batchSize << ", "
                  << project.settings.optimizer.kind << " lr " << project.settings.optimizer.learningRate << "\n";

    ConsoleProgress progress(quiet);
    const TrainingResult result = train(network, data, project.settings, &progress);
    progress.finish();

    const TrainingHistory& h = result.history;
    if (result.outcome != TrainingResult::Outcome::Completed)
        std::cout << "Training " << outcomeText(result.outcome) << ": " << result.message << "\n";
    printTestResult(network, data, h);

    if (a.has("out")) {
        project.weights = network.weights();
        project.history = h;
        project.dataSetName = data.name;
        project.classNames = data.classNames;
        project.schema = data.schema;
        saveProject(project, a.text("out"));
        std::cout << "Saved " << a.text("out") << "\n";
    }
    return result.outcome == TrainingResult::Outcome::Diverged ? 1 : 0;
}

} // namespace neurite::cli
