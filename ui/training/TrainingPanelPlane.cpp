// The Train tab's plane for two-dimensional data: what the network answers over the plane, live while a
// run trains and, at rest, for the current weights or the seed's; Reset; painting the points.
#include "training/TrainingPanel.h"

#include "charts/AccuracyChart.h"
#include "document/ProjectDocument.h"
#include "playground/DecisionPlaneView.h"
#include "playground/PlanePanel.h"
#include "training/PaceBox.h"
#include "training/TrainingSettingsForm.h"

#include <neurite/Error.h>
#include <neurite/PlanePointsCsv.h>

#include <QFile>
#include <QFileDialog>
#include <QSplitter>
#include <QTimer>

namespace neurite::ui {

namespace {

// How long the design must rest before the plane shows what the edited network answers.
constexpr int kDesignSettleMs = 250;
// Batches a second for two-dimensional data until the user picks a pace.
constexpr double kPlaygroundPace = 1000;
// How long painting must pause before the painted set loads again.
constexpr int kPaintSettleMs = 150;

// The points as the view holds them (class indices into `classNames`, or values).
PaintedPoints paintedPointsOf(const std::vector<PlaneSample>& samples, const QStringList& classNames, bool regression)
{
    PaintedPoints painted;
    painted.regression = regression;
    for (const QString& name : classNames)
        painted.classes.push_back(name.toStdString());
    painted.points.reserve(samples.size());
    for (const PlaneSample& sample : samples)
        painted.points.push_back({sample.x1, sample.x2, regression ? sample.value : double(sample.label)});
    return painted;
}

} // namespace

void TrainingPanel::buildPlane(QWidget* tab)
{
    m_planePanel = new PlanePanel(tab);
    m_planePanel->hide();
    m_planeRefresh = new QTimer(this);
    m_planeRefresh->setSingleShot(true);
    m_planeRefresh->setInterval(kDesignSettleMs);
    connect(m_planeRefresh, &QTimer::timeout, this, &TrainingPanel::refreshRestingPlane);
    connect(m_controller, &TrainingController::planeReported, this, &TrainingPanel::onPlane);
    connect(m_document, &ProjectDocument::designChanged, m_planeRefresh, qOverload<>(&QTimer::start));
    connect(m_document, &ProjectDocument::weightsChanged, m_planeRefresh, qOverload<>(&QTimer::start));
    connect(m_planePanel, &PlanePanel::pointsEdited, this, &TrainingPanel::onPointsPainted);
    m_paintSettle = new QTimer(this);
    m_paintSettle->setSingleShot(true);
    m_paintSettle->setInterval(kPaintSettleMs);
    connect(m_paintSettle, &QTimer::timeout, this, [this] { usePaintedPoints(std::move(m_paintedPending)); });
    connect(m_planePanel, &PlanePanel::saveRequested, this, &TrainingPanel::savePoints);
    connect(m_planePanel, &PlanePanel::openRequested, this, &TrainingPanel::openPoints);
    connect(m_planePanel, &PlanePanel::liveToggled, m_controller, &TrainingController::setPlaneWatching);
}

// The plane shows only for two-dimensional data; the charts then stack beside it.
void TrainingPanel::showPlaneFor(const DataSetHandle& data)
{
    const bool plane = m_planePanel->setData(data);
    m_planeData = plane ? data : nullptr;
    m_planePanel->setVisible(plane);
    m_charts->setOrientation(plane ? Qt::Vertical : Qt::Horizontal);
    // At full speed a playground run ends in a fraction of a second; until the user picks a pace, two-dimensional
    // data trains at 1,000 batches a second so that the boundary can be watched forming.
    PaceBox* pace = m_controls->paceBox();
    if (plane && !pace->chosenByUser() && pace->batchesPerSecond() == 0) {
        pace->setBatchesPerSecond(kPlaygroundPace);
        m_playgroundPace = true;
    } else if (!plane && m_playgroundPace) { // other data goes back to full speed, unless the user chose
        if (!pace->chosenByUser() && pace->batchesPerSecond() == kPlaygroundPace)
            pace->setBatchesPerSecond(0);
        m_playgroundPace = false;
    }
    if (!plane)
        Q_EMIT planeInsightCleared();
}

void TrainingPanel::onPlane(const PlaneSnapshot& snapshot)
{
    if (!m_planePanel->hasData())
        return;
    QString caption = m_restingCaption;
    if (snapshot.runId != 0)
        caption = snapshot.batches == 0 ? tr("Run %1: its initial weights").arg(m_runNumber)
                                        : tr("Run %1 after %L2 batches").arg(m_runNumber).arg(snapshot.batches);
    m_planePanel->setSnapshot(snapshot, caption);
    Q_EMIT planeInsight(snapshot.grid, snapshot.weights);
}

// At rest the plane shows the weights the next run would start from, or the trained ones.
void TrainingPanel::refreshRestingPlane()
{
    if (m_controller->isRunning() || !m_planePanel->hasData() || !m_document->canTrain())
        return;
    const DataSetHandle data = m_planeData;
    if (!data)
        return;
    const TrainingSettings& settings = m_document->settings();
    const std::optional<Weights>& trained = m_document->trainedWeights();
    const bool showTrained = trained && !m_showSeedWeights;
    m_restingCaption = showTrained ? tr("The trained weights")
                                   : tr("Initial weights of seed %1: where the next run starts").arg(settings.seed);
    m_controller->requestPlane(m_document->spec(), showTrained ? trained : std::nullopt, settings.seed, data);
}

void TrainingPanel::reset()
{
    if (m_controller->isRunning()) {
        m_stopKept = KeptWeights::Last;
        m_controller->stop(KeptWeights::Last);
        m_controller->waitUntilIdle(60000);
    }
    TrainingSettings settings = m_document->settings();
    if (settings.startFromWeights) { // from the seed again, not from what was just trained
        settings.startFromWeights = false;
        m_document->setSettings(settings);
    }
    m_showSeedWeights = true;
    refreshRestingPlane();
    Q_EMIT statusMessage(tr("Reset: the next run starts from the initial weights of seed %1.").arg(settings.seed));
}

// Painted points become the "painted" set, loaded again at once; the design follows a new class.
void TrainingPanel::usePaintedPoints(PaintedPoints painted)
{
    TrainingSettings settings = m_form->settings();
    settings.dataSet = kPaintedDataSet;
    settings.plane.painted = std::move(painted);
    m_adaptDesignOnLoad = true;
    m_document->setSettings(settings);
    loadPreview();
}

// A spray edits every few pixels; the set loads again once the strokes pause.
void TrainingPanel::onPointsPainted(const std::vector<PlaneSample>& samples, const QStringList& classNames)
{
    m_paintedPending = paintedPointsOf(samples, classNames, m_planePanel->view()->isRegression());
    m_paintSettle->start();
}

void TrainingPanel::savePoints()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the points"), QStringLiteral("points.csv"),
                                                      tr("CSV tables (*.csv)"));
    if (path.isEmpty())
        return;
    const DecisionPlaneView* view = m_planePanel->view();
    try {
        writePlanePointsCsv(QFile::encodeName(path).toStdString(),
                            paintedPointsOf(view->samples(), view->classNames(), view->isRegression()));
        Q_EMIT statusMessage(tr("Saved %L1 points to %2.").arg(view->samples().size()).arg(path));
    } catch (const std::exception& e) {
        showBanner(QString::fromStdString(e.what()), true);
    }
}

void TrainingPanel::openPoints()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open points"), QString(),
                                                      tr("Tables (*.csv *.tsv *.txt *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        usePaintedPoints(readPlanePointsCsv(QFile::encodeName(path).toStdString()));
    } catch (const std::exception& e) {
        showBanner(QString::fromStdString(e.what()), true);
    }
}

} // namespace neurite::ui
