// The designer: QApplication and the main window (optionally opening a .neurite file).
#include "Commands.h"
#include "MainWindow.h"
#include "Workspace.h"

#include <QApplication>

namespace neurite::cli {

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Neurite"));
    QApplication::setOrganizationName(QStringLiteral("Neurite"));
    ui::MainWindow window;
    assembleWorkspace(window);
    if (argc > 1)
        window.openProject(QString::fromLocal8Bit(argv[1]));
    window.show();
    return app.exec();
}

} // namespace neurite::cli
