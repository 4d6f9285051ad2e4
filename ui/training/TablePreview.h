// A table's preview in the Train tab: what loading found per column (role, type, missing cells, range,
// mean, a small histogram), the first rows as they are in the file, and the target's class balance or
// histogram. Each column's role is a combo box; changing one (or choosing another target) asks for the
// table to be loaded again with the new settings.
#pragma once

#include "training/TrainingProgress.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace neurite::ui {

class TablePreview : public QWidget {
    Q_OBJECT
public:
    // The columns table's columns.
    enum Column {
        NameColumn,
        RoleColumn,
        TypeColumn,
        MissingColumn,
        MinColumn,
        MaxColumn,
        MeanColumn,
        HistogramColumn
    };

    explicit TablePreview(QWidget* parent = nullptr);

    // Shows `report`, loaded with `settings` (whose target and roles the combo boxes then edit).
    void setReport(const TableReportHandle& report, const TableSettings& settings);
    const TableReportHandle& report() const { return m_report; }

    QTableWidget* columnsTable() const { return m_columns; }
    QTableView* rowsView() const { return m_rows; }
    // The role combo box of column `name` (null when there is no such column).
    QComboBox* roleBox(const QString& name) const;
    QString summaryText() const;
    QString targetText() const;
    const QPixmap& targetPixmap() const { return m_targetPixmap; }

Q_SIGNALS:
    // The user changed a role or the target: the table must load again with `settings`.
    void tableSettingsEdited(const neurite::TableSettings& settings);

private:
    void fillColumns();
    void fillRows();
    void fillTarget();
    QComboBox* makeRoleBox(const ColumnSummary& column);
    void roleChosen(const QString& column, const QString& choice);

    TableReportHandle m_report;
    TableSettings m_settings;
    QLabel* m_summary;
    QTableWidget* m_columns;
    QTableView* m_rows;
    QStandardItemModel* m_rowsModel;
    QLabel* m_targetTitle;
    QLabel* m_target;
    QPixmap m_targetPixmap;
};

// kHistogramBins counts as bars, `size` pixels.
QPixmap histogramPixmap(const std::vector<std::size_t>& counts, QSize size);

} // namespace neurite::ui
