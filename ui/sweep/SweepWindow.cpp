// The sweep window's parts and how they follow each other (see SweepWindow.h); the sweep's run is in
// SweepWindowRun.cpp.
#include "sweep/SweepWindow.h"

#include "document/ProjectDocument.h"
#include "sweep/ParallelCoordinatesPlot.h"
#include "sweep/SweepPlanForm.h"
#include "sweep/SweepQueue.h"
#include "sweep/SweepResultsTable.h"
#include "sweep/SweepScatterPlot.h"
#include "training/RunPreflight.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace neurite::ui {

SweepWindow::SweepWindow(ProjectDocument* document, TrainingController* loader, QWidget* parent)
    : QWidget(parent, Qt::Window), m_document(document), m_preflight(new RunPreflight(loader, this)),
      m_queue(new SweepQueue(this))
{
    setWindowTitle(tr("Sweep"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(makeLeftColumn());
    splitter->addWidget(makeResults());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 820});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    connectQueue();
    connect(m_preflight, &RunPreflight::passed, this, &SweepWindow::onDataReady);
    connect(m_preflight, &RunPreflight::refused, this, &SweepWindow::onRefused);
    connect(m_form, &SweepPlanForm::planChanged, this, &SweepWindow::showState);
    connect(m_document, &ProjectDocument::designChanged, this, &SweepWindow::followDocument);
    connect(m_document, &ProjectDocument::settingsChanged, this, &SweepWindow::followDocument);
    connect(m_document, &ProjectDocument::documentReset, this, [this] {
        if (isSweeping()) { // its runs belong to the project it started in
            m_detached = true;
            cancelSweep(true);
        }
        followDocument();
    });
    followDocument();
    resize(1200, 760);
}

SweepWindow::~SweepWindow() = default;

QWidget* SweepWindow::makeLeftColumn()
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_base = new QLabel(column);
    m_base->setWordWrap(true);
    layout->addWidget(m_base);
    m_form = new SweepPlanForm(column);
    layout->addWidget(m_form, 1);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start Sweep"), column);
    m_pause = new QPushButton(tr("Pause"), column);
    m_pause->setToolTip(tr("No new run starts until Resume; the running run finishes"));
    m_cancel = new QPushButton(tr("Cancel"), column);
    m_cancel->setToolTip(tr("No new run starts; finished runs stay in the project"));
    connect(m_start, &QPushButton::clicked, this, &SweepWindow::startSweep);
    connect(m_pause, &QPushButton::clicked, this, [this] { m_queue->isPaused() ? resumeSweep() : pauseSweep(); });
    connect(m_cancel, &QPushButton::clicked, this, &SweepWindow::askCancel);
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_export = new QPushButton(tr("Export Results as CSV…"), column);
    m_export->setToolTip(tr("The finished runs ranked by their test metric, as \"neurite sweep --out\" writes them"));
    connect(m_export, &QPushButton::clicked, this, &SweepWindow::askExport);
    layout->addWidget(m_export);
    m_status = new QLabel(column);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    return column;
}

QWidget* SweepWindow::makeResults()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_table = new SweepResultsTable(splitter);
    m_views = new QTabWidget(splitter);
    m_parallel = new ParallelCoordinatesPlot(m_views);
    m_parallel->setToolTip(tr("Drag along an axis to keep only the runs in that range; click the axis to clear "
                              "it. Click a line to select its run."));
    m_views->addTab(m_parallel, tr("Parallel coordinates"));
    auto* scatterPage = new QWidget(m_views);
    auto* scatterLayout = new QVBoxLayout(scatterPage);
    m_scatterKey = new QComboBox(scatterPage);
    m_scatter = new SweepScatterPlot(scatterPage);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(new QLabel(tr("Across:"), scatterPage));
    keyRow->addWidget(m_scatterKey, 1);
    scatterLayout->addLayout(keyRow);
    scatterLayout->addWidget(m_scatter, 1);
    m_views->addTab(scatterPage, tr("Scatter"));
    connect(m_scatterKey, &QComboBox::currentIndexChanged, m_scatter, &SweepScatterPlot::setKey);
    connect(m_table, &SweepResultsTable::runSelected, this, &SweepWindow::selectRun);
    connect(m_parallel, &ParallelCoordinatesPlot::runClicked, this, &SweepWindow::selectRun);
    connect(m_scatter, &SweepScatterPlot::runClicked, this, &SweepWindow::selectRun);
    connect(m_parallel, &ParallelCoordinatesPlot::brushedRunsChanged, this, [this](const std::set<int>& runs) {
        m_table->setShownRuns(runs);
        m_scatter->setShownRuns(runs);
    });
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({280, 420});
    return splitter;
}

// The next sweep starts from the design and settings of the moment (a running sweep keeps its own copy).
void SweepWindow::followDocument()
{
    const NetworkSpec design = m_document->spec();
    const TrainingSettings& settings = m_document->settings();
    m_form->setBase(design, settings);
    m_base->setText(tr("Every run starts from <b>%1</b> (%2 layers) and the Train tab's settings "
                       "(%3, %4 epochs, batch %5, learning rate %6), on <b>%7</b>.")
                        .arg(m_document->designName().toHtmlEscaped())
                        .arg(design.layers.size())
                        .arg(QString::fromStdString(settings.optimizer.kind))
                        .arg(settings.epochs)
                        .arg(settings.batchSize)
                        .arg(double(settings.optimizer.learningRate))
                        .arg(QString::fromStdString(settings.dataSet).toHtmlEscaped()));
}

void SweepWindow::selectRun(int run)
{
    if (run < 0 || run >= int(m_plan.size()) || run == m_selected)
        return;
    m_selected = run;
    m_table->selectRun(run);
    refreshViews();
    if (m_projectNames.count(run))
        Q_EMIT runSelected(m_projectNames[run]);
}

void SweepWindow::refreshViews()
{
    m_plotData = sweepPlotData(m_plan, m_finished);
    m_plotData.selected = m_selected;
    m_parallel->setData(m_plotData);
    m_scatter->setData(m_plotData);
    m_table->setBest(m_plotData.best);
}

} // namespace neurite::ui
