// The Runs list's undoable edits: delete a run, restore a run's design and settings.
#include "runs/RunCommands.h"

#include "document/ProjectDocument.h"
#include "editor/GraphToSpec.h"

namespace neurite::ui {

namespace {

RestoredState currentState(const ProjectDocument& document)
{
    return {document.model()->toJson(), document.settings(),   document.trainedWeights(), document.history(),
            document.dataSetName(),     document.classNames(), document.dataSchema()};
}

// The run's design placed where the editor has the same layers now; laid out afresh when some are new.
QJsonObject graphOfRun(const ProjectDocument& document, const NetworkSpec& design)
{
    QHash<QString, QPointF> positions = positionsFromUiState(uiStateJson(*document.model()));
    for (const LayerSpec& layer : design.layers)
        if (!positions.contains(QString::fromStdString(layer.id)))
            return graphFromSpec(design);
    return graphFromSpec(design, positions);
}

// The data a run's weights were trained on comes with them; a run without weights leaves the document's.
RestoredState stateOfRun(const ProjectDocument& document, const RunRecord& run)
{
    if (run.weights)
        return {graphOfRun(document, run.design),
                run.settings,
                run.weights,
                run.history,
                run.dataSetName,
                run.classNames,
                run.schema};
    return {graphOfRun(document, run.design), run.settings,          run.weights,          run.history,
            document.dataSetName(),           document.classNames(), document.dataSchema()};
}

} // namespace

DeleteRunCommand::DeleteRunCommand(ProjectDocument* document, int index, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Delete run '%1'").arg(QString::fromStdString(document->runs().at(index).name)), parent),
      m_document(document), m_index(index)
{
}

void DeleteRunCommand::redo()
{
    m_run = m_document->takeRun(m_index);
}

void DeleteRunCommand::undo()
{
    m_document->insertRun(m_index, std::move(m_run));
    m_run = {};
}

RestoreRunCommand::RestoreRunCommand(ProjectDocument* document, int index)
    : QUndoCommand(QObject::tr("Restore run '%1'").arg(QString::fromStdString(document->runs().at(index).name))),
      m_document(document), m_before(currentState(*document)),
      m_after(stateOfRun(*document, document->runs().at(index)))
{
}

void RestoreRunCommand::redo()
{
    apply(m_after);
}

void RestoreRunCommand::undo()
{
    apply(m_before);
}

// The graph first: a design change drops the weights, which then come back with the design they belong to.
void RestoreRunCommand::apply(const RestoredState& state)
{
    m_document->model()->resetFromJson(state.graph);
    m_document->setSettings(state.settings);
    m_document->setTrainedWeights(state.weights);
    m_document->setHistory(state.history);
    if (state.schema) // a run from before schemas were kept leaves the document's data as it is
        m_document->setDataSet(state.dataSetName, state.classNames, *state.schema);
}

} // namespace neurite::ui
