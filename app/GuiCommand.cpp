// The designer: QApplication and the main window (optionally opening a .neurite file).
#include "Commands.h"
#include "window/ApplicationIdentity.h"
#include "window/MainWindow.h"
#include "training/TrainingPanel.h"
#include "Workspace.h"

#include <QApplication>
#include <QTimer>

#include <cstring>

namespace neurite::cli {

// `neurite FILE.neurite --train` opens the file and starts training it at once. Undocumented in the help:
// it exists for the crash-recovery test (tests/app/tst_crashrecovery.cpp) and for scripted demos.
int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    ui::applyApplicationIdentity();
    ui::MainWindow window;
    assembleWorkspace(window);
    window.restoreSession();
    bool train = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--train") == 0)
            train = true;
        else
            window.openProject(QString::fromLocal8Bit(argv[i]));
    }
    window.show();
    if (train) {
        auto* panel = window.findChild<ui::TrainingPanel*>();
        QTimer::singleShot(0, panel, &ui::TrainingPanel::start);
    }
    return app.exec();
}

} // namespace neurite::cli
