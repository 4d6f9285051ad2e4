// The Train tab's "Layers" tab: each layer's health, live from the run and for the run shown, its CSV export,
// and the marks it hands on to the node editor.
#include "training/TrainingPanel.h"

#include "document/ProjectDocument.h"
#include "health/LayerHealthView.h"

#include <neurite/Error.h>
#include <neurite/ModelExport.h>

#include <QFileDialog>
#include <QTabWidget>

namespace neurite::ui {

void TrainingPanel::buildLayersTab()
{
    m_layerHealth = new LayerHealthView(m_tabs);
    m_tabs->addTab(m_layerHealth, tr("Layers"));
    connect(m_controller, &TrainingController::healthReported, m_layerHealth, &LayerHealthView::addSample);
    connect(m_layerHealth, &LayerHealthView::marksChanged, this, &TrainingPanel::layerHealthMarks);
    connect(m_layerHealth, &LayerHealthView::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export layer health"),
                                                          QStringLiteral("layer-health.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportHealthCsv(path))
            showBanner(m_lastError, true);
    });
}

// What the Layers tab shows: the run going or just finished, else the document's saved run.
bool TrainingPanel::exportHealthCsv(const QString& path)
{
    TrainingHistory history;
    history.health = m_layerHealth->samples();
    try {
        neurite::exportHealthCsv(history, path.toStdString()); // the table `neurite train --health-csv` writes
        return true;
    } catch (const NeuriteError& e) {
        m_lastError = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace neurite::ui
