// Converting the worker's outcome (Qt types, the evaluation of the kept weights) into a plain RunRecord.
#include "training/RunRecordOfOutcome.h"

#include <neurite/RunTraining.h>

namespace neurite::ui {

RunRecord runRecordOfOutcome(const TrainingOutcome& outcome, const DataSetHandle& data)
{
    RunRecord run;
    run.date = currentRunDate();
    run.design = outcome.spec;
    run.settings = outcome.settings;
    run.history = outcome.history;
    for (const EpochReport& e : outcome.history.epochs)
        run.seconds += e.seconds;
    run.outcome = runOutcomeOf(outcome.outcome);
    run.message = outcome.message.toStdString();
    if (!outcome.keptWeights.empty())
        run.weights = outcome.keptWeights;
    if (data) {
        run.dataSetName = data->name;
        run.classNames = data->classNames;
        run.schema = data->schema;
    }
    const TestEvaluation& test = outcome.test;
    if (test.valid && test.regression) {
        run.test.regression = true;
        run.test.loss = test.regressionResult.loss;
        run.test.r2 = test.regressionResult.metrics.r2;
        run.test.mae = test.regressionResult.metrics.mae;
        run.test.rmse = test.regressionResult.metrics.rmse;
    } else if (test.valid) {
        run.test.loss = test.metrics.loss;
        run.test.accuracy = test.metrics.accuracy;
        run.test.confusion = test.metrics.confusion;
    }
    run.history.testLoss = run.test.loss;
    run.history.testAccuracy = run.test.accuracy;
    return run;
}

} // namespace neurite::ui
