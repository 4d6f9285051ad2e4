// The data schema as a JSON value, for the project file (which nests it in its header).
#pragma once

#include "io/JsonInput.h"
#include "neurite/DataSchema.h"

namespace neurite {

Json schemaToJsonValue(const DataSchema& schema);
// Throws NeuriteError naming `at` and the field that is missing or wrong.
DataSchema schemaFromJsonValue(const Json& value, const JsonLocation& at);

} // namespace neurite
