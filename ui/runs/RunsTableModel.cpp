// The project's runs as a table model over the document's list.
#include "runs/RunsTableModel.h"

#include "document/ProjectDocument.h"
#include "runs/RunCells.h"

#include <neurite/Error.h>

#include <QBrush>
#include <QColor>

#include <cmath>
#include <limits>

namespace neurite::ui {

namespace {

// Missing figures sort below every real one, so that a descending sort puts the best run first.
double sortable(double value)
{
    return std::isnan(value) ? std::numeric_limits<double>::lowest() : value;
}

bool isNumeric(int column)
{
    switch (column) {
    case RunsTableModel::Star:
    case RunsTableModel::LearningRate:
    case RunsTableModel::Batch:
    case RunsTableModel::Epochs:
    case RunsTableModel::BestValidation:
    case RunsTableModel::Test:
    case RunsTableModel::Duration:
    case RunsTableModel::Weights: return true;
    default: return false;
    }
}

} // namespace

RunsTableModel::RunsTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_rows(int(document->runs().size()))
{
    connect(document, &ProjectDocument::runsChanged, this, &RunsTableModel::onRunsChanged);
}

// The same number of runs: the rows changed in place (a rename, a star, a note), and the view keeps its
// selection; otherwise runs came or went and the rows are read again.
void RunsTableModel::onRunsChanged()
{
    const int rows = int(m_document->runs().size());
    if (rows == m_rows) {
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int RunsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RunsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Star: return QStringLiteral("★");
    case Name: return tr("Name");
    case Date: return tr("Date");
    case Optimizer: return tr("Optimiser");
    case LearningRate: return tr("LR");
    case Batch: return tr("Batch");
    case Epochs: return tr("Epochs");
    case Swept: return tr("Swept values");
    case BestValidation: return tr("Best val.");
    case Test: return tr("Test");
    case Duration: return tr("Duration");
    case Outcome: return tr("Outcome");
    case Weights: return tr("Weights");
    default: return {};
    }
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == Name)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_document->runs().size()))
        return {};
    const RunRecord& run = m_document->runs()[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(run, column);
    case Qt::EditRole: return column == Name ? QString::fromStdString(run.name) : display(run, column);
    case kSortRole: return sortValue(run, column);
    case kSearchRole: return runSearchText(run);
    case kStarredRole: return run.starred;
    case Qt::ToolTipRole: return toolTip(run, column);
    case Qt::TextAlignmentRole:
        if (column == Star)
            return int(Qt::AlignCenter);
        return isNumeric(column) ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Star && run.starred)
            return QBrush(QColor(224, 160, 0));
        if (column == Outcome && run.outcome == RunOutcome::Diverged)
            return QBrush(QColor(200, 40, 40));
        return {};
    default: return {};
    }
}

QVariant RunsTableModel::display(const RunRecord& run, int column) const
{
    switch (column) {
    case Star: return run.starred ? QStringLiteral("★") : QStringLiteral("☆");
    case Name: return QString::fromStdString(run.name) + (run.note.empty() ? QString() : QStringLiteral(" ✎"));
    case Date: return runDateText(run.date);
    case Optimizer: return QString::fromStdString(run.settings.optimizer.kind);
    case LearningRate: return learningRateText(run.settings.optimizer.learningRate);
    case Batch: return run.settings.batchSize;
    case Epochs: return runEpochsText(run);
    case Swept: return runSweptText(run);
    case BestValidation: return runBestValidationText(run);
    case Test: return runTestText(run);
    case Duration: return runDurationText(run.seconds);
    case Outcome: return QString::fromLatin1(runOutcomeName(run.outcome));
    case Weights: return run.weights ? tr("kept") : QStringLiteral("—");
    default: return {};
    }
}

QVariant RunsTableModel::sortValue(const RunRecord& run, int column) const
{
    switch (column) {
    case Star: return run.starred ? 1.0 : 0.0;
    case Name: return QString::fromStdString(run.name).toLower();
    case Date: return QString::fromStdString(run.date); // ISO 8601 sorts as text
    case LearningRate: return double(run.settings.optimizer.learningRate);
    case Batch: return double(run.settings.batchSize);
    case Epochs: return double(run.history.epochs.size());
    case BestValidation: return sortable(bestValidation(run));
    case Test: return sortable(runMetric(run));
    case Duration: return run.seconds;
    case Weights: return run.weights ? 1.0 : 0.0;
    default: return display(run, column).toString().toLower();
    }
}

QVariant RunsTableModel::toolTip(const RunRecord& run, int column) const
{
    switch (column) {
    case Star: return run.starred ? tr("Starred: click to unstar") : tr("Click to star this run");
    case Name:
        return run.note.empty() ? tr("%1 — double-click to rename").arg(QString::fromStdString(run.name))
                                : QString::fromStdString(run.name + ": " + run.note);
    case Test:
        if (std::isnan(runMetric(run)))
            return tr("Not tested: the data set has no test set");
        return tr("Test %1, loss %2").arg(runTestText(run)).arg(double(run.test.loss), 0, 'g', 4);
    case Swept: return run.swept.empty() ? QVariant() : runSweptText(run);
    case Outcome: return run.message.empty() ? QVariant() : QString::fromStdString(run.message);
    case Weights:
        return run.weights ? tr("The run's weights are kept: it can be used for prediction")
                           : tr("Not kept: the project keeps the weights of its best runs and of starred runs");
    default: return {};
    }
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Name || role != Qt::EditRole)
        return false;
    const std::string name = value.toString().trimmed().toStdString();
    if (name == m_document->runs()[std::size_t(index.row())].name)
        return false;
    try {
        m_document->renameRun(index.row(), name);
    } catch (const NeuriteError& e) {
        Q_EMIT renameRefused(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

} // namespace neurite::ui
