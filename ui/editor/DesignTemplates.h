// The built-in starting designs shipped in resources/templates (File > New from Template).
#pragma once

#include <neurite/NetworkSpec.h>
#include <neurite/TrainingSettings.h>

#include <QList>
#include <QString>

#include <optional>

namespace neurite::ui {

struct DesignTemplate {
    QString resource; // ":/templates/reference-mlp.json"
    QString name;     // "Reference MLP (784-128-64-10)"
    QString description;
    std::optional<TrainingSettings> settings; // the data and optimiser the template is meant for, if any
};

// The templates in menu order; the first is the reference MLP shown on first launch.
QList<DesignTemplate> designTemplates();

// The design of a template file ({"name", "description", "design": <network JSON>}). Throws NeuriteError
// naming the file when it cannot be read or parsed.
NetworkSpec loadTemplate(const QString& resource);

} // namespace neurite::ui
