// The project's runs as a table model: one row per run of ProjectDocument::runs(), in the document's order
// (the view sorts and filters through RunsFilterModel). Renaming and starring go through the document.
#pragma once

#include <QAbstractTableModel>

namespace neurite {
struct RunRecord;
}

namespace neurite::ui {

class ProjectDocument;

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Star,
        Name,
        Date,
        Optimizer,
        LearningRate,
        Batch,
        Epochs,
        Swept,
        BestValidation,
        Test,
        Duration,
        Outcome,
        Weights,
        ColumnCount
    };
    // What a column sorts by: a number for the numeric columns (missing values lowest), else the text.
    static constexpr int kSortRole = Qt::UserRole + 1;
    // The run's whole searchable text (RunCells.h runSearchText), in lower case; any column answers it.
    static constexpr int kSearchRole = Qt::UserRole + 2;
    // Whether the run is starred (bool); any column answers it.
    static constexpr int kStarredRole = Qt::UserRole + 3;

    explicit RunsTableModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // The name column renames the run; a name taken or empty is refused (renameRefused says why).
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

Q_SIGNALS:
    void renameRefused(const QString& message);

private:
    void onRunsChanged();
    QVariant display(const RunRecord& run, int column) const;
    QVariant sortValue(const RunRecord& run, int column) const;
    QVariant toolTip(const RunRecord& run, int column) const;

    ProjectDocument* m_document;
    int m_rows = 0;
};

} // namespace neurite::ui
