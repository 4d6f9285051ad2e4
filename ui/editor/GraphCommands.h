// Undo commands for every edit of the design; each stores JSON snapshots or values, never pointers to items.
#pragma once

#include "editor/GraphModel.h"

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QUndoCommand>

namespace neurite::ui {

enum CommandId { kMoveCommandId = 1001, kOptionCommandId = 1002 };

// Adds a fragment (nodes and wires): a new node, a wire, a paste, a duplicate.
class InsertCommand : public QUndoCommand {
public:
    InsertCommand(GraphModel* model, const QJsonObject& fragment, const QString& text, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel* m_model;
    QJsonObject m_fragment;
};

// Removes a fragment: delete, cut, removing a wire. Undo puts back exactly what was removed.
class RemoveCommand : public QUndoCommand {
public:
    RemoveCommand(GraphModel* model, const QJsonObject& fragment, const QString& text, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel* m_model;
    QJsonObject m_fragment;
};

// Moves nodes; consecutive drags of the same nodes merge into one step (unless `mergeable` is false, as for
// an automatic layout, which stays a step of its own).
class MoveCommand : public QUndoCommand {
public:
    MoveCommand(GraphModel* model, const QHash<QString, QPointF>& from, const QHash<QString, QPointF>& to,
                const QString& text = {}, bool mergeable = true);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeable ? kMoveCommandId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphModel* m_model;
    QHash<QString, QPointF> m_from;
    QHash<QString, QPointF> m_to;
    bool m_mergeable;
};

// Changes one option of one node; consecutive changes of the same option merge (spin box steps).
class SetOptionCommand : public QUndoCommand {
public:
    SetOptionCommand(GraphModel* model, const QString& nodeId, const std::string& key, const OptionValue& value);
    void redo() override;
    void undo() override;
    int id() const override { return kOptionCommandId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphModel* m_model;
    QString m_nodeId;
    std::string m_key;
    LayerOptions m_before;
    LayerOptions m_after;
};

// Whether a command only moves things (allowed while the design is locked for training).
bool isLayoutOnly(const QUndoCommand* command);

} // namespace neurite::ui
