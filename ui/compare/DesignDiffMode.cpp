// Laying the design diff over the Design tab's canvas and taking it away again.
#include "compare/DesignDiffMode.h"

#include "compare/DesignDiffView.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "editor/GraphView.h"
#include "editor/LayerInspector.h"
#include "editor/LayerPalette.h"

#include <QAction>
#include <QEvent>

namespace neurite::ui {

DesignDiffMode::DesignDiffMode(DesignEditor* editor, ProjectDocument* document)
    : QObject(editor), m_editor(editor), m_document(document)
{
    // Another project replaces the design the diff was about.
    connect(document, &ProjectDocument::documentReset, this, &DesignDiffMode::leave);
}

void DesignDiffMode::compareWithCurrent(const NetworkSpec& other, const QString& otherName)
{
    show(other, m_document->spec(), otherName, tr("this design (%1)").arg(m_document->displayName()));
}

// The diff covers the canvas rather than replacing it: the canvas keeps its size, so that neither its zoom
// nor the layout of a design whose positions follow the view (GraphView::setPlaceWhileFitted) moves, and the
// docks keep theirs.
void DesignDiffMode::show(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName,
                          const QString& afterName)
{
    const bool wasActive = isActive();
    if (!wasActive)
        enter();
    delete m_diff;
    auto* view = new DesignDiffView(before, after, beforeName, afterName, m_editor);
    connect(view, &DesignDiffView::leaveRequested, this, &DesignDiffMode::leave);
    m_diff = view;
    view->setGeometry(m_editor->view()->geometry());
    view->setAutoFillBackground(true);
    view->show();
    view->raise();
    view->setFocus();
    if (!wasActive)
        Q_EMIT activeChanged(true);
}

void DesignDiffMode::enter()
{
    m_editor->view()->installEventFilter(this);
    m_widgetStates.clear();
    m_actionStates.clear();
    for (QWidget* w : {static_cast<QWidget*>(m_editor->palette()), static_cast<QWidget*>(m_editor->inspector())}) {
        m_widgetStates.append({w, w->isEnabled()});
        w->setEnabled(false);
    }
    for (QAction* action : m_editor->editActions()) {
        m_actionStates.append({action, action->isEnabled()});
        action->setEnabled(false);
    }
}

// The diff follows the canvas as the window or the docks resize it.
bool DesignDiffMode::eventFilter(QObject* watched, QEvent* event)
{
    if (m_diff && watched == m_editor->view() && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        m_diff->setGeometry(m_editor->view()->geometry());
    return QObject::eventFilter(watched, event);
}

void DesignDiffMode::leave()
{
    if (!isActive())
        return;
    m_editor->view()->removeEventFilter(this);
    m_diff->hide();
    m_diff->deleteLater();
    m_diff = nullptr;
    m_editor->view()->setFocus();
    for (const auto& state : std::as_const(m_widgetStates))
        state.first->setEnabled(state.second);
    for (const auto& state : std::as_const(m_actionStates))
        state.first->setEnabled(state.second);
    Q_EMIT activeChanged(false);
}

} // namespace neurite::ui
