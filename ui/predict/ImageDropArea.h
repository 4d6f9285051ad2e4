// The Predict tab's image for models trained on an image folder: shows the opened, dropped or pasted
// picture, scaled to fit, and takes image files or image data dropped on it.
#pragma once

#include <QFrame>
#include <QImage>

class QMimeData;

namespace neurite::ui {

class ImageDropArea : public QFrame {
    Q_OBJECT
public:
    explicit ImageDropArea(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }
    void clear();
    // A picture stretched over the shown image (the saliency map of the network's input, which sees the
    // image resized as a whole); null removes it.
    void setOverlay(const QImage& overlay);
    const QImage& overlay() const { return m_overlay; }

    QSize sizeHint() const override { return {280, 280}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

Q_SIGNALS:
    void fileDropped(const QString& path);
    // Image data dropped without a file (from a web browser or an image editor).
    void imageDropped(const QImage& image);

protected:
    void paintEvent(QPaintEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QImage m_image;
    QImage m_overlay;
};

} // namespace neurite::ui
