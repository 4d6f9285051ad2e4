// A two-dimensional set's options as JSON: the painted points compactly, as [x1, x2, target] arrays.
#include "training/PlaneSettingsJson.h"

#include "neurite/Error.h"

#include <limits>

namespace neurite {

namespace {

Json paintedToJson(const PaintedPoints& painted)
{
    Json points = Json::array();
    for (const PlanePoint& point : painted.points)
        points.push_back(Json::array({numberToJson(point.x1), numberToJson(point.x2), numberToJson(point.target)}));
    return {{"regression", painted.regression}, {"classes", painted.classes}, {"points", std::move(points)}};
}

PlanePoint pointFromJson(const Json& value, const JsonLocation& at)
{
    expectArray(value, at);
    if (value.size() != 3)
        at.fail("expected [x1, x2, class or value], three numbers");
    const auto number = [&](std::size_t i) { return expectNumber(value[i], at[i]); };
    return {number(0), number(1), number(2)};
}

PaintedPoints paintedFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    PaintedPoints painted;
    if (const Json* regression = optionalMember(value, "regression", at))
        painted.regression = expectBool(*regression, at["regression"]);
    if (const Json* classes = optionalMember(value, "classes", at)) {
        expectArray(*classes, at["classes"]);
        if (classes->size() > std::size_t(kMaxPaintedClasses))
            at["classes"].fail("more than " + std::to_string(kMaxPaintedClasses) + " class names");
        for (std::size_t i = 0; i < classes->size(); ++i)
            painted.classes.push_back(expectString((*classes)[i], at["classes"][i]));
    }
    if (const Json* points = optionalMember(value, "points", at)) {
        expectArray(*points, at["points"]);
        if (points->size() > kMaxPaintedPoints)
            at["points"].fail("more than " + std::to_string(kMaxPaintedPoints) + " points");
        painted.points.reserve(points->size());
        for (std::size_t i = 0; i < points->size(); ++i)
            painted.points.push_back(pointFromJson((*points)[i], at["points"][i]));
    }
    try {
        checkPaintedPoints(painted);
    } catch (const NeuriteError& e) {
        at.fail(e.what());
    }
    return painted;
}

PlaneFeatureSet featuresFromJson(const Json& value, const JsonLocation& at)
{
    const std::string text = expectString(value, at);
    try {
        return parsePlaneFeatures(text);
    } catch (const NeuriteError& e) {
        at.fail(e.what());
    }
}

int readInt(const Json& value, const JsonLocation& at)
{
    return int(expectInteger(value, at, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

Json planeToJson(const PlaneDataOptions& p)
{
    Json json = {{"points", p.points}, {"noise", p.noise},     {"testRatio", p.testRatio},
                 {"seed", p.seed},     {"classes", p.classes}, {"features", planeFeaturesText(p.features)}};
    // Only a project with painted points carries them.
    if (p.painted != PaintedPoints{})
        json["painted"] = paintedToJson(p.painted);
    return json;
}

PlaneDataOptions planeFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    PlaneDataOptions p;
    if (const Json* v = optionalMember(value, "points", at))
        p.points = readInt(*v, at["points"]);
    if (const Json* v = optionalMember(value, "noise", at))
        p.noise = expectNumber(*v, at["noise"]);
    if (const Json* v = optionalMember(value, "testRatio", at))
        p.testRatio = expectNumber(*v, at["testRatio"]);
    if (const Json* v = optionalMember(value, "seed", at))
        p.seed = expectUnsigned(*v, at["seed"]);
    if (const Json* v = optionalMember(value, "classes", at))
        p.classes = readInt(*v, at["classes"]);
    if (const Json* v = optionalMember(value, "features", at))
        p.features = featuresFromJson(*v, at["features"]);
    if (const Json* v = optionalMember(value, "painted", at))
        p.painted = paintedFromJson(*v, at["painted"]);
    return p;
}

} // namespace neurite
