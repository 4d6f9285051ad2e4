// `neurite train`: trains a design or preset (or, without either, a design chosen for the data) with a
// per-epoch progress bar, then reports the test accuracy, or R², MAE and RMSE for a regression.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "ConsoleProgress.h"
#include "RunStore.h"
#include "TrainingSetup.h"
#include "neurite/Error.h"
#include "neurite/LayerHealth.h"
#include "neurite/ModelExport.h"
#include "neurite/ProjectFile.h"
#include "neurite/RunTraining.h"
#include "neurite/Trainer.h"

#include <chrono>
#include <iostream>

namespace neurite::cli {
namespace {

Arguments trainArguments()
{
    std::vector<OptionSpec> options = trainingOptionSpecs();
    options.push_back(
        {"out", "FILE", "save the trained project (design, settings, weights, history, data schema) here"});
    options.push_back(
        {"project", "FILE", "keep this run in a project: appended to its runs (the project is created when missing)"});
    options.push_back(
        {"health-csv", "FILE", "write the layers' health (norms, update ratio, dead ReLUs, percentiles) as CSV"});
    options.push_back({"quiet", "", "print only the final result"});
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

// The warnings of the run's last layer health samples, in plain words.
void printHealth(const TrainingHistory& history, const NetworkSpec& spec)
{
    if (history.health.empty())
        return;
    const std::vector<HealthWarning> warnings = healthWarnings(history.health, spec);
    if (warnings.empty()) {
        std::cout << "Layer health: no warnings\n";
        return;
    }
    std::cout << "Layer health:\n";
    for (const HealthWarning& w : warnings)
        std::cout << "  " << (w.level == HealthLevel::Problem ? "Problem: " : "Watch: ") << w.message << "\n";
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
    PreparedTraining prepared = prepareTraining(a, quiet);
    const Dataset& data = prepared.loaded.data;
    Project& project = prepared.plan.project;

    Network network = networkToTrain(prepared, a);
    const bool table = data.train.kind == SampleKind::TableRow;
    if (!quiet)
        std::cout << "Training " << network.parameterCount() << " parameters on " << data.name << " ("
                  << withThousands(double(data.train.count())) << " training, "
                  << withThousands(double(data.test.count())) << (table ? " test rows), " : " test images), ")
                  << project.settings.epochs << " epochs, batch " << project.settings.batchSize << ", "
                  << project.settings.optimizer.kind << " lr " << project.settings.optimizer.learningRate << "\n";

    ConsoleProgress progress(quiet);
    const auto start = std::chrono::steady_clock::now();
    const TrainingResult result = train(network, data, project.settings, &progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.finish();

    const TrainingHistory& h = result.history;
    if (result.outcome != TrainingResult::Outcome::Completed)
        std::cout << "Training " << outcomeText(result.outcome) << ": " << result.message << "\n";
    printTestResult(network, data, h);
    printHealth(h, project.spec);
    if (a.has("health-csv")) {
        exportHealthCsv(h, a.text("health-csv"));
        std::cout << "Saved layer health to " << a.text("health-csv") << "\n";
    }

    if (a.has("out")) {
        project.weights = network.weights();
        project.history = h;
        project.dataSetName = data.name;
        project.classNames = data.classNames;
        project.schema = data.schema;
        saveProject(project, a.text("out"));
        std::cout << "Saved " << a.text("out") << "\n";
    }
    if (a.has("project"))
        keepRunInProject(a.text("project"),
                         recordTraining(project.spec, project.settings, data, result, network, seconds));
    return result.outcome == TrainingResult::Outcome::Diverged ? 1 : 0;
}

} // namespace neurite::cli
