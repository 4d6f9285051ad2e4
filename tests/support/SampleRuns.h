// Four runs with known figures for the Runs list's tests: two designs, settings that sort differently as
// numbers and as text, one stopped, one diverged, one starred, one with a note, two with their weights.
#pragma once

#include "neurite/ProjectFile.h"
#include "neurite/RunRecord.h"

#include <vector>

namespace neurite::test {

// The design of runs 0, 1 and 3: four inputs, one Dense of three softmax units.
NetworkSpec sampleRunDesign();
// Run 2's design: the same with a hidden Dense of five ReLU units ("hidden") before it.
NetworkSpec sampleRunWideDesign();
// Random weights (seeded) for a design of sampleRunDesign()'s shape.
Weights sampleRunWeights(unsigned seed);

// 0 "run 1": adam, lr 0.001, batch 32, 3 of 3 epochs, best validation 0.91, test 0.90, 12.5 s, weights.
// 1 "lr=0.01 batch=128": sgd, lr 0.01, batch 128, 2 of 5 epochs (stopped), best validation 0.85, test 0.80,
//   75 s, swept lr and batch, note "too fast", no weights.
// 2 "run 3": adam, lr 3e-05, batch 8, 2 of 2 epochs, best validation 0.96, test 0.955, 3700 s, starred,
//   the wide design, no weights.
// 3 "run 4": rmsprop, lr 0.1, batch 64, diverged after 1 of 4 epochs, untested, 2 s, weights.
std::vector<RunRecord> sampleRuns();
// A project of sampleRunDesign() that keeps sampleRuns().
Project sampleRunsProject();

} // namespace neurite::test
