// Undo commands for every edit of the design; each stores JSON snapshots or values, never pointers to items.
#include "editor/GraphCommands.h"

#include <QSet>

namespace neurite::ui {

InsertCommand::InsertCommand(GraphModel* model, const QJsonObject& fragment, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_model(model), m_fragment(fragment)
{
}

void InsertCommand::redo()
{
    m_model->insertFragment(m_fragment);
}

void InsertCommand::undo()
{
    m_model->removeFragment(m_fragment);
}

RemoveCommand::RemoveCommand(GraphModel* model, const QJsonObject& fragment, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_model(model), m_fragment(fragment)
{
}

void RemoveCommand::redo()
{
    m_model->removeFragment(m_fragment);
}

void RemoveCommand::undo()
{
    m_model->insertFragment(m_fragment);
}

MoveCommand::MoveCommand(GraphModel* model, const QHash<QString, QPointF>& from, const QHash<QString, QPointF>& to,
                         const QString& text, bool mergeable)
    : QUndoCommand(text.isEmpty() ? (to.size() == 1 ? QObject::tr("Move %1").arg(to.keys().first())
                                                    : QObject::tr("Move %1 layers").arg(to.size()))
                                  : text),
      m_model(model), m_from(from), m_to(to), m_mergeable(mergeable)
{
}

void MoveCommand::redo()
{
    for (auto it = m_to.begin(); it != m_to.end(); ++it)
        m_model->setNodePosition(it.key(), it.value());
}

void MoveCommand::undo()
{
    for (auto it = m_from.begin(); it != m_from.end(); ++it)
        m_model->setNodePosition(it.key(), it.value());
}

bool MoveCommand::mergeWith(const QUndoCommand* other)
{
    const auto* move = static_cast<const MoveCommand*>(other);
    if (QSet<QString>(move->m_to.keyBegin(), move->m_to.keyEnd()) != QSet<QString>(m_to.keyBegin(), m_to.keyEnd()))
        return false;
    m_to = move->m_to; // keep our original "from": one undo step returns to before the first drag
    return true;
}

SetOptionCommand::SetOptionCommand(GraphModel* model, const QString& nodeId, const std::string& key,
                                   const OptionValue& value)
    : QUndoCommand(QObject::tr("Change %1 of %2").arg(QString::fromStdString(key), nodeId)), m_model(model),
      m_nodeId(nodeId), m_key(key), m_before(model->node(nodeId).options), m_after(m_before)
{
    m_after[key] = value;
}

void SetOptionCommand::redo()
{
    m_model->setNodeOptions(m_nodeId, m_after);
}

void SetOptionCommand::undo()
{
    m_model->setNodeOptions(m_nodeId, m_before);
}

bool SetOptionCommand::mergeWith(const QUndoCommand* other)
{
    const auto* change = static_cast<const SetOptionCommand*>(other);
    if (change->m_nodeId != m_nodeId || change->m_key != m_key)
        return false;
    m_after = change->m_after;
    return true;
}

bool isLayoutOnly(const QUndoCommand* command)
{
    return dynamic_cast<const MoveCommand*>(command) != nullptr;
}

} // namespace neurite::ui
