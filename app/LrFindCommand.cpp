// `neurite lr-find`: the learning-rate range test on the design and data `neurite train` would use, with
// the curve drawn as text and the line "Suggested learning rate: X".
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "DataArguments.h"
#include "LearningRateCurveText.h"
#include "TrainingSetup.h"
#include "neurite/LearningRateFinder.h"

#include <iostream>

namespace neurite::cli {
namespace {

Arguments lrFindArguments()
{
    std::vector<OptionSpec> options = {
        {"design", "FILE", "a .neurite project or a design JSON file saved from the designer"},
        {"preset", "NAME", "a built-in design fitted to the data: mlp, logistic, lenet or resnet-small"},
        {"data", "NAME|DIR|FILE", "the data set, as for neurite train (default: the project's, else mnist-10k)"}};
    for (const OptionSpec& option : dataOptionSpecs())
        options.push_back(option);
    const std::vector<OptionSpec> sweep = {
        {"batch", "N", "mini-batch size"},
        {"optimizer", "NAME", "sgd, adam, adamw or rmsprop"},
        {"momentum", "X", "SGD momentum"},
        {"nesterov", "", "SGD with Nesterov momentum"},
        {"weight-decay", "X", "L2 weight decay (decoupled for adamw)"},
        {"from-weights", "", "sweep from the weights the --design file holds instead of new ones from the seed"},
        {"seed", "N", "random seed for initialisation and shuffling"},
        {"threads", "N", "worker threads (0 = all cores)"},
        {"min-lr", "X", "the first learning rate of the sweep (default 1e-7)"},
        {"max-lr", "X", "the last learning rate of the sweep (default 10)"},
        {"steps", "N", "batches in the sweep, one rate each (default 300, 10 to 100000)"},
        {"csv", "FILE", "write the curve (step, learning_rate, loss, smoothed_loss, suggested) here"},
        {"quiet", "", "print only the suggestion"}};
    options.insert(options.end(), sweep.begin(), sweep.end());
    return Arguments(
        "neurite lr-find [--design FILE.neurite|DESIGN.json | --preset NAME] [--data NAME|DIR|FILE] [options]",
        "The learning-rate range test (Smith, 2015): trains a copy of the network for --steps batches while the\n"
        "learning rate grows exponentially from --min-lr to --max-lr, stops early once the loss diverges, and\n"
        "suggests the rate where the smoothed loss falls fastest before its minimum. The design, data and\n"
        "settings are those `neurite train` would use with the same options; no file is changed.",
        options);
}

LearningRateFinderSettings finderSettings(const Arguments& a)
{
    LearningRateFinderSettings finder;
    finder.minLearningRate = float(a.real("min-lr", finder.minLearningRate, 1e-12, 1e6));
    finder.maxLearningRate = float(a.real("max-lr", finder.maxLearningRate, 1e-12, 1e6));
    finder.steps = int(a.integer("steps", finder.steps, 10, 100000));
    if (finder.maxLearningRate <= finder.minLearningRate)
        throw UsageError("--max-lr must be above --min-lr");
    return finder;
}

std::string outcomeText(const LearningRateFinderResult& result)
{
    const std::string steps = std::to_string(result.points.size()) + " steps in " + fixed(result.seconds, 1) + " s";
    if (result.outcome == LearningRateFinderResult::Outcome::Diverged)
        return "The loss diverged at " + significant(result.points.back().learningRate, 2) + " and the sweep stopped " +
               "there, after " + steps + ".";
    return "The sweep reached " + significant(result.points.back().learningRate, 2) + " after " + steps + ".";
}

// On a terminal, the step count on one line that each step redraws.
LearningRateFinderSink progressLine(bool shown)
{
    if (!shown)
        return {};
    return [](const LearningRateFinderProgress& p) {
        std::cout << "\rstep " << p.step << "/" << p.plannedSteps << "  lr " << significant(p.point.learningRate, 2)
                  << "  loss " << significant(p.point.smoothedLoss, 4) << "      " << std::flush;
    };
}

} // namespace

int runLrFind(const Args& args)
{
    Arguments a = lrFindArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const bool quiet = a.has("quiet");
    const LearningRateFinderSettings finder = finderSettings(a);
    const PreparedTraining setup = prepareTraining(a, quiet);
    const TrainingSettings& settings = setup.plan.project.settings;
    const Dataset& data = setup.loaded.data;
    const Network network = networkToTrain(setup, a);
    if (!quiet)
        std::cout << "Sweeping the learning rate from " << significant(finder.minLearningRate, 2) << " to "
                  << significant(finder.maxLearningRate, 2) << " over " << finder.steps << " batches of "
                  << settings.batchSize << " (" << settings.optimizer.kind << ", " << network.parameterCount()
                  << " parameters) on " << data.name << "\n";
    const bool terminal = !quiet && stdoutIsTerminal();
    const LearningRateFinderResult result = findLearningRate(network, data, settings, finder, progressLine(terminal));
    if (terminal)
        std::cout << "\r" << std::string(60, ' ') << "\r";
    if (a.has("csv")) {
        exportLearningRateCurveCsv(result, a.text("csv"));
        if (!quiet)
            std::cout << "Wrote the curve to " << a.text("csv") << "\n";
    }
    if (!quiet)
        std::cout << learningRateCurvePlot(result) << outcomeText(result) << "\n" << result.suggestion.reason << "\n";
    if (!result.suggestion.found) {
        if (quiet)
            std::cout << result.suggestion.reason << "\n";
        return 1;
    }
    std::cout << "Suggested learning rate: " << significant(result.suggestion.learningRate, 2) << "\n";
    return 0;
}

} // namespace neurite::cli
