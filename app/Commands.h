// The headless subcommands of `neurite`; each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace neurite::cli {

using Args = std::vector<std::string>;

int runTrain(const Args& args);
int runLrFind(const Args& args);
int runEval(const Args& args);
int runPredict(const Args& args);
int runSummary(const Args& args);
int runBench(const Args& args);
int runData(const Args& args);
int runExport(const Args& args);
int runImport(const Args& args);
int runSweep(const Args& args);
int runRuns(const Args& args);
int runDiff(const Args& args);
int runGui(int argc, char** argv);

} // namespace neurite::cli
