// The Runs list's sorting and filtering.
#include "runs/RunsFilterModel.h"

#include "runs/RunsTableModel.h"

namespace neurite::ui {

RunsFilterModel::RunsFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::kSortRole);
    setDynamicSortFilter(true); // a renamed or starred run moves to its place, or out of a filtered view
}

void RunsFilterModel::setFilterText(const QString& text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void RunsFilterModel::setStarredOnly(bool starredOnly)
{
    if (starredOnly == m_starredOnly)
        return;
    m_starredOnly = starredOnly;
    invalidateFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_starredOnly && !index.data(RunsTableModel::kStarredRole).toBool())
        return false;
    const QString text = index.data(RunsTableModel::kSearchRole).toString();
    for (const QString& word : m_words)
        if (!text.contains(word))
            return false;
    return true;
}

} // namespace neurite::ui
