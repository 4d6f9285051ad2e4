// `neurite train`: trains a design or preset with a per-epoch progress bar, then reports test accuracy.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "ConsoleProgress.h"
#include <neurite/DesignFile.h>
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"

#include <iostream>

namespace neurite::cli {
namespace {

Arguments trainArguments()
{
    return Arguments(
        "neurite train [--design FILE.neurite|DESIGN.json | --preset NAME] [--data NAME|DIR] [options]",
        "Trains a network and prints a progress line per epoch and the final test accuracy.\n"
        "Settings come from the .neurite project (a design JSON file, like a preset, uses the defaults:\n"
        "Adam, lr 1e-3, batch 32, 10 epochs); options given here override them.",
        {{"design", "FILE", "a .neurite project or a design JSON file saved from the designer"},
         {"preset", "NAME", "a built-in design: mlp (784-128-64-10, default), logistic, lenet or resnet-small"},
         {"data", "NAME|DIR", "mnist-10k (default), fashion-mnist, mnist, or a folder of IDX files"},
         {"data-dir", "DIR", "where named data sets live (default $NEURITE_DATA_DIR or ~/.local/share/neurite)"},
         {"epochs", "N", "passes over the training set"},
         {"batch", "N", "mini-batch size"},
         {"optimizer", "NAME", "sgd, adam, adamw or rmsprop"},
         {"lr", "X", "learning rate"},
         {"momentum", "X", "SGD momentum"},
         {"nesterov", "", "SGD with Nesterov momentum"},
         {"weight-decay", "X", "L2 weight decay (decoupled for adamw)"},
         {"schedule", "NAME", "learning-rate schedule: constant, step or cosine"},
         {"step-epochs", "N", "step schedule: epochs between decays"},
         {"gamma", "X", "step schedule: decay factor"},
         {"validation-split", "X", "fraction of the training set held out for validation (0 to 0.9)"},
         {"patience", "N", "early stopping after N epochs without validation improvement (0 = off)"},
         {"seed", "N", "random seed for initialisation and shuffling"},
         {"threads", "N", "worker threads (0 = all cores)"},
         {"out", "FILE", "save the trained project (design, settings, weights, history) here"},
         {"quiet", "", "print only the final result"}});
}

void applyOptions(const Arguments& a, TrainingSettings& s)
{
    s.dataSet = a.text("data", s.dataSet);
    s.epochs = int(a.integer("epochs", s.epochs, 1, 100000));
    s.batchSize = int(a.integer("batch", s.batchSize, 1, 1 << 20));
    s.optimizer.kind = a.text("optimizer", s.optimizer.kind);
    s.optimizer.learningRate = float(a.real("lr", s.optimizer.learningRate, 1e-12, 1e6));
    s.optimizer.momentum = float(a.real("momentum", s.optimizer.momentum, 0, 0.9999));
    if (a.has("nesterov"))
        s.optimizer.nesterov = true;
    s.optimizer.weightDecay = float(a.real("weight-decay", s.optimizer.weightDecay, 0, 10));
    s.schedule.kind = a.text("schedule", s.schedule.kind);
    s.schedule.stepEpochs = int(a.integer("step-epochs", s.schedule.stepEpochs, 1, 100000));
    s.schedule.gamma = float(a.real("gamma", s.schedule.gamma, 1e-6, 1));
    s.validationSplit = float(a.real("validation-split", s.validationSplit, 0, 0.9));
    s.earlyStoppingPatience = int(a.integer("patience", s.earlyStoppingPatience, 0, 100000));
    s.seed = std::uint64_t(a.integer("seed", long(s.seed), 0, std::numeric_limits<long>::max()));
    s.threads = int(a.integer("threads", s.threads, 0, 1024));
    try {
        validateSettings(s);
    } catch (const NeuriteError& e) {
        throw UsageError(e.what()); // a setting given on the command line (or in the design) is out of range
    }
}

Project projectToTrain(const Arguments& a)
{
    if (a.has("design") && a.has("preset"))
        throw UsageError("give either --design or --preset, not both");
    if (a.has("design"))
        return loadProjectOrDesign(a.text("design"));
    const std::string name = a.text("preset", "mlp");
    const auto spec = preset(name);
    if (!spec)
        throw UsageError("unknown preset '" + name + "' (choose mlp, logistic, lenet or resnet-small)");
    Project project;
    project.spec = *spec;
    return project;
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

} // namespace

int runTrain(const Args& args)
{
    Arguments a = trainArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    Project project = projectToTrain(a);
    applyOptions(a, project.settings);
    const bool quiet = a.has("quiet");

    const Dataset data = loadDataset(project.settings.dataSet, a.text("data-dir"));
    Network network(project.spec, project.settings.seed);
    checkDataFitsNetwork(network, data);
    if (!quiet)
        std::cout << "Training " << network.parameterCount() << " parameters on " << data.name << " ("
                  << withThousands(double(data.train.count())) << " training, "
                  << withThousands(double(data.test.count())) << " test images), " << project.settings.epochs
                  << " epochs, batch " << project.settings.batchSize << ", " << project.settings.optimizer.kind
                  << " lr " << project.settings.optimizer.learningRate << "\n";

    ConsoleProgress progress(quiet);
    const TrainingResult result = train(network, data, project.settings, &progress);
    progress.finish();

    const TrainingHistory& h = result.history;
    if (result.outcome != TrainingResult::Outcome::Completed)
        std::cout << "Training " << outcomeText(result.outcome) << ": " << result.message << "\n";
    std::cout << "Test accuracy: " << percent(h.testAccuracy) << " (loss " << fixed(h.testLoss, 4) << ") on "
              << withThousands(double(data.test.count())) << " test images of " << data.name << "\n";

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
