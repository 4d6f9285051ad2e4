// Connects the Train tab's "Find…" button to the learning-rate finder: checks and loads the data set the
// settings name, opens the dialog on the design and settings of the moment, and applies its suggestion
// to the settings form.
#pragma once

#include "training/TrainingProgress.h"

#include <QObject>
#include <QPointer>

namespace neurite::ui {

class LearningRateFinderDialog;
class ProjectDocument;
class RunPreflight;
class TrainingController;
class TrainingSettingsForm;

class LearningRateFinderLauncher : public QObject {
    Q_OBJECT
public:
    // `parent` is the tab the dialog opens over; the controller only loads the data set, never trains here.
    LearningRateFinderLauncher(ProjectDocument* document, TrainingController* controller, TrainingSettingsForm* form,
                               QWidget* parent);

    // Sweeps this data instead of loading the settings' data set (the tab's override: tests, data made elsewhere).
    void setDataSetOverride(const DataSetHandle& data) { m_override = data; }
    // Opens the dialog (window-modal) and starts the sweep once the data set is loaded and fits the design.
    void open();
    // The open dialog, or null.
    LearningRateFinderDialog* dialog() const;

private:
    void onPassed(const DataSetHandle& data);
    void onRefused(const QString& message);

    ProjectDocument* m_document;
    TrainingSettingsForm* m_form;
    RunPreflight* m_preflight;
    QWidget* m_parent;
    QPointer<LearningRateFinderDialog> m_dialog;
    DataSetHandle m_override;
};

} // namespace neurite::ui
