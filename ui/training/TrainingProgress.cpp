// The values that travel between the GUI thread and the training worker through queued signals.
#include "training/TrainingProgress.h"

#include <QCoreApplication>

namespace neurite::ui {

void registerTrainingMetaTypes()
{
    qRegisterMetaType<DataSetHandle>();
    qRegisterMetaType<BatchReports>();
    qRegisterMetaType<neurite::EpochReport>();
    qRegisterMetaType<TestEvaluation>();
    qRegisterMetaType<PlaneSnapshot>();
    qRegisterMetaType<TrainingOutcome>();
    qRegisterMetaType<TrainingCheckpoint>();
}

QString outcomeName(TrainingResult::Outcome outcome)
{
    switch (outcome) {
    case TrainingResult::Outcome::Completed: return QCoreApplication::translate("TrainingProgress", "Completed");
    case TrainingResult::Outcome::Stopped: return QCoreApplication::translate("TrainingProgress", "Stopped");
    case TrainingResult::Outcome::EarlyStopped: return QCoreApplication::translate("TrainingProgress", "Stopped early");
    case TrainingResult::Outcome::Diverged: return QCoreApplication::translate("TrainingProgress", "Diverged");
    }
    return {};
}

} // namespace neurite::ui
