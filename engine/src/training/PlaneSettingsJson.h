// A two-dimensional set's options <-> JSON, for the "plane" object of a project's settings: the generated
// sets' options, the input features and the painted points.
#pragma once

#include "io/JsonInput.h"
#include "neurite/PlaneData.h"

namespace neurite {

Json planeToJson(const PlaneDataOptions& options);
// Missing fields keep their defaults (files saved before features or painted points existed). A field of the
// wrong type, features that are not features, more than 100,000 points, a point that is not three finite
// numbers or an ill-formed class name fails, naming its path; ranges are left to validateSettings().
PlaneDataOptions planeFromJson(const Json& value, const JsonLocation& at);

} // namespace neurite
