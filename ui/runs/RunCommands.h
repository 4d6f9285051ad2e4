// The Runs list's undoable edits on the document's undo stack: deleting a run, and restoring a run's design
// and settings (with its weights and history when it kept them). Each stores values, never pointers to items.
#pragma once

#include <neurite/DataSchema.h>
#include <neurite/RunRecord.h>

#include <QJsonObject>
#include <QUndoCommand>

#include <optional>

namespace neurite::ui {

class ProjectDocument;

// Removes run `index`; undo puts it back where it was, weights and all.
class DeleteRunCommand : public QUndoCommand {
public:
    DeleteRunCommand(ProjectDocument* document, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument* m_document;
    int m_index;
    RunRecord m_run; // held while deleted
};

// What a restore replaces and puts back: the design (as the editor's graph), the settings, and the trained
// state that goes with them.
struct RestoredState {
    QJsonObject graph;
    TrainingSettings settings;
    std::optional<Weights> weights;
    TrainingHistory history;
    std::string dataSetName;
    std::vector<std::string> classNames;
    std::optional<DataSchema> schema;
};

// Puts run `index`'s design and settings back into the editor and the Train tab. Layers the current design
// also has keep their places; a design with other layers is laid out afresh. Undo brings back what was there.
class RestoreRunCommand : public QUndoCommand {
public:
    RestoreRunCommand(ProjectDocument* document, int index);
    void redo() override;
    void undo() override;

private:
    void apply(const RestoredState& state);

    ProjectDocument* m_document;
    RestoredState m_before;
    RestoredState m_after;
};

} // namespace neurite::ui
