// The Train tab's view of a two-dimensional data set: the decision plane with the points, the tools that
// paint them, and a line saying which weights the plane shows (initial, after n batches, the kept ones).
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/PlaneView.h>

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QLabel;

namespace neurite::ui {

class DecisionPlaneView;
class LiveTextLabel;
class PaintToolbar;

class PlanePanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanePanel(QWidget* parent = nullptr);

    // Shows `data`'s points over its plane; false (and the panel forgets the data) unless it is
    // two-dimensional (PlaneInputs::of).
    bool setData(const DataSetHandle& data);
    bool hasData() const { return m_inputs.has_value(); }
    // The network's answer and how far it trained; `caption` says whose weights these are.
    void setSnapshot(const PlaneSnapshot& snapshot, const QString& caption);
    // No network to show (the design does not fit the data, say): the points alone.
    void clearSnapshot(const QString& caption);
    // Painting is offered only while nothing trains (a run keeps the data it started with).
    void setEditable(bool editable);

    DecisionPlaneView* view() const { return m_view; }
    PaintToolbar* toolbar() const { return m_toolbar; }
    QString captionText() const;

Q_SIGNALS:
    // The user painted or erased: every point, the painted ones as training points.
    void pointsEdited(const std::vector<neurite::PlaneSample>& samples, const QStringList& classNames);
    void saveRequested();
    void openRequested();
    // The user turned the live plane on or off (off: it shows a run's weights only when it ends).
    void liveToggled(bool live);

private:
    QWidget* buildOptions();
    QStringList classNamesOf(const Dataset& data) const;

    PaintToolbar* m_toolbar;
    DecisionPlaneView* m_view;
    LiveTextLabel* m_caption; // changes with every look at the plane
    QCheckBox* m_showTest;
    QCheckBox* m_showTraining;
    QCheckBox* m_live;
    std::optional<PlaneInputs> m_inputs;
    std::string m_dataName;
};

} // namespace neurite::ui
