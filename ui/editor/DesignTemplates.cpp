// The built-in starting designs shipped in resources/templates (File > New from Template).
#include "editor/DesignTemplates.h"

#include <neurite/BuiltinTemplates.h>
#include <neurite/Error.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

// Resources of a static library are only linked in when something asks for them by name.
static void initTemplateResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace neurite::ui {

namespace {

QJsonObject readTemplate(const QString& resource)
{
    initTemplateResources();
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        throw NeuriteError("Cannot read the template " + resource.toStdString() + ".");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        throw NeuriteError("Template " + resource.toStdString() +
                           " is not valid JSON: " + error.errorString().toStdString() + ".");
    return document.object();
}

} // namespace

// The list and its order come from the engine, which embeds the same files the qrc holds.
QList<DesignTemplate> designTemplates()
{
    QList<DesignTemplate> result;
    for (const BuiltinTemplate& t : builtinTemplates())
        result.append({QStringLiteral(":/templates/%1.json").arg(QString::fromStdString(t.file)),
                       QString::fromStdString(t.name), QString::fromStdString(t.description), t.settings});
    return result;
}

NetworkSpec loadTemplate(const QString& resource)
{
    const QJsonObject json = readTemplate(resource);
    const QByteArray design = QJsonDocument(json.value("design").toObject()).toJson();
    return specFromJson(design.toStdString(), resource.toStdString());
}

} // namespace neurite::ui
