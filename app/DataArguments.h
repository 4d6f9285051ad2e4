// The options that say how data given by path is read (--target, --test-split, --column ...), shared by
// the commands that load data.
#pragma once

#include "Arguments.h"
#include "neurite/DataSets.h"
#include "neurite/ImageFolder.h"

#include <vector>

namespace neurite::cli {

// --data-dir, --target, --test-split, --split-seed, --column NAME=ROLE (repeatable), --image-size WxH,
// --channels grey|rgb, and the two-dimensional sets' --points, --noise, --data-seed, --classes, --features and
// --points-file.
std::vector<OptionSpec> dataOptionSpecs();

// The DataOptions those options give, with the points of --points-file read. Throws UsageError for a --column
// without NAME=ROLE or with an unknown role, or an unknown feature; NeuriteError for a points file that
// cannot be read as points.
DataOptions dataOptions(const Arguments& arguments);

// --data, or `fallback` when it is not given; "painted" when --points-file is given (which --data may only
// repeat). Throws UsageError for --points-file with another data set.
std::string dataNameOf(const Arguments& arguments, const std::string& fallback);

// Whether --data NAME is a folder of images in class folders (not a named data set, not IDX files).
bool namesImageFolder(const std::string& name);

} // namespace neurite::cli
