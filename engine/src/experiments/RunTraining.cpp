// One run trained and recorded, for sweeps and `neurite train --project`.
#include "neurite/RunTraining.h"

#include <chrono>

namespace neurite {

RunOutcome runOutcomeOf(TrainingResult::Outcome outcome)
{
    switch (outcome) {
    case TrainingResult::Outcome::Completed: return RunOutcome::Completed;
    case TrainingResult::Outcome::Stopped: return RunOutcome::Stopped;
    case TrainingResult::Outcome::EarlyStopped: return RunOutcome::EarlyStopped;
    case TrainingResult::Outcome::Diverged: return RunOutcome::Diverged;
    }
    return RunOutcome::Completed;
}

RunRecord recordTraining(const NetworkSpec& design, const TrainingSettings& settings, const Dataset& data,
                         const TrainingResult& result, Network& network, double seconds)
{
    RunRecord run;
    run.date = currentRunDate();
    run.design = design;
    run.settings = settings;
    run.settings.dataSet = data.name;
    run.dataSetName = data.name;
    run.classNames = data.classNames;
    run.schema = data.schema;
    run.history = result.history;
    run.outcome = runOutcomeOf(result.outcome);
    run.message = result.message;
    run.seconds = seconds;
    run.weights = network.weights();
    run.test.loss = result.history.testLoss;
    run.test.accuracy = result.history.testAccuracy;
    if (data.task() != TaskKind::Regression && data.test.count() > 0) {
        // The trainer measured loss and accuracy only; the comparison of two runs shows their matrices too.
        const Evaluation e = evaluate(network, data.test, data.classCount());
        run.test.loss = e.loss;
        run.test.accuracy = e.accuracy;
        run.test.confusion = e.confusion;
    }
    if (data.task() == TaskKind::Regression && data.test.count() > 0) {
        const RegressionEvaluation e = evaluateRegression(network, data.test, data.schema.targetMean,
                                                          data.schema.targetDeviation);
        run.test.regression = true;
        run.test.accuracy = kNoValue;
        run.test.loss = e.loss;
        run.test.r2 = e.metrics.r2;
        run.test.mae = e.metrics.mae;
        run.test.rmse = e.metrics.rmse;
    }
    return run;
}

RunRecord trainRun(const NetworkSpec& design, const TrainingSettings& settings, const Dataset& data, ProgressSink* sink,
                   TrainingControl* control)
{
    const auto start = std::chrono::steady_clock::now();
    Network network(design, settings.seed);
    checkDataFitsNetwork(network, data);
    const TrainingResult result = train(network, data, settings, sink, control);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return recordTraining(design, settings, data, result, network, seconds);
}

} // namespace neurite
