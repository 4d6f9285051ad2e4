// The built-in starting designs shipped in resources/templates (File > New from Template).
#include "editor/DesignTemplates.h"

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

const char* const kTemplateFiles[] = {"reference-mlp", "logistic-regression", "deep-mlp-dropout", "lenet-cnn",
                                      "residual-cnn"};

QJsonObject readTemplate(const QString& resource)
{
    initTemplateResources();
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        throw NeuriteError("Cannot read the template " + resource.toStdString() + ".");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        throw NeuriteError("Template " + resource.toStdString() + " is not valid JSON: " +
                           error.errorString().toStdString() + ".");
    return document.object();
}

} // namespace

QList<DesignTemplate> designTemplates()
{
    QList<DesignTemplate> result;
    for (const char* name : kTemplateFiles) {
        const QString resource = QStringLiteral(":/templates/%1.json").arg(QLatin1String(name));
        try {
            const QJsonObject json = readTemplate(resource);
            result.append({resource, json.value("name").toString(), json.value("description").toString()});
        } catch (const NeuriteError&) {
            // A missing template is a packaging bug; the menu simply lacks it.
        }
    }
    return result;
}

NetworkSpec loadTemplate(const QString& resource)
{
    const QJsonObject json = readTemplate(resource);
    const QByteArray design = QJsonDocument(json.value("design").toObject()).toJson();
    return specFromJson(design.toStdString(), resource.toStdString());
}

} // namespace neurite::ui
