// A square drawing surface for digits: thick, round-capped, antialiased white strokes on black, like MNIST.
#pragma once

#include "neurite/DigitPreprocessing.h"

#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QTimer>
#include <QTransform>
#include <QWidget>

#include <optional>

class QMimeData;

namespace neurite::ui {

class DigitCanvas : public QWidget {
    Q_OBJECT
public:
    // The drawing is kept at this resolution whatever the widget's size, so results do not depend on it.
    static constexpr int kImageSize = 448;
    static constexpr int kDefaultPenWidth = 36; // in image pixels: about MNIST's stroke once scaled to 20 px
    static constexpr int kMinPenWidth = 6;
    static constexpr int kMaxPenWidth = 90;
    static constexpr int kChangeIntervalMs = 33; // strokeChanged at most ~30 times a second

    explicit DigitCanvas(QWidget* parent = nullptr);

    // The drawing at full resolution (kImageSize square), 0 = background, 255 = ink.
    neurite::GreyImage image() const;
    const QImage& drawing() const { return m_image; }
    bool isEmpty() const { return m_strokes.isEmpty() && m_background.isNull() && !m_current; }
    int strokeCount() const { return int(m_strokes.size()); }
    bool isDrawing() const { return m_current.has_value(); }

    int penWidth() const { return m_penWidth; }
    void setPenWidth(int width);

    // Adds one stroke through `points` (image coordinates), as if drawn by hand; emits strokeFinished.
    void addStroke(const QList<QPointF>& points);
    // Replaces the drawing with `image` scaled smoothly to fill the canvas (aspect kept, centred).
    // Strokes drawn afterwards go on top of it; Undo with no strokes left removes it.
    void setImage(const neurite::GreyImage& image);

    // A picture drawn over the drawing (the saliency map of the network's input), `toImage` mapping its
    // pixels (edges at whole numbers) to the drawing's; a null picture removes it.
    void setOverlay(const QImage& overlay, const QTransform& toImage);
    const QImage& overlay() const { return m_overlay; }

    // Widget position -> image coordinates.
    QPointF toImage(const QPointF& widgetPos) const;
    QRectF imageRect() const; // where the drawing is shown inside the widget

    QSize sizeHint() const override { return {400, 400}; }
    QSize minimumSizeHint() const override { return {200, 200}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

public Q_SLOTS:
    void clear();
    void undo();

Q_SIGNALS:
    void strokeChanged();   // while a stroke is being drawn, throttled to kChangeIntervalMs
    void strokeFinished();  // a stroke was completed
    void drawingReplaced(); // cleared, undone or replaced by an image
    void fileDropped(const QString& path);
    void penWidthChanged(int width);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Stroke {
        QList<QPointF> points;
        int width = kDefaultPenWidth;
    };

    void beginStroke(const QPointF& imagePos);
    void extendStroke(const QPointF& imagePos);
    void endStroke();
    void emitChangedThrottled();
    void rebuild();       // m_committed from the background and finished strokes
    void renderCurrent(); // m_image = m_committed + the stroke being drawn
    static void paintStroke(QImage& target, const Stroke& stroke);

    QImage m_background; // a loaded image, already scaled to the canvas (or null)
    QList<Stroke> m_strokes;
    std::optional<Stroke> m_current;
    QImage m_committed; // Grayscale8, kImageSize square
    QImage m_image;     // what is shown and predicted from
    QImage m_overlay;
    QTransform m_overlayToImage;
    int m_penWidth = kDefaultPenWidth;
    QElapsedTimer m_sinceChanged;
    QTimer m_pendingChange;
};

} // namespace neurite::ui
