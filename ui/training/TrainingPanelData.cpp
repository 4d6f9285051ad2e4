// The Train tab's data: loading the chosen data set (a table with its target and roles, an image folder
// with its size and colour) for the preview, checking the design against it, and the data a run trains on.
#include "training/DataSetPreview.h"
#include "training/DesignFitBar.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"
#include "insight/LearningRateFinderLauncher.h"

#include "charts/AccuracyChart.h"
#include "document/ProjectDocument.h"

#include <neurite/DataFit.h>

#include <utility>

namespace neurite::ui {

void TrainingPanel::setDataSetOverride(const DataSetHandle& data)
{
    m_override = data;
    m_lrFinder->setDataSetOverride(data);
    // The design is checked against the data it will really train on.
    m_document->setDataOverride(data ? std::optional<DataFacts>(dataFactsOf(*data)) : std::nullopt);
    m_fitBar->setData(data);
    if (data)
        m_preview->setDataSet(data, m_form->settings().validationSplit);
}

// Loads the settings' data set on the worker unless the preview already shows it as the settings say.
void TrainingPanel::loadPreview()
{
    const QString name = m_form->dataSetName();
    const TrainingSettings settings = m_form->settings();
    if (m_override || name.isEmpty() ||
        (name == m_previewName && settings.table == m_previewTable && settings.image == m_previewImage &&
         settings.plane == m_previewPlane))
        return;
    m_previewName = name;
    m_previewTable = settings.table;
    m_previewImage = settings.image;
    m_previewPlane = settings.plane;
    m_preview->showMessage(tr("Loading %1…").arg(name));
    m_fitBar->setData({});
    m_controller->loadDataSet(name, settings.table, settings.image, settings.plane);
}

void TrainingPanel::onDataSetLoaded(const QString& name, const DataSetHandle& data)
{
    if (name != m_form->dataSetName() || m_override || !data)
        return;
    m_preview->setDataSet(data, m_form->settings().validationSplit);
    m_preview->setTable(m_controller->tableReport(), m_controller->dataSetTable());
    m_preview->setImageFolder(m_controller->imageReport(), data);
    if (const ImageReportHandle report = m_controller->imageReport())
        m_form->setImageReport(*report, m_controller->dataSetImage());
    m_fitBar->setData(data);
    // New features or painted classes: the Input and the last layer follow at once (one undoable step).
    if (std::exchange(m_adaptDesignOnLoad, false))
        adaptDocumentToData(*m_document, *data);
    if (!m_controller->isRunning()) {
        showPlaneFor(data);
        refreshRestingPlane();
    }
}

// A role or the target changed in the table preview: the settings take it and the table loads again.
void TrainingPanel::onTableSettingsEdited(const TableSettings& table)
{
    m_form->setTableSettings(table);
    loadPreview();
}

void TrainingPanel::onRunData(const DataSetHandle& data)
{
    m_runData = data;
    m_showSeedWeights = false; // once a run starts, the trained weights are the ones to show at rest
    showPlaneFor(data);
    m_preview->setDataSet(data, m_runSettings.validationSplit);
    // A regression has no accuracy: its live view is the loss alone.
    m_accuracyChart->setVisible(data->task() != TaskKind::Regression);
    const bool table = data->schema.kind == DataSchema::Kind::Table;
    appendLog((table ? tr("Training on %1: %L2 training rows.") : tr("Training on %1: %L2 training images."))
                  .arg(QString::fromStdString(data->name))
                  .arg(data->train.count()));
}

} // namespace neurite::ui
