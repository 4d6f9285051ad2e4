// Workspace wiring. The panels know nothing of each other; this is the one place that connects them.
#include "Workspace.h"

#include "predict/DefaultModel.h"
#include "window/ExportActions.h"
#include "window/MainWindow.h"
#include "predict/PredictPanel.h"
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "training/TrainingPanel.h"

#include <QCloseEvent>
#include <QFileInfo>

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

// The project's own trained weights if it has them, else the default model shipped in resources/.
void showBestModel(ui::PredictPanel* predict, ui::ProjectDocument* document)
{
    const Project project = document->toProject();
    if (project.weights && predict->setModelFromProject(project, document->displayName()))
        return;
    if (const auto fallback = ui::loadDefaultModel())
        predict->setModelFromProject(*fallback, QStringLiteral("Default model (reference MLP, mnist-10k)"));
}

} // namespace

void assembleWorkspace(ui::MainWindow& window)
{
    ui::ProjectDocument* document = window.document();
    auto* training = new ui::TrainingPanel(document);
    auto* predict = new ui::PredictPanel;
    window.addWorkspaceTab(training, QObject::tr("Train"));
    window.addWorkspaceTab(predict, QObject::tr("Predict"));

    // Train stays disabled while the design does not fit the data set, and the Problems list says why; a
    // folder's images are known once the Train tab's preview has loaded it.
    document->setDataFitChecked(true);
    QObject::connect(training->controller(), &ui::TrainingController::dataSetLoaded, document,
                     [document](const QString& name, const ui::DataSetHandle& data) {
                         if (data)
                             document->setLoadedData({name.toStdString(), data->inputShape(), data->classCount()});
                     });
    predict->setDataSetName(QString::fromStdString(document->settings().dataSet));
    showBestModel(predict, document);
    QObject::connect(training, &ui::TrainingPanel::modelTrained, predict,
                     [predict, document](std::shared_ptr<Network> network, const QString& name, double accuracy,
                                         const QStringList& classNames) {
                         predict->setModel(std::move(network), name, accuracy, classNames);
                         predict->setDataSetName(QString::fromStdString(document->settings().dataSet));
                     });
    // Opening a trained project shows its model.
    QObject::connect(document, &ui::ProjectDocument::pathChanged, predict,
                     [predict, document] { showBestModel(predict, document); });
    window.installEventFilter(new CloseGuard(training, &window));
    // A crash during training leaves the design and the latest checkpoint in the recovery file.
    window.recoveryFile()->watchTraining(training->controller());
    ui::installExportActions(window.exportMenu(), document, &window);
}

} // namespace neurite::cli
