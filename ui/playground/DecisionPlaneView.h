// The decision plane of a two-dimensional data set: the network's answer over the plane (the most probable
// class's colour with its confidence, or the regressed value on a diverging scale), the training and test
// points on top, axes and a legend; hovering tells the answer under the cursor. With painting on, the mouse
// edits the points: a left click adds one of the current class, a left drag sprays, the right button erases.
#pragma once

#include "playground/PlaneAxes.h"
#include "playground/PlaneFrame.h"
#include "playground/PlaneSpray.h"

#include "neurite/PlaneView.h"

#include <QImage>
#include <QPixmap>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace neurite::ui {

class DecisionPlaneView : public QWidget {
    Q_OBJECT
public:
    static constexpr double kEraseRadius = 12; // widget pixels around the cursor

    explicit DecisionPlaneView(QWidget* parent = nullptr);

    // The network's answer over the plane; null before there is a network (a neutral background then).
    void setGrid(std::shared_ptr<const PlaneGrid> grid);
    std::shared_ptr<const PlaneGrid> grid() const { return m_grid; }
    // The data set's points (plane coordinates), its class names, and whether it is a regression.
    void setSamples(std::vector<PlaneSample> samples, QStringList classNames, bool regression);
    const std::vector<PlaneSample>& samples() const { return m_samples; }
    const QStringList& classNames() const { return m_classNames; }
    bool isRegression() const { return m_regression; }
    // The part of the plane shown (the generated sets' [-6, 6]² until set).
    void setBounds(const PlaneBounds& bounds);
    const PlaneBounds& bounds() const { return m_bounds; }
    // The axes' names: x₁ and x₂ until set (a table's two columns, for example).
    void setAxisNames(const QString& x1Name, const QString& x2Name);
    void setShowTraining(bool show);
    void setShowTest(bool show);
    bool showsTraining() const { return m_showTraining; }
    bool showsTest() const { return m_showTest; }

    void setPaintingEnabled(bool enabled);
    bool isPaintingEnabled() const { return m_painting; }
    void setCurrentClass(int index) { m_currentClass = index; }
    int currentClass() const { return m_currentClass; }
    void setCurrentValue(double value) { m_currentValue = value; }
    double currentValue() const { return m_currentValue; }
    // Restarts the spray's generator, so that the same strokes spray the same points.
    void setSpraySeed(quint64 seed) { m_spray.reseed(seed); }

    // Each mouse stroke (a click, a spray, an erasing drag) can be undone, the latest first. The history
    // survives setSamples (the window may split the edited points and hand them back); clear it when the
    // view shows another data set.
    bool canUndo() const { return !m_history.empty(); }
    void clearEditHistory();

    // Where the plane is drawn at the widget's current size, and the mapping both ways.
    PlaneFrame frame() const;
    // The half-width of the regression's colour scale (the largest |value| among the points).
    double valueRange() const { return m_valueRange; }
    // The hover text at a widget position: the plane point, the network's answer there, the point under it.
    QString answerAt(const QPointF& widgetPos) const;

    QSize sizeHint() const override { return {440, 440}; }
    QSize minimumSizeHint() const override { return {240, 240}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

public Q_SLOTS:
    // Restores the points as they were before the latest stroke; emits pointsEdited.
    void undoEdit();

Q_SIGNALS:
    // After each edit by the mouse or undo, the full new list (added points are training points).
    void pointsEdited(const std::vector<neurite::PlaneSample>& samples);
    void undoAvailable(bool available);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Layout {
        QFont font;
        PlaneFrame frame;
        PlaneTicks ticksX1;
        PlaneTicks ticksX2;
        QRectF legend;
    };
    enum class Edit { None, Spraying, Erasing };

    Layout layout() const;
    int classCount() const;
    void gridChanged();    // a new grid image, and a new scaled one at the next paint
    void contentChanged(); // the cached layer is drawn again at the next paint
    void pointsChanged();  // after a mouse edit
    bool refreshValueRange();
    void rebuildLayer();
    void paintPlane(QPainter& painter, const PlaneFrame& frame);
    void addPoints(const std::vector<QPointF>& widgetPositions);
    void eraseAt(const QPointF& widgetPos);
    const PlaneSample* sampleAt(const QPointF& widgetPos) const;
    void recordUndo(); // before the first change of a stroke

    std::shared_ptr<const PlaneGrid> m_grid;
    std::vector<PlaneSample> m_samples;
    QStringList m_classNames;
    bool m_regression = false;
    double m_valueRange = 1;
    PlaneBounds m_bounds;
    QString m_x1Name;
    QString m_x2Name;
    bool m_showTraining = true;
    bool m_showTest = true;

    bool m_painting = false;
    int m_currentClass = 0;
    double m_currentValue = 1;
    PlaneSpray m_spray;
    Edit m_edit = Edit::None;
    std::optional<QPointF> m_hover;
    std::vector<std::vector<PlaneSample>> m_history; // the points before each stroke, oldest first
    bool m_strokeRecorded = false;

    QImage m_gridImage;  // one pixel per cell, made when the grid changes
    QImage m_scaledGrid; // m_gridImage at the plot's size in device pixels
    QPixmap m_layer;     // everything but the cursor's ring, drawn again only when something changed
    bool m_layerValid = false;
};

} // namespace neurite::ui
