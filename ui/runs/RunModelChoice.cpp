// A kept run's weights as a model for the Predict tab.
#include "runs/RunModelChoice.h"

namespace neurite::ui {

std::optional<ModelChoice> modelChoiceFromRun(const RunRecord& run, const QString& name, QString* error)
{
    if (!run.weights) {
        if (error)
            *error = QObject::tr("%1 kept no weights: a project keeps those of its best runs and of starred runs")
                         .arg(QString::fromStdString(run.name));
        return std::nullopt;
    }
    // The model chooser reads a trained project: the run's design and weights as one.
    Project project;
    project.spec = run.design;
    project.settings = run.settings;
    project.weights = run.weights;
    project.history = run.history;
    project.history.testAccuracy = run.test.accuracy;
    project.dataSetName = run.dataSetName;
    project.classNames = run.classNames;
    project.schema = run.schema;
    return modelChoiceFromProject(project, ModelChoice::Kind::Run, name, error);
}

} // namespace neurite::ui
