// The model a new user can draw with before training anything: resources/models/default-mnist.neurite.
#pragma once

#include "neurite/ProjectFile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace neurite::ui {

constexpr const char* kDefaultModelResource = ":/models/default-mnist.neurite";

// Where the default model is looked for, in order: the Qt resource, <exe dir>/../resources/models/,
// <exe dir>/resources/models/, and $NEURITE_SOURCE_DIR/resources/models/.
QStringList defaultModelCandidates();

// Loads the first candidate that exists and has trained weights; nothing when none does (the reason is in
// `error`, and `foundAt` receives the path used).
std::optional<neurite::Project> loadDefaultModel(QString* foundAt = nullptr, QString* error = nullptr);

} // namespace neurite::ui
