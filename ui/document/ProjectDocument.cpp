// One open project: the design graph and its undo stack, the file it lives in, training settings and results.
#include "document/ProjectDocument.h"

#include <neurite/ProjectRuns.h>

#include "editor/GraphCommands.h"
#include "editor/GraphToSpec.h"

#include <neurite/Error.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace neurite::ui {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent)
{
    connect(&m_model, &GraphModel::nodeCreated, this, &ProjectDocument::onDesignEdited);
    connect(&m_model, &GraphModel::nodeRemoved, this, &ProjectDocument::onDesignEdited);
    connect(&m_model, &GraphModel::nodeUpdated, this, &ProjectDocument::onDesignEdited);
    connect(&m_model, &GraphModel::connectionCreated, this, &ProjectDocument::onDesignEdited);
    connect(&m_model, &GraphModel::connectionRemoved, this, &ProjectDocument::onDesignEdited);
    connect(&m_model, &GraphModel::modelReset, this, &ProjectDocument::onDesignEdited);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, &ProjectDocument::updateModified);
    revalidate();
}

NetworkSpec ProjectDocument::spec() const
{
    return graphToSpec(m_model);
}

bool ProjectDocument::canTrain() const
{
    return m_canTrain;
}

bool ProjectDocument::execute(QUndoCommand* command)
{
    if (m_locked && !isLayoutOnly(command)) {
        delete command;
        return false;
    }
    m_undoStack.push(command);
    return true;
}

void ProjectDocument::setDesignLocked(bool locked)
{
    if (m_locked == locked)
        return;
    m_locked = locked;
    Q_EMIT designLockedChanged(locked);
    revalidate(); // canTrain depends on the lock
}

void ProjectDocument::setDataFitChecked(bool checked)
{
    if (checked == m_dataFitChecked)
        return;
    m_dataFitChecked = checked;
    revalidate();
}

void ProjectDocument::setDataOverride(const std::optional<DataFacts>& data)
{
    if (data == m_dataOverride)
        return;
    m_dataOverride = data;
    revalidate();
}

void ProjectDocument::setLoadedData(const DataFacts& data)
{
    if (data == m_loadedData)
        return;
    m_loadedData = data;
    revalidate();
}

std::optional<DataFacts> ProjectDocument::dataFacts() const
{
    if (!m_dataFitChecked)
        return std::nullopt;
    if (m_dataOverride)
        return m_dataOverride;
    if (m_loadedData && m_loadedData->name == m_settings.dataSet)
        return m_loadedData;
    return knownDataFacts(m_settings.dataSet, m_settings.plane);
}

void ProjectDocument::newDesign(const NetworkSpec& spec, const std::string& uiState)
{
    Project project;
    project.spec = spec;
    project.uiStateJson = uiState;
    project.settings = m_settings;
    loadProject(project, QString());
}

void ProjectDocument::loadProject(const Project& project, const QString& path)
{
    m_undoStack.clear();
    m_settings = project.settings;
    m_history = project.history;
    m_dataSetName = project.dataSetName;
    m_classNames = project.classNames;
    m_schema = project.schema;
    m_runs = project.runs;
    m_keptRunWeights = project.keptRunWeights;
    m_weights.reset();
    const QHash<QString, QPointF> positions = positionsFromUiState(project.uiStateJson);
    m_positionsGuessed = positions.isEmpty();
    m_model.resetFromJson(graphFromSpec(project.spec, positions));
    // Set after the reset so that the design change above does not drop them.
    m_weights = project.weights;
    m_weightsSpec = spec();
    m_extraModified = false;
    setPath(path);
    setDesignInfo({}, {});
    setDesignFile({});
    m_undoStack.setClean();
    updateModified();
    Q_EMIT settingsChanged();
    Q_EMIT weightsChanged();
    Q_EMIT documentReset();
    Q_EMIT runsChanged();
}

void ProjectDocument::appendRun(RunRecord run)
{
    neurite::appendRun(m_runs, std::move(run), m_keptRunWeights);
    runsEdited();
}

void ProjectDocument::renameRun(int index, const std::string& name)
{
    neurite::renameRun(m_runs, index, name);
    runsEdited();
}

void ProjectDocument::setRunStarred(int index, bool starred)
{
    neurite::setRunStarred(m_runs, index, starred);
    runsEdited();
}

void ProjectDocument::setRunNote(int index, const std::string& note)
{
    neurite::setRunNote(m_runs, index, note);
    runsEdited();
}

RunRecord ProjectDocument::takeRun(int index)
{
    if (index < 0 || index >= int(m_runs.size()))
        throw NeuriteError(tr("No run number %1").arg(index + 1).toStdString());
    RunRecord run = std::move(m_runs[std::size_t(index)]);
    neurite::deleteRun(m_runs, index);
    runsEdited();
    return run;
}

void ProjectDocument::insertRun(int index, RunRecord run)
{
    m_runs.insert(m_runs.begin() + std::clamp(index, 0, int(m_runs.size())), std::move(run));
    runsEdited();
}

void ProjectDocument::runsEdited()
{
    m_extraModified = true;
    updateModified();
    Q_EMIT runsChanged();
}

Project ProjectDocument::toProject() const
{
    Project project;
    project.spec = spec();
    project.uiStateJson = uiStateJson(m_model);
    project.settings = m_settings;
    project.weights = m_weights;
    project.history = m_history;
    project.dataSetName = m_dataSetName;
    project.classNames = m_classNames;
    project.schema = m_schema;
    project.runs = m_runs;
    project.keptRunWeights = m_keptRunWeights;
    return project;
}

void ProjectDocument::save(const QString& path)
{
    try {
        saveProject(toProject(), QFile::encodeName(path).toStdString());
    } catch (const NeuriteError&) {
        throw;
    } catch (const std::exception& e) {
        // Anything else the writer meets (a filesystem error) is still a user error about this file.
        throw NeuriteError(tr("Could not save %1: %2").arg(path, QString::fromLocal8Bit(e.what())).toStdString());
    }
    setPath(path);
    setModified(false);
}

void ProjectDocument::openDesign(const DesignFile& design, const QString& file)
{
    newDesign(design.spec, design.uiStateJson);
    setDesignInfo(QString::fromStdString(design.name), QString::fromStdString(design.description));
    setDesignFile(file);
}

DesignFile ProjectDocument::toDesignFile(const QString& file) const
{
    DesignFile design;
    design.name = (m_designName.isEmpty() ? QFileInfo(file).completeBaseName() : m_designName).toStdString();
    design.description = m_designDescription.toStdString();
    design.spec = spec();
    design.uiStateJson = uiStateJson(m_model);
    return design;
}

void ProjectDocument::saveDesign(const QString& file)
{
    const DesignFile design = toDesignFile(file);
    saveDesignFile(design, QFile::encodeName(file).toStdString());
    setDesignInfo(QString::fromStdString(design.name), m_designDescription);
    setDesignFile(file);
}

void ProjectDocument::setDesignInfo(const QString& name, const QString& description)
{
    m_designName = name;
    m_designDescription = description;
}

void ProjectDocument::setDesignFile(const QString& file)
{
    if (file == m_designFile)
        return;
    m_designFile = file;
    Q_EMIT designFileChanged();
}

QString ProjectDocument::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool ProjectDocument::isModified() const
{
    return m_extraModified || !m_undoStack.isClean();
}

void ProjectDocument::setModified(bool modified)
{
    m_extraModified = modified;
    if (!modified)
        m_undoStack.setClean();
    updateModified();
}

void ProjectDocument::setSettings(const TrainingSettings& settings)
{
    if (settings == m_settings)
        return;
    const bool otherData = settings.dataSet != m_settings.dataSet;
    m_settings = settings;
    m_extraModified = true;
    updateModified();
    if (otherData)
        revalidate(); // the design is checked against the data set
    Q_EMIT settingsChanged();
}

void ProjectDocument::setTrainedWeights(const std::optional<Weights>& weights)
{
    m_weights = weights;
    m_weightsSpec = spec();
    m_extraModified = true;
    updateModified();
    Q_EMIT weightsChanged();
}

void ProjectDocument::setHistory(const TrainingHistory& history)
{
    m_history = history;
    m_extraModified = true;
    updateModified();
}

void ProjectDocument::setDataSet(const std::string& name, const std::vector<std::string>& classNames,
                                 const DataSchema& schema)
{
    m_dataSetName = name;
    m_classNames = classNames;
    m_schema = schema;
    m_extraModified = true;
    updateModified();
}

void ProjectDocument::onDesignEdited()
{
    revalidate();
    if (m_weights && spec() != m_weightsSpec) {
        m_weights.reset();
        Q_EMIT weightsChanged();
    }
    Q_EMIT designChanged();
}

void ProjectDocument::revalidate()
{
    const NetworkSpec design = spec();
    m_validation = validate(design);
    if (const auto data = dataFacts())
        for (ValidationIssue& issue : checkDesignAgainstData(design, *data))
            m_validation.issues.push_back(std::move(issue));
    const bool canTrain = !m_locked && !m_model.isEmpty() && m_validation.ok();
    Q_EMIT validationChanged();
    if (canTrain != m_canTrain) {
        m_canTrain = canTrain;
        Q_EMIT canTrainChanged(canTrain);
    }
}

void ProjectDocument::setPath(const QString& path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT pathChanged();
}

void ProjectDocument::updateModified()
{
    const bool modified = isModified();
    if (modified == m_lastModified)
        return;
    m_lastModified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace neurite::ui
