// The decision plane widget: a cached layer (grid image, points, axes, legend) redrawn only when something
// changed, so that a paint during training is one copy of a pixmap; and the mouse's point painting.
#include "playground/DecisionPlaneView.h"

#include "playground/PlaneAnswer.h"
#include "playground/PlaneColours.h"
#include "playground/PlaneGridImage.h"
#include "playground/PlaneLegend.h"
#include "playground/PlanePoints.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

const QColor kNeutralPlane(232, 234, 235); // Playground's middle grey: no network yet
constexpr double kTickSpacing = 55;        // pixels per tick at most, about
constexpr int kPadding = 6;
constexpr std::size_t kUndoPoints = 1'000'000; // points kept for undo in all, so big sets cannot fill memory

int tickCount(double side)
{
    return std::clamp(int(side / kTickSpacing), 3, 11);
}

} // namespace

DecisionPlaneView::DecisionPlaneView(QWidget* parent)
    : QWidget(parent), m_x1Name(QStringLiteral("x\u2081")), m_x2Name(QStringLiteral("x\u2082"))
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_classNames = {QStringLiteral("-1"), QStringLiteral("1")};
}

void DecisionPlaneView::setGrid(std::shared_ptr<const PlaneGrid> grid)
{
    m_grid = std::move(grid);
    refreshValueRange();
    gridChanged();
}

void DecisionPlaneView::setSamples(std::vector<PlaneSample> samples, QStringList classNames, bool regression)
{
    m_samples = std::move(samples);
    m_classNames = std::move(classNames);
    const bool recolour = regression != m_regression;
    m_regression = regression;
    if (refreshValueRange() || recolour)
        gridChanged();
    else
        contentChanged();
}

// The regression's colour scale follows the points; true when it changed (the grid's colours change too).
bool DecisionPlaneView::refreshValueRange()
{
    const double range = m_regression ? valueRangeOf(m_samples, m_grid.get()) : 1.0;
    if (range == m_valueRange)
        return false;
    m_valueRange = range;
    return true;
}

void DecisionPlaneView::setBounds(const PlaneBounds& bounds)
{
    if (!(bounds.x1Max > bounds.x1Min && bounds.x2Max > bounds.x2Min) || bounds == m_bounds)
        return;
    m_bounds = bounds;
    m_scaledGrid = QImage();
    contentChanged();
}

void DecisionPlaneView::setAxisNames(const QString& x1Name, const QString& x2Name)
{
    m_x1Name = x1Name;
    m_x2Name = x2Name;
    contentChanged();
}

void DecisionPlaneView::setShowTraining(bool show)
{
    m_showTraining = show;
    contentChanged();
}

void DecisionPlaneView::setShowTest(bool show)
{
    m_showTest = show;
    contentChanged();
}

void DecisionPlaneView::setPaintingEnabled(bool enabled)
{
    m_painting = enabled;
    m_edit = Edit::None;
    setCursor(enabled ? Qt::CrossCursor : Qt::ArrowCursor);
    // The right button erases: no context menu of a parent widget may open on it meanwhile.
    setContextMenuPolicy(enabled ? Qt::PreventContextMenu : Qt::DefaultContextMenu);
    update();
}

int DecisionPlaneView::classCount() const
{
    const int gridClasses = m_grid && !m_grid->regression ? m_grid->outputs : 0;
    int labelled = 0;
    for (const PlaneSample& sample : m_samples)
        labelled = std::max(labelled, sample.label + 1);
    return std::max({2, int(m_classNames.size()), gridClasses, labelled});
}

DecisionPlaneView::Layout DecisionPlaneView::layout() const
{
    Layout result;
    result.font = font();
    if (std::min(width(), height()) < 400)
        result.font.setPointSizeF(std::max(7.0, result.font.pointSizeF() - 1));
    const QFontMetrics metrics(result.font);
    result.ticksX2 = planeTicks(m_bounds.x2Min, m_bounds.x2Max, tickCount(std::min(width(), height()) - 60));
    const QMargins axes = planeAxesMargins(metrics, result.ticksX2);
    const int legendHeight = planeLegendHeight(metrics);
    const int top = kPadding + legendHeight;
    const int availableWidth = width() - axes.left() - axes.right() - 2 * kPadding;
    const int availableHeight = height() - top - axes.bottom() - kPadding;
    const int side = std::max(16, std::min(availableWidth, availableHeight));
    const int left = kPadding + axes.left() + std::max(0, (availableWidth - side) / 2);
    const int plotTop = top + std::max(0, (availableHeight - side) / 2);
    result.frame = PlaneFrame{QRectF(left, plotTop, side, side), m_bounds};
    result.ticksX1 = planeTicks(m_bounds.x1Min, m_bounds.x1Max, tickCount(side));
    result.legend = QRectF(left, plotTop - legendHeight, side, legendHeight);
    return result;
}

PlaneFrame DecisionPlaneView::frame() const
{
    return layout().frame;
}

void DecisionPlaneView::gridChanged()
{
    m_gridImage = m_grid ? planeGridImage(*m_grid, m_valueRange) : QImage();
    m_scaledGrid = QImage();
    contentChanged();
}

void DecisionPlaneView::pointsChanged()
{
    if (refreshValueRange())
        gridChanged();
    else
        contentChanged();
}

void DecisionPlaneView::contentChanged()
{
    m_layerValid = false;
    update();
}

void DecisionPlaneView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        contentChanged();
    QWidget::changeEvent(event);
}

void DecisionPlaneView::resizeEvent(QResizeEvent* event)
{
    m_scaledGrid = QImage();
    m_layerValid = false;
    QWidget::resizeEvent(event);
}

void DecisionPlaneView::paintPlane(QPainter& painter, const PlaneFrame& frame)
{
    painter.fillRect(frame.plot, kNeutralPlane);
    if (m_gridImage.isNull())
        return;
    // Whole device pixels, so that the scaled image is copied as it is rather than resampled once more.
    const qreal ratio = devicePixelRatioF();
    const QRectF exact = frame.rectOf(m_grid->bounds);
    const QPoint topLeft(int(std::lround(exact.left() * ratio)), int(std::lround(exact.top() * ratio)));
    const QPoint bottomRight(int(std::lround(exact.right() * ratio)), int(std::lround(exact.bottom() * ratio)));
    const QSize pixels(bottomRight.x() - topLeft.x(), bottomRight.y() - topLeft.y());
    const QRectF target(QPointF(topLeft) / ratio, QSizeF(pixels) / ratio);
    if (pixels.isEmpty())
        return;
    if (m_scaledGrid.size() != pixels)
        m_scaledGrid = smoothlyScaled(m_gridImage, pixels);
    painter.save();
    painter.setClipRect(frame.plot);
    painter.drawImage(target, m_scaledGrid);
    painter.restore();
}

void DecisionPlaneView::rebuildLayer()
{
    const qreal ratio = devicePixelRatioF();
    if (m_layer.size() != size() * ratio || m_layer.devicePixelRatio() != ratio) {
        m_layer = QPixmap(size() * ratio);
        m_layer.setDevicePixelRatio(ratio);
    }
    m_layer.fill(palette().window().color());
    const Layout look = layout();
    QPainter painter(&m_layer);
    painter.setFont(look.font);
    paintPlane(painter, look.frame);
    const int classes = classCount();
    paintPlaneSamples(painter, look.frame, m_samples,
                      PlanePointsLook{m_showTraining, m_showTest, m_regression, classes, m_valueRange});
    paintPlaneAxes(painter, look.frame, look.ticksX1, look.ticksX2, m_x1Name, m_x2Name, palette());
    const bool anyTest = m_showTest && std::any_of(m_samples.begin(), m_samples.end(),
                                                   [](const PlaneSample& sample) { return sample.test; });
    paintPlaneLegend(painter, look.legend,
                     PlaneLegendContent{m_classNames, classes, m_regression, m_valueRange, anyTest,
                                        palette().color(QPalette::WindowText)},
                     planePointRadius(look.frame.plot.width()));
    m_layerValid = true;
}

void DecisionPlaneView::paintEvent(QPaintEvent*)
{
    if (!m_layerValid || m_layer.size() != size() * devicePixelRatioF())
        rebuildLayer();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_layer);
    if (!m_painting || !m_hover)
        return;
    // The reach of the spray or the eraser around the cursor.
    const PlaneFrame plane = frame();
    if (!plane.plot.contains(*m_hover))
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(plane.plot);
    painter.setBrush(Qt::NoBrush);
    const double radius = m_edit == Edit::Erasing ? kEraseRadius : PlaneSpray::kRadius;
    // Dark dashes over a pale line: visible on either class's colour.
    painter.setPen(QPen(QColor(255, 255, 255, 170), 2.5));
    painter.drawEllipse(*m_hover, radius, radius);
    painter.setPen(QPen(QColor(30, 30, 30, 200), 1, Qt::DashLine));
    painter.drawEllipse(*m_hover, radius, radius);
}

// Two quick clicks are two points (or two erasures), not a double click.
void DecisionPlaneView::mouseDoubleClickEvent(QMouseEvent* event)
{
    mousePressEvent(event);
}

void DecisionPlaneView::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (!m_painting || !frame().plot.contains(pos))
        return QWidget::mousePressEvent(event);
    QToolTip::hideText();
    m_strokeRecorded = false;
    if (event->button() == Qt::LeftButton) {
        m_edit = Edit::Spraying;
        m_spray.start(pos);
        addPoints({pos});
    } else if (event->button() == Qt::RightButton) {
        m_edit = Edit::Erasing;
        eraseAt(pos);
    }
}

void DecisionPlaneView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    m_hover = pos;
    if (m_edit == Edit::Spraying && (event->buttons() & Qt::LeftButton))
        addPoints(m_spray.moveTo(pos));
    else if (m_edit == Edit::Erasing && (event->buttons() & Qt::RightButton))
        eraseAt(pos);
    else if (QToolTip::isVisible())
        QToolTip::showText(event->globalPosition().toPoint(), answerAt(pos), this);
    if (m_painting)
        update();
}

void DecisionPlaneView::mouseReleaseEvent(QMouseEvent* event)
{
    if ((event->button() == Qt::LeftButton && m_edit == Edit::Spraying) ||
        (event->button() == Qt::RightButton && m_edit == Edit::Erasing))
        m_edit = Edit::None;
    update();
}

void DecisionPlaneView::leaveEvent(QEvent* event)
{
    m_hover.reset();
    update();
    QWidget::leaveEvent(event);
}

bool DecisionPlaneView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QString text = m_edit == Edit::None ? answerAt(help->pos()) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

// Positions outside the plot are dropped (a spray near the edge stays inside the plane shown).
void DecisionPlaneView::addPoints(const std::vector<QPointF>& widgetPositions)
{
    const PlaneFrame plane = frame();
    bool added = false;
    for (const QPointF& pos : widgetPositions) {
        if (!plane.plot.contains(pos))
            continue;
        if (!added)
            recordUndo();
        const QPointF at = plane.toPlane(pos);
        PlaneSample sample;
        sample.x1 = at.x();
        sample.x2 = at.y();
        sample.label = m_regression ? 0 : std::max(0, m_currentClass);
        sample.value = m_regression ? m_currentValue : 0.0;
        m_samples.push_back(sample);
        added = true;
    }
    if (!added)
        return;
    pointsChanged();
    Q_EMIT pointsEdited(m_samples);
}

void DecisionPlaneView::eraseAt(const QPointF& widgetPos)
{
    const PlaneFrame plane = frame();
    const auto near = [&](const PlaneSample& sample) {
        if (sample.test ? !m_showTest : !m_showTraining)
            return false; // hidden points stay
        const QPointF offset = plane.toWidget(sample.x1, sample.x2) - widgetPos;
        return std::hypot(offset.x(), offset.y()) <= kEraseRadius;
    };
    if (std::none_of(m_samples.begin(), m_samples.end(), near))
        return;
    recordUndo();
    m_samples.erase(std::remove_if(m_samples.begin(), m_samples.end(), near), m_samples.end());
    pointsChanged();
    Q_EMIT pointsEdited(m_samples);
}

void DecisionPlaneView::recordUndo()
{
    if (m_strokeRecorded)
        return;
    m_strokeRecorded = true;
    m_history.push_back(m_samples);
    std::size_t kept = 0;
    for (const auto& points : m_history)
        kept += points.size();
    // The oldest strokes go first when the history holds too many points (never the latest).
    while (m_history.size() > 1 && kept > kUndoPoints) {
        kept -= m_history.front().size();
        m_history.erase(m_history.begin());
    }
    Q_EMIT undoAvailable(true);
}

void DecisionPlaneView::undoEdit()
{
    if (m_history.empty())
        return;
    m_samples = std::move(m_history.back());
    m_history.pop_back();
    m_strokeRecorded = false;
    pointsChanged();
    if (m_history.empty())
        Q_EMIT undoAvailable(false);
    Q_EMIT pointsEdited(m_samples);
}

void DecisionPlaneView::clearEditHistory()
{
    if (m_history.empty())
        return;
    m_history.clear();
    Q_EMIT undoAvailable(false);
}

// The shown point nearest to `widgetPos` within its dot (and a little more), if any.
const PlaneSample* DecisionPlaneView::sampleAt(const QPointF& widgetPos) const
{
    const PlaneFrame plane = frame();
    const double reach = planePointRadius(plane.plot.width()) + 2;
    const PlaneSample* nearest = nullptr;
    double nearestDistance = reach;
    for (const PlaneSample& sample : m_samples) {
        if (sample.test ? !m_showTest : !m_showTraining)
            continue;
        const QPointF offset = plane.toWidget(sample.x1, sample.x2) - widgetPos;
        const double distance = std::hypot(offset.x(), offset.y());
        if (distance <= nearestDistance) {
            nearest = &sample;
            nearestDistance = distance;
        }
    }
    return nearest;
}

QString DecisionPlaneView::answerAt(const QPointF& widgetPos) const
{
    const PlaneFrame plane = frame();
    if (!plane.plot.contains(widgetPos))
        return {};
    const QPointF at = plane.toPlane(widgetPos);
    QStringList lines;
    lines << QStringLiteral("%1 = %2, %3 = %4").arg(m_x1Name, tickText(at.x(), 2), m_x2Name, tickText(at.y(), 2));
    if (m_grid) {
        const QString answer = planeAnswerText(*m_grid, at.x(), at.y(), m_classNames);
        if (!answer.isEmpty())
            lines << tr("Network:") << answer;
    }
    if (const PlaneSample* sample = sampleAt(widgetPos)) {
        const QString what = m_regression ? tr("value %1").arg(sample->value, 0, 'g', 4)
                                          : tr("class %1").arg(planeClassName(m_classNames, sample->label));
        lines << (sample->test ? tr("Test point: %1") : tr("Training point: %1")).arg(what);
    }
    return lines.join(u'\n');
}

} // namespace neurite::ui
