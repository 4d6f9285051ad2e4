// Workspace wiring. The panels know nothing of each other; this is the one place that connects them.
#include "Workspace.h"

#include "compare/CompareActions.h"
#include "editor/DesignEditor.h"
#include "predict/DefaultModel.h"
#include "window/ExportActions.h"
#include "window/MainWindow.h"
#include "predict/PredictPanel.h"
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "predict/DigitCanvas.h"
#include "predict/ModelChooser.h"
#include "runs/RunsPanel.h"
#include "sweep/SweepMenu.h"
#include "sweep/SweepWindow.h"
#include "training/TrainingPanel.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QTabWidget>

#include <cmath>

namespace neurite::cli {
namespace {

// Asks before closing while a run is going on, and stops it cleanly; MainWindow then asks about unsaved work.
class CloseGuard : public QObject {
public:
    CloseGuard(ui::TrainingPanel* training, QObject* parent) : QObject(parent), m_training(training) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Close && m_training->isTraining() && !m_training->confirmStopForClose()) {
            event->ignore();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    ui::TrainingPanel* m_training;
};

// The one "document changed" path (New, template, Open, Open Recent, recovery): the Predict tab offers the
// new document's weights and uses them (else the default model), with an empty canvas and the document's
// data set. The Train tab follows documentReset itself.
void showDocument(ui::PredictPanel* predict, ui::ProjectDocument* document)
{
    predict->canvas()->clear();
    predict->setDataSetName(QString::fromStdString(document->settings().dataSet));
    ui::ModelChooser* chooser = predict->modelChooser();
    chooser->setProjectModel(
        ui::modelChoiceFromProject(document->toProject(), ui::ModelChoice::Kind::Project,
                                   QObject::tr("Project weights (%1)").arg(document->displayName())));
    chooser->resetChoice();
    if (!chooser->current())
        predict->setModel(nullptr, {}, std::nan(""), {});
}

// The Runs tab: a restored run shows its design, and the Train tab its curves; a run's weights go to the
// Predict tab, which comes forward.
void connectRuns(ui::MainWindow& window, ui::RunsPanel* runs, ui::TrainingPanel* training, ui::PredictPanel* predict)
{
    QObject::connect(runs, &ui::RunsPanel::runRestored, &window, [&window, training] {
        training->syncFromDocument();
        window.workspaceTabs()->setCurrentWidget(window.designEditor());
    });
    QObject::connect(runs, &ui::RunsPanel::predictionRequested, predict,
                     [&window, predict](const ui::ModelChoice& model) {
                         predict->modelChooser()->useModel(model);
                         window.workspaceTabs()->setCurrentWidget(predict);
                     });
}

// Train › New Sweep… and View › Compare Runs…, Compare Design With…: a run picked in the sweep is selected in
// the Runs tab, and the Runs tab's Compare opens the same comparison as the menu.
void connectExperiments(ui::MainWindow& window, ui::RunsPanel* runs, ui::TrainingPanel* training)
{
    ui::ProjectDocument* document = window.document();
    // Sweeps train on their own thread; the Train tab's controller only loads their data.
    ui::SweepWindow* sweep = ui::installSweepMenu(window, document, training->controller());
    // A run picked in the sweep's table or plots is selected in the Runs tab too, ready to compare or restore.
    QObject::connect(sweep, &ui::SweepWindow::runSelected, runs, [runs, document](const QString& name) {
        const std::vector<RunRecord>& kept = document->runs();
        for (std::size_t i = 0; i < kept.size(); ++i)
            if (kept[i].name == name.toStdString())
                runs->selectRuns({int(i)});
    });
    // View › Compare Runs… and Compare Design With…; the Runs list's Compare opens the same comparison.
    auto* compare = new ui::CompareActions(&window);
    QObject::connect(runs, &ui::RunsPanel::compareRequested, compare, &ui::CompareActions::compareRuns);
}

} // namespace

void assembleWorkspace(ui::MainWindow& window)
{
    ui::ProjectDocument* document = window.document();
    auto* training = new ui::TrainingPanel(document);
    auto* predict = new ui::PredictPanel;
    auto* runs = new ui::RunsPanel(document);
    window.addWorkspaceTab(training, QObject::tr("Train"));
    window.addWorkspaceTab(runs, QObject::tr("Runs"));
    window.addWorkspaceTab(predict, QObject::tr("Predict"));
    connectRuns(window, runs, training, predict);
    QObject::connect(training, &ui::TrainingPanel::designEditRequested, &window,
                     [&window] { window.workspaceTabs()->setCurrentIndex(0); });
    // Two-dimensional data: every neuron's map over the plane on its node, and the weights on the wires.
    QObject::connect(training, &ui::TrainingPanel::planeInsight, window.designEditor(),
                     &ui::DesignEditor::showPlaneInsight);
    QObject::connect(training, &ui::TrainingPanel::planeInsightCleared, window.designEditor(),
                     &ui::DesignEditor::clearPlaneInsight);
    // Each layer's health as a mark on its node, while a run trains and for the run shown.
    QObject::connect(training, &ui::TrainingPanel::layerHealthMarks, window.designEditor(),
                     &ui::DesignEditor::showLayerHealth);

    // Train stays disabled while the design does not fit the data set, and the Problems list says why; a
    // folder's images are known once the Train tab's preview has loaded it.
    document->setDataFitChecked(true);
    QObject::connect(training->controller(), &ui::TrainingController::dataSetLoaded, document,
                     [document](const QString& name, const ui::DataSetHandle& data) {
                         if (!data)
                             return;
                         DataFacts facts = dataFactsOf(*data); // a table's features, classes or regression
                         facts.name = name.toStdString();      // matched against the settings' data set
                         document->setLoadedData(facts);
                     });
    if (const auto fallback = ui::loadDefaultModel())
        predict->modelChooser()->setDefaultModel(
            ui::modelChoiceFromProject(*fallback, ui::ModelChoice::Kind::Default,
                                       QObject::tr("Default model (reference MLP, mnist-10k)")));
    showDocument(predict, document);
    // A newly trained model joins the Predict tab's list; it is used only if the user has not chosen one.
    QObject::connect(training, &ui::TrainingPanel::modelTrained, predict,
                     [predict, document](std::shared_ptr<Network> network, const QString& name, double accuracy,
                                         const QStringList& classNames) {
                         ui::ModelChoice run;
                         run.name = name;
                         run.network = std::move(network);
                         run.testAccuracy = accuracy;
                         run.classNames = classNames;
                         run.dataSetName = QString::fromStdString(document->settings().dataSet);
                         run.schema = document->dataSchema(); // set by the run that made the model
                         predict->modelChooser()->addRun(run);
                     });
    QObject::connect(document, &ui::ProjectDocument::documentReset, predict,
                     [predict, document] { showDocument(predict, document); });
    window.installEventFilter(new CloseGuard(training, &window));
    // A crash during training leaves the design and the latest checkpoint in the recovery file.
    window.recoveryFile()->watchTraining(training->controller());
    ui::installExportActions(window.exportMenu(), document, &window);
    connectExperiments(window, runs, training);
}

} // namespace neurite::cli
