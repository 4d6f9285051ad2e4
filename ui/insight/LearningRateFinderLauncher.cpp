// Opens the learning-rate finder from the Train tab (see LearningRateFinderLauncher.h).
#include "insight/LearningRateFinderLauncher.h"

#include "document/ProjectDocument.h"
#include "insight/LearningRateFinderDialog.h"
#include "training/RunPreflight.h"
#include "training/TrainingSettingsForm.h"

#include <QToolButton>

namespace neurite::ui {

LearningRateFinderLauncher::LearningRateFinderLauncher(ProjectDocument* document, TrainingController* controller,
                                                       TrainingSettingsForm* form, QWidget* parent)
    : QObject(parent), m_document(document), m_form(form), m_preflight(new RunPreflight(controller, this)),
      m_parent(parent)
{
    connect(form->findLearningRateButton(), &QToolButton::clicked, this, &LearningRateFinderLauncher::open);
    connect(m_preflight, &RunPreflight::passed, this, &LearningRateFinderLauncher::onPassed);
    connect(m_preflight, &RunPreflight::refused, this, &LearningRateFinderLauncher::onRefused);
}

LearningRateFinderDialog* LearningRateFinderLauncher::dialog() const
{
    return m_dialog;
}

void LearningRateFinderLauncher::open()
{
    if (m_dialog)
        return;
    m_dialog = new LearningRateFinderDialog(m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &LearningRateFinderDialog::applied, m_form, &TrainingSettingsForm::applyLearningRate);
    // A dialog closed before its data set loaded must not start a sweep later.
    connect(m_dialog, &QDialog::finished, m_preflight, &RunPreflight::cancel);
    m_dialog->open();
    if (!m_document->canTrain()) {
        m_dialog->showProblem(tr("the design has problems (see the Design tab); fix them first."));
        return;
    }
    const TrainingSettings settings = m_form->settings();
    m_dialog->showLoading(QString::fromStdString(settings.dataSet));
    m_preflight->check(m_document->spec(), settings, m_override);
}

// The sweep starts from the weights training would start from: the document's when the settings continue
// from them, else the seed's initialisation.
void LearningRateFinderLauncher::onPassed(const DataSetHandle& data)
{
    if (!m_dialog)
        return;
    const TrainingSettings settings = m_form->settings();
    const std::optional<Weights> weights = settings.startFromWeights ? m_document->trainedWeights() : std::nullopt;
    m_dialog->setSubject(m_document->spec(), weights, settings, data);
    m_dialog->run();
}

void LearningRateFinderLauncher::onRefused(const QString& message)
{
    if (m_dialog)
        m_dialog->showProblem(message);
}

} // namespace neurite::ui
