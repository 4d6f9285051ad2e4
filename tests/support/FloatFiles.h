// Raw float32 files exchanged with the Python references (numpy's tofile / fromfile), and every sample of
// a set as one matrix to write into them.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Tensor.h"

#include <QString>

namespace neurite::test {

void writeFloats(const QString& path, const Matrix& m);
// A (rows, cols) matrix read from `path`; an empty matrix when the file's size says otherwise.
Matrix readFloats(const QString& path, Eigen::Index rows, Eigen::Index cols);
// Every sample of `set` as a row, in order.
Matrix allSamples(const SampleSet& set);

} // namespace neurite::test
