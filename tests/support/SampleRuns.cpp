#include "SampleRuns.h"

#include "TestSupport.h"

#include <random>

namespace neurite::test {

namespace {

TrainingHistory historyOf(const std::vector<float>& validationAccuracies)
{
    TrainingHistory history;
    int epoch = 0;
    for (float accuracy : validationAccuracies) {
        EpochReport e;
        e.epoch = ++epoch;
        e.epochs = int(validationAccuracies.size());
        e.trainLoss = 1.0f / float(epoch);
        e.trainAccuracy = accuracy - 0.01f;
        e.validationLoss = 1.2f / float(epoch);
        e.validationAccuracy = accuracy;
        history.epochs.push_back(e);
    }
    return history;
}

RunRecord run(const std::string& name, const std::string& date, const std::string& optimizer, float lr, int batch,
              int epochs)
{
    RunRecord r;
    r.name = name;
    r.date = date;
    r.design = sampleRunDesign();
    r.settings.optimizer.kind = optimizer;
    r.settings.optimizer.learningRate = lr;
    r.settings.batchSize = batch;
    r.settings.epochs = epochs;
    r.dataSetName = "blobs";
    r.classNames = {"a", "b", "c"};
    return r;
}

} // namespace

NetworkSpec sampleRunDesign()
{
    return chainSpec(4, {dense("out", 3, "softmax")});
}

NetworkSpec sampleRunWideDesign()
{
    return chainSpec(4, {dense("hidden", 5, "relu"), dense("out", 3, "softmax")});
}

Weights sampleRunWeights(unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    NamedTensor w{"out.weight", 4, 3, std::vector<float>(12)};
    NamedTensor b{"out.bias", 1, 3, std::vector<float>(3)};
    for (float& v : w.values)
        v = normal(random);
    for (float& v : b.values)
        v = normal(random);
    return {w, b};
}

std::vector<RunRecord> sampleRuns()
{
    std::vector<RunRecord> runs;
    runs.push_back(run("run 1", "2026-12-01T10:00:00Z", "adam", 0.001f, 32, 3));
    runs.back().history = historyOf({0.8f, 0.91f, 0.9f});
    runs.back().test.accuracy = 0.90f;
    runs.back().seconds = 12.5;
    runs.back().weights = sampleRunWeights(1);

    runs.push_back(run("lr=0.01 batch=128", "2026-12-02T10:00:00Z", "sgd", 0.01f, 128, 5));
    runs.back().history = historyOf({0.7f, 0.85f});
    runs.back().test.accuracy = 0.80f;
    runs.back().seconds = 75;
    runs.back().outcome = RunOutcome::Stopped;
    runs.back().swept = {{"lr", "0.01"}, {"batch", "128"}};
    runs.back().note = "too fast";

    runs.push_back(run("run 3", "2026-12-03T10:00:00Z", "adam", 3e-5f, 8, 2));
    runs.back().design = sampleRunWideDesign();
    runs.back().history = historyOf({0.93f, 0.96f});
    runs.back().test.accuracy = 0.955f;
    runs.back().seconds = 3700;
    runs.back().starred = true;

    runs.push_back(run("run 4", "2026-12-04T10:00:00Z", "rmsprop", 0.1f, 64, 4));
    runs.back().history = historyOf({0.1f});
    runs.back().seconds = 2;
    runs.back().outcome = RunOutcome::Diverged;
    runs.back().weights = sampleRunWeights(2);
    return runs;
}

Project sampleRunsProject()
{
    Project project;
    project.spec = sampleRunDesign();
    project.runs = sampleRuns();
    return project;
}

} // namespace neurite::test
