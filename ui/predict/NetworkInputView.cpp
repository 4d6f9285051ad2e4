// NetworkInputView: nearest-neighbour magnification with a faint pixel grid and the centre marked.
#include "predict/NetworkInputView.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

NetworkInputView::NetworkInputView(QWidget* parent) : QWidget(parent), m_emptyText(tr("28 x 28"))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setToolTip(tr("The 28 x 28 image the network sees: the drawing cropped, scaled to 20 px and centred "
                  "by its centre of mass, as MNIST was made"));
}

void NetworkInputView::setInput(const std::vector<float>& values, int width, int height)
{
    if (width <= 0 || height <= 0 || values.size() != std::size_t(width) * std::size_t(height))
        return clearInput();
    m_digit = true;
    m_image = QImage(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        uchar* row = m_image.scanLine(y);
        for (int x = 0; x < width; ++x)
            row[x] = uchar(std::lround(255.0f * std::clamp(values[std::size_t(y) * width + x], 0.0f, 1.0f)));
    }
    update();
}

void NetworkInputView::setInputImage(const QImage& image)
{
    m_digit = false;
    m_image = image;
    update();
}

void NetworkInputView::setEmptyText(const QString& text, const QString& tip)
{
    m_emptyText = text;
    setToolTip(tip);
    update();
}

void NetworkInputView::setOverlay(const QImage& overlay)
{
    m_overlay = overlay;
    update();
}

void NetworkInputView::clearInput()
{
    m_image = QImage();
    m_overlay = QImage();
    update();
}

void NetworkInputView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const int side = std::min(width(), height());
    QRect r((width() - side) / 2, (height() - side) / 2, side, side);
    if (m_image.isNull()) {
        painter.fillRect(r, Qt::black);
        painter.setPen(QColor(150, 150, 150));
        painter.drawText(r, Qt::AlignCenter, m_emptyText);
        return;
    }
    // An image model's input may be wider than high: its pixels stay square.
    const QSize fitted = m_image.size().scaled(r.size(), Qt::KeepAspectRatio);
    r = QRect(r.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
    painter.fillRect(r, Qt::black);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // show the real pixels
    painter.drawImage(r, m_image);
    if (!m_overlay.isNull() && m_overlay.size() == m_image.size())
        painter.drawImage(r, m_overlay);
    const double cell = double(r.width()) / m_image.width();
    if (cell >= 5) {
        // One-pixel rectangles: a quarter of the cost of as many translucent lines, at every stroke's repaint.
        const QColor grid(255, 255, 255, 22);
        for (int i = 1; i < m_image.width(); ++i)
            painter.fillRect(QRectF(r.left() + i * cell, r.top(), 1, r.height()), grid);
        for (int i = 1; i < m_image.height(); ++i)
            painter.fillRect(QRectF(r.left(), r.top() + i * cell, r.width(), 1), grid);
    }
    if (!m_digit)
        return;
    // The centre (14, 14) where preprocessing puts the centre of mass.
    painter.setPen(QColor(230, 126, 34, 160));
    const QPointF c(r.left() + (m_image.width() / 2 + 0.5) * cell, r.top() + (m_image.height() / 2 + 0.5) * cell);
    painter.drawLine(c - QPointF(cell, 0), c + QPointF(cell, 0));
    painter.drawLine(c - QPointF(0, cell), c + QPointF(0, cell));
}

} // namespace neurite::ui
