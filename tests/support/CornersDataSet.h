// A tiny IDX data set on disk, for the tests that run the real `neurite` on a folder of files.
#pragma once

#include <QString>

namespace neurite::test {

// Two classes of 28x28 images, a bright square top-left or bottom-right (60 training and 20 test images,
// gzipped IDX files in `folder`); small, so training takes a second.
void writeCornersDataSet(const QString& folder);

} // namespace neurite::test
