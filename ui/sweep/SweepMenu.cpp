// Train › New Sweep… (see SweepMenu.h).
#include "sweep/SweepMenu.h"

#include "sweep/SweepWindow.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>

namespace neurite::ui {

QMenu* trainMenu(QMainWindow& window)
{
    if (auto* menu = window.menuBar()->findChild<QMenu*>(QStringLiteral("trainMenu")))
        return menu;
    auto* menu = new QMenu(QObject::tr("&Train"), window.menuBar());
    menu->setObjectName(QStringLiteral("trainMenu"));
    QAction* before = nullptr; // Help stays last
    for (QAction* action : window.menuBar()->actions())
        if (action->menu() && action->menu()->title().remove(QLatin1Char('&')) == QObject::tr("Help"))
            before = action;
    window.menuBar()->insertMenu(before, menu);
    return menu;
}

SweepWindow* installSweepMenu(QMainWindow& window, ProjectDocument* document, TrainingController* loader)
{
    auto* sweep = new SweepWindow(document, loader, &window);
    sweep->setObjectName(QStringLiteral("sweepWindow"));
    QAction* open = trainMenu(window)->addAction(QObject::tr("New &Sweep…"), sweep, [sweep, &window] {
        if (!sweep->isVisible()) // fits a small screen (1024x700) too
            sweep->resize(sweep->size().boundedTo(window.screen()->availableGeometry().size() * 0.95));
        sweep->show();
        sweep->raise();
        sweep->activateWindow();
    });
    open->setObjectName(QStringLiteral("newSweepAction"));
    open->setStatusTip(QObject::tr("Train one run per combination of settings and layer options, in the background"));
    return sweep;
}

} // namespace neurite::ui
