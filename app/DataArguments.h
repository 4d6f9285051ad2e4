// The options that say how data given by path is read (--target, --test-split, --column ...), shared by
// the commands that load data.
#pragma once

#include "Arguments.h"
#include "neurite/DataSets.h"

#include <vector>

namespace neurite::cli {

// --data-dir, --target, --test-split, --split-seed and --column NAME=ROLE (repeatable).
std::vector<OptionSpec> dataOptionSpecs();

// The DataOptions those options give. Throws UsageError for a --column without NAME=ROLE or with an
// unknown role.
DataOptions dataOptions(const Arguments& arguments);

} // namespace neurite::cli
