#include "MainWindow.h"

namespace neurite::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Neurite"));
    resize(1400, 900);
}

} // namespace neurite::ui
