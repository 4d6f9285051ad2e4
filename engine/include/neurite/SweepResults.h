// A sweep's results as a ranked table: the runs best first, and the same table as CSV (one row per run).
#pragma once

#include "neurite/RunRecord.h"

#include <string>
#include <vector>

namespace neurite {

// Indices into `runs`, best first by runMetric; untested runs last; ties keep their order.
std::vector<std::size_t> rankRuns(const std::vector<RunRecord>& runs);

// The keys the runs swept, in the order they first appear ("lr", "batch", "dense1.units", "repeat").
std::vector<std::string> sweptKeys(const std::vector<RunRecord>& runs);

// A run's value for `key` ("" when it did not sweep it).
std::string sweptValue(const RunRecord& run, const std::string& key);

// Header "rank,name,<swept keys>,metric,test_accuracy,test_loss,r2,best_validation,epochs,seconds,outcome",
// then one row per run in rank order. Numbers in full precision; missing ones empty. Names are quoted as
// CSV needs.
std::string sweepResultsCsv(const std::vector<RunRecord>& runs);

// Writes sweepResultsCsv atomically; throws NeuriteError naming the path.
void saveSweepResultsCsv(const std::vector<RunRecord>& runs, const std::string& path);

} // namespace neurite
