// The Train tab's Export menu: the loss and accuracy charts as PNG, and the history as the one CSV table.
#include "training/TrainingPanel.h"

#include "charts/AccuracyChart.h"
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"

#include <neurite/Error.h>
#include <neurite/ModelExport.h>

#include <QFileDialog>
#include <QMenu>
#include <QPushButton>

namespace neurite::ui {

void TrainingPanel::buildExportMenu(QPushButton* button)
{
    auto* menu = new QMenu(button);
    const auto ask = [this](const QString& title, const QString& name, const QString& filter) {
        return QFileDialog::getSaveFileName(this, title, name, filter);
    };
    menu->addAction(tr("Loss chart as PNG…"), this, [=, this] {
        const QString path = ask(tr("Export loss chart"), QStringLiteral("loss.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportLossChart(path))
            showBanner(m_lastError, true);
    });
    menu->addAction(tr("Accuracy chart as PNG…"), this, [=, this] {
        const QString path = ask(tr("Export accuracy chart"), QStringLiteral("accuracy.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportAccuracyChart(path))
            showBanner(m_lastError, true);
    });
    menu->addAction(tr("History as CSV…"), this, [=, this] {
        const QString path = ask(tr("Export training history"), QStringLiteral("history.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportHistoryCsv(path))
            showBanner(m_lastError, true);
    });
    menu->addAction(tr("Layer health as CSV…"), this, [=, this] {
        const QString path = ask(tr("Export layer health"), QStringLiteral("layer-health.csv"),
                                 tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportHealthCsv(path))
            showBanner(m_lastError, true);
    });
    button->setMenu(menu);
}

bool TrainingPanel::exportLossChart(const QString& path)
{
    if (m_lossChart->savePng(path))
        return true;
    m_lastError = tr("Could not write %1.").arg(path);
    return false;
}

bool TrainingPanel::exportAccuracyChart(const QString& path)
{
    if (m_accuracyChart->savePng(path))
        return true;
    m_lastError = tr("Could not write %1.").arg(path);
    return false;
}

bool TrainingPanel::exportHistoryCsv(const QString& path)
{
    const TrainingHistory history = m_outcome ? m_outcome->history : m_document->history();
    try {
        neurite::exportHistoryCsv(history, path.toStdString()); // the table `neurite export --format csv` writes
        return true;
    } catch (const NeuriteError& e) {
        m_lastError = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace neurite::ui
