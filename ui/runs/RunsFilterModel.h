// The Runs list's sorting and filtering: numbers sort as numbers (RunsTableModel::kSortRole), the filter
// text must match every word it holds somewhere in the run's name, note or settings, and "starred only"
// hides the others.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace neurite::ui {

class RunsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterModel(QObject* parent = nullptr);

    // Words separated by spaces, each matched case-insensitively: "adam 0.001" keeps Adam runs at lr 0.001.
    void setFilterText(const QString& text);
    void setStarredOnly(bool starredOnly);
    bool starredOnly() const { return m_starredOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    bool m_starredOnly = false;
};

} // namespace neurite::ui
