// One open project: the design graph and its undo stack, the file it lives in, training settings and results.
#pragma once

#include <neurite/DesignFile.h>
#include "editor/GraphModel.h"

#include <neurite/DataFit.h>
#include <neurite/Network.h>
#include <neurite/NetworkSpec.h>
#include <neurite/ProjectFile.h>
#include <neurite/TrainingHistory.h>
#include <neurite/TrainingSettings.h>
#include <neurite/Validation.h>

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <optional>

namespace neurite::ui {

// Everything the windows share about the project. Edits to the design go through execute() so that they are
// undoable and refused while training runs; validation is recomputed (by the engine) after each change.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject* parent = nullptr);

    GraphModel* model() { return &m_model; }
    const GraphModel* model() const { return &m_model; }
    QUndoStack* undoStack() { return &m_undoStack; }

    NetworkSpec spec() const;
    const ValidationReport& validation() const { return m_validation; }
    // The design is valid, fits the data set (when checked) and is not locked by a running training.
    bool canTrain() const;
    // Checks the design against the data set it will train on (neurite/DataFit.h): the settings' named
    // data set, or the override. Off by default so that a document alone (tests, tools) judges only the
    // design; the workspace turns it on.
    void setDataFitChecked(bool checked);
    // The data training uses instead of the settings' data set (TrainingPanel::setDataSetOverride).
    void setDataOverride(const std::optional<DataFacts>& data);
    // A data set that has been loaded (a folder's facts are known only then); used while it is the settings'.
    void setLoadedData(const DataFacts& data);
    // What the design is checked against; nullopt when unknown (a folder not loaded yet) or not checked.
    std::optional<DataFacts> dataFacts() const;

    // Pushes `command` (taking ownership). Refused (and deleted) while the design is locked, except moves.
    bool execute(QUndoCommand* command);
    void setDesignLocked(bool locked);
    bool isDesignLocked() const { return m_locked; }

    // Replaces the design (no undo history): New, templates. Clears weights and history, keeps settings.
    void newDesign(const NetworkSpec& spec, const std::string& uiState = "{}");
    void loadProject(const Project& project, const QString& path);
    Project toProject() const;
    // Saves to `path` and makes it the document's path. Throws NeuriteError naming the file on failure;
    // the document (and the old file) are then unchanged.
    void save(const QString& path);

    // Design files (render/DesignFile.h): the design and its node positions as plain JSON. Opening one
    // starts a new, unsaved project holding that design, laid out as it was saved (settings are kept, as
    // for a template); the file becomes designFile().
    void openDesign(const DesignFile& design, const QString& file);
    // The design as a design file; its name is the one it was opened with, else `file`'s base name.
    DesignFile toDesignFile(const QString& file) const;
    // Writes toDesignFile(file) to `file` atomically and makes it designFile(). Throws NeuriteError naming
    // the file. The project's path and unsaved state stay: settings, weights and history live only in a
    // .neurite project.
    void saveDesign(const QString& file);
    // The design file this project's design came from or was last saved to; empty when none.
    QString designFile() const { return m_designFile; }
    // The name and description a design file of this design carries (a template's, or an opened file's).
    void setDesignInfo(const QString& name, const QString& description);

    QString path() const { return m_path; }
    QString displayName() const; // file name, or "Untitled"
    // What the design is called: its template's or design file's name, else displayName().
    QString designName() const { return m_designName.isEmpty() ? displayName() : m_designName; }
    bool isModified() const;
    // The loaded design came without node positions (a template, a design file without them): they were
    // guessed, and the editor may lay them out for its view.
    bool positionsGuessed() const { return m_positionsGuessed; }
    void setModified(bool modified); // false marks the current state as saved

    const TrainingSettings& settings() const { return m_settings; }
    void setSettings(const TrainingSettings& settings);
    const std::optional<Weights>& trainedWeights() const { return m_weights; }
    // Weights belong to the design they were trained with; any later design change drops them.
    void setTrainedWeights(const std::optional<Weights>& weights);
    const TrainingHistory& history() const { return m_history; }
    void setHistory(const TrainingHistory& history);
    const std::string& dataSetName() const { return m_dataSetName; }
    const std::vector<std::string>& classNames() const { return m_classNames; }
    // What the weights were trained on: its name, class names and preprocessing (saved with them).
    void setDataSet(const std::string& name, const std::vector<std::string>& classNames,
                    const neurite::DataSchema& schema);
    const std::optional<neurite::DataSchema>& dataSchema() const { return m_schema; }
    // The runs the project keeps (saved with it); a finished training appends one.
    const std::vector<RunRecord>& runs() const { return m_runs; }
    // Appends `run` (named "run N" when unnamed), keeping weights for the best runs only; marks the
    // project modified.
    void appendRun(RunRecord run);
    // The Runs list's edits (neurite/ProjectRuns.h); each marks the project modified and emits runsChanged.
    // Rename throws NeuriteError for an empty name or one another run has, every one for an unknown index.
    void renameRun(int index, const std::string& name);
    void setRunStarred(int index, bool starred);
    void setRunNote(int index, const std::string& note);
    // Removes run `index` and hands it back (for an undoable delete); insertRun puts it back at `index`.
    RunRecord takeRun(int index);
    void insertRun(int index, RunRecord run);

Q_SIGNALS:
    void designChanged(); // layers, options or wires (not positions)
    void validationChanged();
    void canTrainChanged(bool canTrain);
    void weightsChanged();
    void settingsChanged();
    void pathChanged();
    void designFileChanged();
    void modifiedChanged(bool modified);
    void designLockedChanged(bool locked);
    void documentReset(); // a new or opened project replaced everything
    void runsChanged();

private:
    void onDesignEdited();
    void revalidate();
    void setPath(const QString& path);
    void setDesignFile(const QString& file);
    void updateModified();
    void runsEdited();

    GraphModel m_model;
    QUndoStack m_undoStack;
    ValidationReport m_validation;
    bool m_canTrain = false;
    bool m_locked = false;
    bool m_dataFitChecked = false;
    std::optional<DataFacts> m_dataOverride;
    std::optional<DataFacts> m_loadedData;
    QString m_path;
    QString m_designFile;
    QString m_designName;
    QString m_designDescription;
    bool m_extraModified = false; // changes outside the undo stack: settings, weights
    bool m_positionsGuessed = false;
    bool m_lastModified = false;
    TrainingSettings m_settings;
    std::optional<Weights> m_weights;
    NetworkSpec m_weightsSpec; // the design the weights were trained with
    TrainingHistory m_history;
    std::string m_dataSetName;
    std::vector<std::string> m_classNames;
    std::optional<neurite::DataSchema> m_schema;
    std::vector<RunRecord> m_runs;
    int m_keptRunWeights = 3;
};

} // namespace neurite::ui
