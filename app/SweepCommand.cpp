// `neurite sweep`: trains one run per combination of swept settings and layer options (a grid, or a random
// sample of it), prints a line per finished run and then the runs ranked by their test metric; writes them
// as CSV (--out) and keeps them in a project (--project).
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "RunStore.h"
#include "SweepTableText.h"
#include "TrainingSetup.h"
#include "neurite/Error.h"
#include "neurite/SweepResults.h"
#include "neurite/SweepRunner.h"

#include <iostream>
#include <limits>

namespace neurite::cli {
namespace {

// Runs trained at a time by default. On the two-core machine Neurite is measured on, two runs with one
// thread each took as long as one run after another with both (tests/bench/bench_sweep.cpp: medians of
// 0.75 s and 0.74 s for four mlp runs on mnist-10k), so runs go one at a time: the table fills in order and
// each run has the whole machine.
constexpr int kDefaultConcurrentRuns = 1;

Arguments sweepArguments()
{
    std::vector<OptionSpec> options = trainingOptionSpecs();
    const std::vector<OptionSpec> sweep = {
        {"set", "NAME=V1,V2,...",
         "values to sweep (repeatable): a training setting (lr, batch, epochs, optimizer, momentum, weight-decay, "
         "schedule, seed, ...) or a layer option as LAYER.OPTION (dense1.units=32,64); LOW..HIGH draws "
         "log-uniformly (random search)"},
        {"random", "N", "random search: train N combinations drawn from the grid without repetition"},
        {"search-seed", "N", "which combinations a random search draws (default: --seed)"},
        {"repeats", "K", "train each combination K times with seeds seed, seed+1, ... (noise)"},
        {"parallel", "N", "runs trained at a time, the threads divided between them (default 1)"},
        {"out", "FILE.csv", "write the ranked results as CSV"},
        {"project", "FILE", "keep every run in this project (created when missing)"},
        {"quiet", "", "print only the ranked table"}};
    options.insert(options.end(), sweep.begin(), sweep.end());
    return Arguments(
        "neurite sweep [--design FILE | --preset NAME] [--data NAME] --set NAME=V1,V2 [--set ...] [options]",
        "Trains one run per combination of the --set values (the first --set changing slowest), one after\n"
        "another, and prints the runs ranked by test accuracy (R\u00b2 for a regression). Other options set\n"
        "what every run shares, as for `neurite train`.",
        options);
}

Experiment experimentFrom(const Arguments& a, const Project& project)
{
    Experiment experiment;
    experiment.design = project.spec;
    experiment.settings = project.settings;
    for (const std::string& text : a.all("set"))
        experiment.axes.push_back(parseSweepAxis(text));
    if (experiment.axes.empty())
        throw UsageError("give at least one --set NAME=V1,V2,... (e.g. --set lr=0.001,0.01)");
    if (a.has("random")) {
        experiment.search = SearchKind::Random;
        experiment.budget = int(a.integer("random", 1, 1, long(kMaxSweepRuns)));
    }
    experiment.searchSeed = std::uint64_t(
        a.integer("search-seed", long(project.settings.seed), 0, std::numeric_limits<long>::max()));
    experiment.repeats = int(a.integer("repeats", 1, 1, 1000));
    return experiment;
}

void printFinished(int index, int count, const RunRecord& run)
{
    std::cout << "[" << (index + 1) << "/" << count << "] " << run.name << ": " << runMetricText(run) << " ("
              << runTimeText(run.seconds)
              << (run.outcome != RunOutcome::Completed ? ", " + std::string(runOutcomeName(run.outcome)) : "") << ")\n"
              << std::flush;
}

} // namespace

int runSweep(const Args& args)
{
    Arguments a = sweepArguments();
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    if (a.has("from-weights"))
        throw UsageError("a sweep trains every run from its seed: --from-weights is for `neurite train`");
    const bool quiet = a.has("quiet");
    PreparedTraining prepared = prepareTraining(a, quiet);
    const Dataset& data = prepared.loaded.data;
    const std::vector<PlannedRun> plan = planSweep(experimentFrom(a, prepared.plan.project));
    if (!quiet)
        std::cout << "Sweeping " << plan.size() << (plan.size() == 1 ? " run" : " runs") << " on " << data.name << "\n";

    SweepRunner runner(plan, data, int(a.integer("parallel", kDefaultConcurrentRuns, 1, 64)));
    const int count = int(plan.size());
    runner.onRunFinished([quiet, count](int index, const RunRecord& run) {
        if (!quiet)
            printFinished(index, count, run);
    });
    runner.onRunFailed([&plan](int index, const std::string& message) {
        std::cerr << plan[std::size_t(index)].name << ": " << message << "\n";
    });
    runner.run();
    const std::vector<RunRecord> runs = runner.finishedRuns();
    std::cout << "\n";
    printRunTable(runs, std::cout);
    if (a.has("out")) {
        saveSweepResultsCsv(runs, a.text("out"));
        std::cout << "Wrote " << a.text("out") << "\n";
    }
    if (a.has("project"))
        keepRunsInProject(a.text("project"), runs);
    return runs.size() == plan.size() ? 0 : 1;
}

} // namespace neurite::cli
