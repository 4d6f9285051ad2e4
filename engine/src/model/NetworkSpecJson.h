// The design <-> JSON value conversion, shared by the design JSON text and the project file header.
#pragma once

#include "io/JsonInput.h"
#include "neurite/NetworkSpec.h"

namespace neurite {

Json specToJsonValue(const NetworkSpec& spec);
// Strict: wrong types, missing keys and newer format versions fail, naming `at` and the field.
NetworkSpec specFromJsonValue(const Json& value, const JsonLocation& at);

} // namespace neurite
