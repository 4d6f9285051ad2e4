// The canvas's viewport: wheel zoom around the cursor, panning, fit-to-view, and drops from the palette.
#pragma once

#include <QGraphicsView>

namespace neurite::ui {

class GraphScene;

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

    GraphScene* graphScene() const { return m_scene; }
    void zoomBy(double factor);
    void zoomIn() { zoomBy(1.2); }
    void zoomOut() { zoomBy(1 / 1.2); }
    void resetZoom();
    void fitToContents();
    double zoom() const { return transform().m11(); }
    // The smallest text on a node is at least this many pixels on screen at the readable zoom.
    static constexpr double kReadableTextPixels = 10;
    // The zoom below which fitting does not go: node text would be too small to read.
    static double readableZoom();
    // What the view shows at the readable zoom, less the fitting margins, in scene units: the room a layout
    // may take and still be seen whole and readable.
    QSizeF roomAtReadableZoom() const;
    // Each fit first lays out the design for the view (GraphScene::placeForView), so that it follows the
    // window's size: for a document whose positions were never chosen, until the user edits it.
    void setPlaceWhileFitted(bool place) { m_placeWhileFitted = place; }
    // Where a new node goes when it is not dropped at a point: the middle of what is visible.
    QPointF visibleCenter() const;

    // The MIME type of a layer type name dragged from the palette.
    static QString layerMimeType();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    GraphScene* m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    bool m_fitPending = false; // asked to fit before the view had its size
    bool m_fitted = false;     // showing a fit the user has not zoomed or scrolled away from since
    bool m_placeWhileFitted = false;
    QPoint m_panStart;
};

} // namespace neurite::ui
