// The sweep's results table (see SweepResultsTable.h).
#include "sweep/SweepResultsTable.h"

#include <QHeaderView>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// Columns after the swept keys', from the status on.
enum TrailingColumn { StatusOffset, MetricOffset, ValidationOffset, TimeOffset, TrailingCount };

QString valueOf(const PlannedRun& run, const std::string& key)
{
    for (const SweptValue& swept : run.swept)
        if (swept.key == key)
            return QString::fromStdString(swept.value);
    return {};
}

// Wide enough for "running: epoch 10 of 10 (99%)"; the name column at most kNameWidth (its values have
// their own columns), so that the metric stays in view in a small window.
constexpr int kStatusWidth = 170;
constexpr int kNameWidth = 180;

// A number for sorting and display (four decimals: the table is read, the CSV keeps every digit); an empty
// cell when there is none.
QVariant numberOrEmpty(double value)
{
    return std::isfinite(value) ? QVariant(std::round(value * 1e4) / 1e4) : QVariant();
}

} // namespace

SweepResultsTable::SweepResultsTable(QWidget* parent) : QTableWidget(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    setWordWrap(false); // one line a run, however long its name
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem*> items = selectedItems();
        if (!items.isEmpty())
            Q_EMIT runSelected(runAt(items.front()->row()));
    });
}

void SweepResultsTable::setPlan(const std::vector<PlannedRun>& plan, const std::vector<std::string>& keys)
{
    setSortingEnabled(false);
    clear();
    m_keyCount = int(keys.size());
    m_best = -1;
    m_status.assign(plan.size(), Status::Queued);
    QStringList headers = {tr("#"), tr("Run")};
    for (const std::string& key : keys)
        headers << QString::fromStdString(key);
    headers << tr("Status") << tr("Test metric") << tr("Best validation") << tr("Time (s)");
    setColumnCount(int(headers.size()));
    setHorizontalHeaderLabels(headers);
    setRowCount(int(plan.size()));
    for (int run = 0; run < int(plan.size()); ++run) {
        auto* number = new QTableWidgetItem;
        number->setData(Qt::DisplayRole, run + 1);
        number->setData(Qt::UserRole, run);
        setItem(run, 0, number);
        setItem(run, 1, new QTableWidgetItem(QString::fromStdString(plan[std::size_t(run)].name)));
        for (int k = 0; k < m_keyCount; ++k) {
            const QString value = valueOf(plan[std::size_t(run)], keys[std::size_t(k)]);
            auto* cell = new QTableWidgetItem;
            bool numeric = false;
            const double number = value.toDouble(&numeric);
            cell->setData(Qt::DisplayRole, numeric ? QVariant(number) : QVariant(value));
            setItem(run, m_firstKeyColumn + k, cell);
        }
        for (int c = 0; c < TrailingCount; ++c)
            setItem(run, statusColumn() + c, new QTableWidgetItem);
        setStatus(run, Status::Queued, tr("queued"));
    }
    resizeColumnsToContents();
    setColumnWidth(statusColumn(), kStatusWidth);
    setColumnWidth(1, std::min(columnWidth(1), kNameWidth));
    setSortingEnabled(true);
}

int SweepResultsTable::rowOf(int run) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, 0) && item(row, 0)->data(Qt::UserRole).toInt() == run)
            return row;
    return -1;
}

int SweepResultsTable::runAt(int row) const
{
    const QTableWidgetItem* cell = item(row, 0);
    return cell ? cell->data(Qt::UserRole).toInt() : -1;
}

// Sorting is held while a cell changes, else the row would move under the next cell's update.
void SweepResultsTable::setCell(int run, int column, const QVariant& value, const QString& toolTip)
{
    const bool sorting = isSortingEnabled();
    setSortingEnabled(false);
    QTableWidgetItem* cell = item(rowOf(run), column);
    cell->setData(Qt::DisplayRole, value);
    cell->setToolTip(toolTip);
    setSortingEnabled(sorting);
}

void SweepResultsTable::setStatus(int run, Status status, const QString& text)
{
    m_status[std::size_t(run)] = status;
    setCell(run, statusColumn() + StatusOffset, text, status == Status::Failed ? text : QString());
}

QString SweepResultsTable::statusText(int run) const
{
    return item(rowOf(run), statusColumn() + StatusOffset)->text();
}

void SweepResultsTable::setRunning(int run, int epoch, int epochs, int batch, int batchesPerEpoch)
{
    if (m_status[std::size_t(run)] != Status::Queued && m_status[std::size_t(run)] != Status::Running)
        return; // news of a run that has already finished
    const int shown = std::max(1, std::min(epoch, epochs));
    QString text = tr("running: epoch %1 of %2").arg(shown).arg(epochs);
    if (batchesPerEpoch > 0 && batch < batchesPerEpoch)
        text += tr(" (%1%)").arg(100 * batch / batchesPerEpoch);
    setStatus(run, Status::Running, text);
}

void SweepResultsTable::setDone(int run, const neurite::RunRecord& record)
{
    const QString outcome = record.outcome == RunOutcome::Completed ? tr("done")
                                                                    : QString(runOutcomeName(record.outcome));
    setStatus(run, Status::Done, outcome);
    setCell(run, statusColumn() + MetricOffset, numberOrEmpty(runMetric(record)),
            QString::fromStdString(runMetricName(record)));
    setCell(run, statusColumn() + ValidationOffset, numberOrEmpty(bestValidation(record)));
    setCell(run, statusColumn() + TimeOffset, std::round(record.seconds * 10) / 10);
}

void SweepResultsTable::setFailed(int run, const QString& message)
{
    setStatus(run, Status::Failed, tr("failed: %1").arg(message));
}

void SweepResultsTable::markQueuedAsNotRun()
{
    for (int run = 0; run < int(m_status.size()); ++run)
        if (m_status[std::size_t(run)] == Status::Queued)
            setStatus(run, Status::NotRun, tr("not run (cancelled)"));
}

void SweepResultsTable::setBest(int run)
{
    if (run == m_best)
        return;
    const bool sorting = isSortingEnabled();
    setSortingEnabled(false); // the name changes: sorted by name, the row would move
    markBest(false);
    m_best = run;
    markBest(true);
    setSortingEnabled(sorting);
}

void SweepResultsTable::markBest(bool best)
{
    if (m_best < 0 || rowOf(m_best) < 0)
        return;
    const int row = rowOf(m_best);
    QFont font = this->font();
    font.setBold(best);
    for (int c = 0; c < columnCount(); ++c)
        item(row, c)->setFont(font);
    QTableWidgetItem* name = item(row, 1);
    const QString mark = QStringLiteral(" \u2605 best");
    name->setText(best ? name->text() + mark : name->text().remove(mark));
}

void SweepResultsTable::setShownRuns(const std::set<int>& runs)
{
    for (int row = 0; row < rowCount(); ++row)
        setRowHidden(row, !runs.count(runAt(row)));
}

void SweepResultsTable::selectRun(int run)
{
    const int row = rowOf(run);
    if (row >= 0 && (selectedItems().isEmpty() || runAt(selectedItems().front()->row()) != run))
        selectRow(row);
}

} // namespace neurite::ui
