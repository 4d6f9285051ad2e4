// Before a run starts: its settings are checked, its data set is loaded (on the worker) and checked against
// the design, so that a start refused for its data says why and leaves no run behind.
#include "training/RunPreflight.h"

#include "training/DataSetPreview.h"
#include "training/TrainingController.h"

#include <neurite/DataFit.h>
#include <neurite/Error.h>

#include <QStringList>

namespace neurite::ui {

RunPreflight::RunPreflight(TrainingController* controller, QObject* parent) : QObject(parent), m_controller(controller)
{
    connect(controller, &TrainingController::dataSetLoaded, this, &RunPreflight::onLoaded);
    connect(controller, &TrainingController::dataSetFailed, this, &RunPreflight::onFailed);
}

void RunPreflight::check(const NetworkSpec& spec, const TrainingSettings& settings, const DataSetHandle& data)
{
    m_pending.reset();
    try {
        validateSettings(settings);
    } catch (const NeuriteError& e) {
        Q_EMIT refused(QString::fromStdString(e.what()));
        return;
    }
    m_pending = Pending{spec, settings};
    const QString name = QString::fromStdString(settings.dataSet);
    if (data)
        judge(data);
    else if (m_controller->hasLoaded(settings.dataSet, settings.table, settings.image, settings.plane))
        judge(m_controller->dataSet());
    else
        m_controller->loadDataSet(name, settings.table, settings.image,
                                  settings.plane); // answers with dataSetLoaded or dataSetFailed
}

QString RunPreflight::problemsWith(const NetworkSpec& spec, const TrainingSettings& settings, const Dataset& data)
{
    QStringList problems;
    for (const ValidationIssue& issue : checkDesignAgainstData(spec, dataFactsOf(data)))
        if (issue.severity == ValidationIssue::Severity::Error)
            problems << QString::fromStdString(issue.message);
    if (data.train.count() == 0)
        problems << tr("Data set '%1' has no training samples.").arg(QString::fromStdString(data.name));
    else if (splitSizes(data, settings.validationSplit).train == 0)
        problems << tr("The validation split leaves nothing to train on; use a smaller split.");
    return problems.join(QLatin1Char('\n'));
}

void RunPreflight::judge(const DataSetHandle& data)
{
    const Pending pending = std::move(*m_pending);
    m_pending.reset();
    const QString problems = problemsWith(pending.spec, pending.settings, *data);
    if (problems.isEmpty())
        Q_EMIT passed(data);
    else
        Q_EMIT refused(problems);
}

void RunPreflight::onLoaded(const QString& name, const DataSetHandle& data)
{
    // A preview's load of the same table with other roles is not the one this run asked for.
    if (m_pending && name == QString::fromStdString(m_pending->settings.dataSet) &&
        m_controller->hasLoaded(m_pending->settings.dataSet, m_pending->settings.table, m_pending->settings.image,
                                m_pending->settings.plane))
        judge(data);
}

void RunPreflight::onFailed(const QString& name, const QString& message)
{
    if (!m_pending || name != QString::fromStdString(m_pending->settings.dataSet))
        return;
    m_pending.reset();
    Q_EMIT refused(message);
}

} // namespace neurite::ui
