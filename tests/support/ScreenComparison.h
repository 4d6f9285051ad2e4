// What a window shows against what painting all of it again draws: stale pixels left by a partial update.
// Header only: for the widget tests (the support library links no GUI module).
#pragma once

#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QWidget>

#include <algorithm>
#include <cstdlib>

namespace neurite {

// How many of the pixels the window shows (its backing store) differ from what painting all of it again
// (QWidget::grab) draws by more than `tolerance` in a colour channel. A stale label or line differs by
// hundreds; an antialiased edge painted through a smaller clip can differ by one or two.
inline int pixelsShownUnlikeARepaint(QWidget& window, int tolerance = 16)
{
    const QImage shown = window.screen()->grabWindow(window.winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QImage drawn = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (shown.size() != drawn.size())
        return -1;
    int differing = 0;
    for (int y = 0; y < drawn.height(); ++y)
        for (int x = 0; x < drawn.width(); ++x) {
            const QRgb a = shown.pixel(x, y), b = drawn.pixel(x, y);
            const int most = std::max(
                {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
            differing += most > tolerance;
        }
    return differing;
}

} // namespace neurite
