// The Runs tab: the table, its filter, the selected runs' curves and the note of the selected run.
#include "runs/RunsPanel.h"

#include "charts/RunCurvesChart.h"
#include "document/ProjectDocument.h"
#include "runs/RunCells.h"
#include "runs/RunsFilterModel.h"
#include "runs/RunsTableModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <set>

namespace neurite::ui {

namespace {

// The run's name, and the values a sweep gave it unless the name already says them ("lr=0.003 batch=32").
QString legendOf(const RunRecord& run)
{
    const QString name = QString::fromStdString(run.name);
    bool named = true;
    for (const SweptValue& value : run.swept)
        named = named && run.name.find(value.key + "=" + value.value) != std::string::npos;
    return named ? name : name + QStringLiteral(" (") + runSweptText(run) + ')';
}

} // namespace

RunsPanel::RunsPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_model(new RunsTableModel(document, this)),
      m_filter(new RunsFilterModel(this)), m_noteTimer(new QTimer(this))
{
    m_filter->setSourceModel(m_model);
    auto* details = buildDetails();
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildTable());
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    connectModels();
    // Newest first: the run that just finished is at the top.
    m_table->sortByColumn(RunsTableModel::Date, Qt::DescendingOrder);
    onSelectionChanged();
    updateCount();
}

QWidget* RunsPanel::buildTable()
{
    auto* box = new QWidget(this);
    m_filterEdit = new QLineEdit(box);
    m_filterEdit->setPlaceholderText(tr("Filter by name, note or settings (adam, lr=0.001, units=64…)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_starredOnly = new QCheckBox(tr("Starred only"), box);
    m_count = new QLabel(box);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_starredOnly);
    filterRow->addWidget(m_count);

    m_table = new QTableView(box);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    // One line per run: a long list of swept values is cut short (the whole of it is in the filter's reach).
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RunsTableModel::Swept, QHeaderView::Stretch);

    m_restore = new QPushButton(tr("Restore"), box);
    m_predict = new QPushButton(tr("Use for Prediction"), box);
    m_compare = new QPushButton(tr("Compare…"), box);
    m_delete = new QPushButton(tr("Delete"), box);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_restore, m_predict, m_compare, m_delete})
        buttons->addWidget(button);
    buttons->addStretch(1);
    m_message = new QLabel(box);
    m_message->setWordWrap(true);
    buttons->addWidget(m_message, 2);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* RunsPanel::buildDetails()
{
    auto* box = new QSplitter(Qt::Horizontal, this);
    auto* notes = new QWidget(box);
    m_noteLabel = new QLabel(notes);
    m_noteLabel->setWordWrap(true);
    m_note = new QPlainTextEdit(notes);
    m_note->setPlaceholderText(tr("What this run tried, what you noticed…"));
    auto* noteLayout = new QVBoxLayout(notes);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->addWidget(m_noteLabel);
    noteLayout->addWidget(m_note, 1);
    m_curves = new RunCurvesChart(box);
    m_curves->setMetric(RunCurvesChart::Metric::ValidationAccuracy);
    box->addWidget(notes);
    box->addWidget(m_curves);
    box->setStretchFactor(1, 1);
    box->setSizes({280, 720});
    return box;
}

void RunsPanel::connectModels()
{
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterText(text);
        updateCount();
    });
    connect(m_starredOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setStarredOnly(on);
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::onSelectionChanged);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == RunsTableModel::Star)
            toggleStar(m_filter->mapToSource(index).row());
    });
    connect(m_model, &RunsTableModel::renameRefused, this, [this](const QString& why) { showMessage(why, true); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &RunsPanel::rememberSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsPanel::reselect);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateButtons();
        updateCurves(); // a renamed run's legend
        updateCount();
    });
    connect(m_document, &ProjectDocument::designLockedChanged, this, &RunsPanel::updateButtons);
    connect(m_restore, &QPushButton::clicked, this, &RunsPanel::restoreSelected);
    connect(m_predict, &QPushButton::clicked, this, &RunsPanel::useSelectedForPrediction);
    connect(m_compare, &QPushButton::clicked, this, &RunsPanel::compareSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunsPanel::deleteSelected);
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(400);
    connect(m_noteTimer, &QTimer::timeout, this, &RunsPanel::commitNote);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (m_noteRun >= 0)
            m_noteTimer->start();
    });
}

std::vector<int> RunsPanel::selectedRuns() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<int> runs;
    for (const QModelIndex& row : rows)
        runs.push_back(m_filter->mapToSource(row).row());
    return runs;
}

void RunsPanel::selectRuns(const std::vector<int>& runs)
{
    QItemSelection selection;
    for (int run : runs) {
        const QModelIndex index = m_filter->mapFromSource(m_model->index(run, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsPanel::onSelectionChanged()
{
    commitNote();
    loadNote();
    updateButtons();
    updateCurves();
}

// Each run in the colour of its place in the project, so that it keeps its colour as the selection changes.
void RunsPanel::updateCurves()
{
    std::vector<RunCurve> curves;
    for (int index : selectedRuns()) {
        const RunRecord& run = m_document->runs()[std::size_t(index)];
        const QString name = QString::fromStdString(run.name);
        curves.push_back({name, legendOf(run), std::make_shared<const TrainingHistory>(run.history),
                          run.settings.epochs, RunCurvesChart::runColor(std::size_t(index))});
    }
    m_curves->setRuns(std::move(curves));
}

void RunsPanel::updateCount()
{
    const int all = m_model->rowCount();
    if (all == 0)
        m_count->setText(tr("No runs yet: every training you finish is kept here"));
    else if (m_filter->rowCount() == all)
        m_count->setText(tr("%n run(s)", nullptr, all));
    else
        m_count->setText(tr("%1 of %n run(s)", nullptr, all).arg(m_filter->rowCount()));
}

void RunsPanel::loadNote()
{
    const std::vector<int> runs = selectedRuns();
    m_noteRun = runs.size() == 1 ? runs.front() : -1;
    const QSignalBlocker blocker(m_note);
    m_note->setEnabled(m_noteRun >= 0);
    if (m_noteRun < 0) {
        m_note->clear();
        m_noteLabel->setText(tr("Select one run to write a note on it."));
        return;
    }
    const RunRecord& run = m_document->runs()[std::size_t(m_noteRun)];
    m_noteLabel->setText(tr("Note on %1:").arg(QString::fromStdString(run.name)));
    m_note->setPlainText(QString::fromStdString(run.note));
}

void RunsPanel::commitNote()
{
    m_noteTimer->stop();
    if (m_noteRun < 0 || m_noteRun >= int(m_document->runs().size()))
        return;
    const std::string note = m_note->toPlainText().toStdString();
    if (note != m_document->runs()[std::size_t(m_noteRun)].note)
        m_document->setRunNote(m_noteRun, note);
}

void RunsPanel::rememberSelection()
{
    commitNote();
    m_noteRun = -1;
    m_keptSelection.clear();
    for (int run : selectedRuns())
        m_keptSelection.push_back(m_document->runs()[std::size_t(run)].name);
}

// Runs came or went (a training finished, a delete or its undo): the runs still there stay selected.
void RunsPanel::reselect()
{
    const std::set<std::string> names(m_keptSelection.begin(), m_keptSelection.end());
    std::vector<int> runs;
    for (std::size_t i = 0; i < m_document->runs().size(); ++i)
        if (names.count(m_document->runs()[i].name) > 0)
            runs.push_back(int(i));
    selectRuns(runs);
    onSelectionChanged();
    updateCount();
}

QString RunsPanel::message() const
{
    return m_message->text();
}

void RunsPanel::showMessage(const QString& text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #d93025;") : QString());
    m_message->setText(text);
}

} // namespace neurite::ui
