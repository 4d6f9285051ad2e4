// The editor's design diff mode: the Design tab shows a DesignDiffView over its canvas, the palette,
// inspector and edit actions rest (nothing can change the design unseen), and leaving puts the canvas back
// exactly as it was. Opening another project leaves the mode.
#pragma once

#include "compare/DesignDiffView.h"

#include <neurite/NetworkSpec.h>

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace neurite::ui {

class DesignEditor;
class ProjectDocument;

class DesignDiffMode : public QObject {
    Q_OBJECT
public:
    DesignDiffMode(DesignEditor* editor, ProjectDocument* document);

    // The current design (as shown) against `other`: what it adds, removes and changes.
    void compareWithCurrent(const NetworkSpec& other, const QString& otherName);
    // Any two designs (two runs'): `after` is drawn, `before`'s removed layers ghosted.
    void show(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName, const QString& afterName);
    void leave();

    bool isActive() const { return m_diff != nullptr; }
    DesignDiffView* diffView() const { return m_diff; }

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void enter();

    DesignEditor* m_editor;
    ProjectDocument* m_document;
    QPointer<DesignDiffView> m_diff;
    QPointer<QWidget> m_canvas;
    QSize m_canvasSize;
    QByteArray m_dockState; // the docks' places and sizes when the diff opened                  // the editor's view,
                            // kept aside while the diff shows
    QList<QPair<QWidget*, bool>> m_widgetStates; // palette and inspector, as they were
    QList<QPair<QAction*, bool>> m_actionStates; // the edit actions, as they were
};

} // namespace neurite::ui
