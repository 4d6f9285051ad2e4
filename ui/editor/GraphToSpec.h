// The one translation between the editor's graph and the engine's NetworkSpec, in both directions.
#pragma once

#include "editor/GraphModel.h"

#include <neurite/NetworkSpec.h>

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <string>

namespace neurite::ui {

// Layers in the graph's node order, connections in wiring order. Pure: reads the model only.
NetworkSpec graphToSpec(const GraphModel& graph);

// A graph snapshot (for GraphModel::resetFromJson) of `spec`, nodes placed at `positions`; layers without
// a position are laid out automatically.
QJsonObject graphFromSpec(const NetworkSpec& spec, const QHash<QString, QPointF>& positions = {});

// The UI state kept in a project's uiStateJson: node positions, {"positions": {"dense1": [x, y]}}.
std::string uiStateJson(const GraphModel& graph);
// Positions from a uiStateJson; empty when the text is not JSON or has none (the engine treats it as opaque).
QHash<QString, QPointF> positionsFromUiState(const std::string& json);

} // namespace neurite::ui
