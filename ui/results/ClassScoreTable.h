// The per-class scores table (class, precision, recall, F1, images) that the results view and the run
// comparison both show: set up the same way in both.
#pragma once

class QTableWidget;

namespace neurite::ui {

// Columns, headers and sizing; read-only, no selection.
void setUpClassScoreTable(QTableWidget* table);

} // namespace neurite::ui
