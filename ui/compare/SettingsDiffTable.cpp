// Filling the settings diff table from SettingsDiff.h and DesignDiff.h.
#include "compare/SettingsDiffTable.h"

#include <neurite/DesignDiff.h>
#include <neurite/SettingsDiff.h>

#include <QHeaderView>

namespace neurite::ui {

namespace {

QTableWidgetItem* valueItem(const std::string& value)
{
    auto* item = new QTableWidgetItem(value.empty() ? QObject::tr("(not set)") : QString::fromStdString(value));
    item->setBackground(SettingsDiffTable::highlight());
    item->setToolTip(item->text());
    return item;
}

} // namespace

SettingsDiffTable::SettingsDiffTable(QWidget* parent) : QTableWidget(parent)
{
    setColumnCount(3);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // Rows as tall as their text (a design's differences take a line each) at whatever width.
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setWordWrap(true);
}

void SettingsDiffTable::setRuns(const neurite::RunRecord& a, const neurite::RunRecord& b)
{
    setHorizontalHeaderLabels({tr("Setting"), QString::fromStdString(a.name), QString::fromStdString(b.name)});
    const std::vector<SettingDifference> differences = runSettingsDiff(a, b);
    m_keys.clear();
    setRowCount(int(differences.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const SettingDifference& d = differences[std::size_t(row)];
        m_keys << QString::fromStdString(d.key);
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(d.key)));
        if (d.key == "design") {
            // What the second run's design does differently, in the diff's own words.
            const std::string text = designDiffText(diffDesigns(a.design, b.design));
            setItem(row, 1, valueItem(tr("(the design compared with)").toStdString()));
            setItem(row, 2, valueItem(text.substr(0, text.find_last_not_of('\n') + 1)));
            continue;
        }
        setItem(row, 1, valueItem(d.before));
        setItem(row, 2, valueItem(d.after));
    }
}

} // namespace neurite::ui
