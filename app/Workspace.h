// Puts the designer together: the Design tab (MainWindow's own), the Train and Predict tabs, and the
// wiring between them (a newly trained model goes to the Predict tab; closing asks before stopping training).
#pragma once

namespace neurite::ui {
class MainWindow;
}

namespace neurite::cli {

void assembleWorkspace(ui::MainWindow& window);

} // namespace neurite::cli
