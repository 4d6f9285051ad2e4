// Finding and loading the default MNIST model shipped with Neurite.
#include "predict/DefaultModel.h"

#include "neurite/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace neurite::ui {

namespace {

constexpr const char* kRelativePath = "resources/models/default-mnist.neurite";

// loadProject reads a file path, so a resource is copied out first.
std::optional<neurite::Project> loadFromResource(const QString& resource)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath("default-mnist.neurite");
    if (!dir.isValid() || !QFile::copy(resource, copy))
        return std::nullopt;
    return neurite::loadProject(QFile::encodeName(copy).toStdString());
}

} // namespace

QStringList defaultModelCandidates()
{
    QStringList candidates{QString::fromLatin1(kDefaultModelResource)};
    if (QCoreApplication::instance()) {
        const QDir exe(QCoreApplication::applicationDirPath());
        candidates << QDir::cleanPath(exe.filePath(QStringLiteral("../") + kRelativePath))
                   << QDir::cleanPath(exe.filePath(kRelativePath));
    }
    const QString source = qEnvironmentVariable("NEURITE_SOURCE_DIR");
    if (!source.isEmpty())
        candidates << QDir::cleanPath(QDir(source).filePath(kRelativePath));
    candidates.removeDuplicates();
    return candidates;
}

std::optional<neurite::Project> loadDefaultModel(QString* foundAt, QString* error)
{
    QStringList problems;
    for (const QString& candidate : defaultModelCandidates()) {
        if (!QFileInfo::exists(candidate))
            continue;
        try {
            std::optional<neurite::Project> project = candidate.startsWith(':')
                                                          ? loadFromResource(candidate)
                                                          : neurite::loadProject(
                                                                QFile::encodeName(candidate).toStdString());
            if (project && project->weights) {
                if (foundAt)
                    *foundAt = candidate;
                return project;
            }
            problems << QCoreApplication::translate("DefaultModel", "%1 has no trained weights").arg(candidate);
        } catch (const neurite::NeuriteError& e) {
            problems << QString::fromStdString(e.what());
        }
    }
    if (error)
        *error = problems.isEmpty()
                     ? QCoreApplication::translate("DefaultModel", "No default model found (looked in %1)")
                           .arg(defaultModelCandidates().join(", "))
                     : problems.join('\n');
    return std::nullopt;
}

} // namespace neurite::ui
