// Setting up a per-class scores table (see ClassScoreTable.h).
#include "results/ClassScoreTable.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTableWidget>

namespace neurite::ui {

void setUpClassScoreTable(QTableWidget* table)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("ClassScoreTable", text); };
    table->setColumnCount(5);
    table->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Images")});
    table->verticalHeader()->setVisible(false);
    // The figures keep their natural widths (a stretched 200-pixel table read "recisio" and broke 0.961
    // over two lines); the class names take what is left.
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
}

} // namespace neurite::ui
