// The Train tab's "Layers" view: each layer's health over the run (LayerHealthRow) under the warnings in
// plain words, live while a run trains and for a finished or loaded run.
#pragma once

#include "health/LayerHealthMarks.h"

#include <neurite/NetworkSpec.h>

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace neurite::ui {

class LayerHealthRow;

class LayerHealthView : public QWidget {
    Q_OBJECT
public:
    // Samples arriving while a run trains are drawn at most this often, all at once.
    static constexpr int kRedrawMs = 100;

    explicit LayerHealthView(QWidget* parent = nullptr);

    // A run of `spec` starts: the view empties and waits for its samples.
    void startRun(const NetworkSpec& spec);
    void addSample(const HealthSample& sample);
    // A finished or loaded run's samples (they replace what came live: the run may have thinned them).
    void showRun(const std::vector<HealthSample>& samples, const NetworkSpec& spec);

    const std::vector<HealthSample>& samples() const { return m_samples; }
    const std::vector<HealthWarning>& warnings() const { return m_warnings; }
    const LayerHealthMarks& marks() const { return m_marks; }
    int rowCount() const { return int(m_rows.size()); }
    LayerHealthRow* row(int index) const { return m_rows.at(std::size_t(index)); }
    QString summaryText() const;
    QPushButton* exportButton() const { return m_export; }

Q_SIGNALS:
    // Each layer's mark, after each redraw (empty when the view was emptied).
    void marksChanged(const neurite::ui::LayerHealthMarks& marks);
    // The user asked to save the samples as CSV.
    void exportRequested();

private:
    void redraw();
    void rebuildRows();
    void showSummary();

    std::vector<HealthSample> m_samples;
    std::vector<HealthWarning> m_warnings;
    LayerHealthMarks m_marks;
    NetworkSpec m_spec;
    QLabel* m_summary;
    QPushButton* m_export;
    QVBoxLayout* m_rowsLayout;
    std::vector<LayerHealthRow*> m_rows;
    QTimer* m_redrawTimer;
};

} // namespace neurite::ui
