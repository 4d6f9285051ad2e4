// The sweep's results table: one row per planned run with its swept values, its status (queued, running with
// its epoch, done, failed with the reason, not run after a cancel), its test metric, best validation and
// time. Sortable by any column; the best run is marked; brushing in the plots hides the other rows.
#pragma once

#include <neurite/RunRecord.h>
#include <neurite/Sweep.h>

#include <QTableWidget>

#include <set>
#include <string>
#include <vector>

namespace neurite::ui {

class SweepResultsTable : public QTableWidget {
    Q_OBJECT
public:
    enum class Status { Queued, Running, Done, Failed, NotRun };

    explicit SweepResultsTable(QWidget* parent = nullptr);

    // One queued row per planned run; `keys` are the swept keys, one column each.
    void setPlan(const std::vector<PlannedRun>& plan, const std::vector<std::string>& keys);
    void setRunning(int run, int epoch, int epochs, int batch, int batchesPerEpoch);
    void setDone(int run, const neurite::RunRecord& record);
    void setFailed(int run, const QString& message);
    // Runs still queued when a sweep was cancelled.
    void markQueuedAsNotRun();
    void setBest(int run);
    // Shows only these runs' rows.
    void setShownRuns(const std::set<int>& runs);
    void selectRun(int run);

    Status status(int run) const { return m_status[std::size_t(run)]; }
    // The text of `run`'s status cell ("running: epoch 2 of 5").
    QString statusText(int run) const;
    // The row showing `run` (rows move when the table is sorted).
    int rowOf(int run) const;
    int runAt(int row) const;

Q_SIGNALS:
    void runSelected(int run);

private:
    int statusColumn() const { return m_firstKeyColumn + m_keyCount; }
    void setCell(int run, int column, const QVariant& value, const QString& toolTip = {});
    void setStatus(int run, Status status, const QString& text);
    void markBest(bool best); // m_best's row in bold with a star, or back to normal

    int m_firstKeyColumn = 2;
    int m_keyCount = 0;
    int m_best = -1;
    std::vector<Status> m_status;
};

} // namespace neurite::ui
