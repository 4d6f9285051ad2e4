// The designer's main window.
#pragma once

#include <QMainWindow>

namespace neurite::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace neurite::ui
