// The options that say how data given by path is read (--target, --test-split, --column ...), shared by
// the commands that load data.
#pragma once

#include "Arguments.h"
#include "neurite/DataSets.h"
#include "neurite/ImageFolder.h"

#include <vector>

namespace neurite::cli {

// --data-dir, --target, --test-split, --split-seed, --column NAME=ROLE (repeatable), --image-size WxH and
// --channels grey|rgb.
std::vector<OptionSpec> dataOptionSpecs();

// The DataOptions those options give. Throws UsageError for a --column without NAME=ROLE or with an
// unknown role.
DataOptions dataOptions(const Arguments& arguments);

// Whether --data NAME is a folder of images in class folders (not a named data set, not IDX files).
bool namesImageFolder(const std::string& name);

} // namespace neurite::cli
