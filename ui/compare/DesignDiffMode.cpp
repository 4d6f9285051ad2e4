// Swapping the Design tab's canvas for the design diff and back.
#include "compare/DesignDiffMode.h"

#include "compare/DesignDiffView.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "editor/LayerInspector.h"
#include "editor/LayerPalette.h"

#include <QAction>

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

void DesignDiffMode::show(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName,
                          const QString& afterName)
{
    const bool wasActive = isActive();
    if (!wasActive)
        enter();
    auto* view = new DesignDiffView(before, after, beforeName, afterName);
    connect(view, &DesignDiffView::leaveRequested, this, &DesignDiffMode::leave);
    // A diff already showing is replaced; the editor's canvas stays aside.
    QWidget* previous = m_editor->takeCentralWidget();
    if (previous == m_canvas) {
        // Taken out of the layout it has no parent: the editor keeps it (hidden) and deletes it with itself.
        m_canvas->setParent(m_editor);
        m_canvas->hide();
    } else if (previous) {
        previous->deleteLater();
    }
    m_diff = view;
    m_editor->setCentralWidget(view);
    view->setFocus();
    if (!wasActive)
        Q_EMIT activeChanged(true);
}

void DesignDiffMode::enter()
{
    m_canvas = m_editor->centralWidget();
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

void DesignDiffMode::leave()
{
    if (!isActive())
        return;
    QWidget* diff = m_editor->takeCentralWidget();
    if (diff)
        diff->deleteLater();
    m_diff = nullptr;
    if (m_canvas) {
        m_editor->setCentralWidget(m_canvas);
        m_canvas->show();
        m_canvas->setFocus();
    }
    for (const auto& state : std::as_const(m_widgetStates))
        state.first->setEnabled(state.second);
    for (const auto& state : std::as_const(m_actionStates))
        state.first->setEnabled(state.second);
    Q_EMIT activeChanged(false);
}

} // namespace neurite::ui
