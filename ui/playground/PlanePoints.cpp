// Drawing a two-dimensional data set's points over the decision plane.
#include "playground/PlanePoints.h"

#include "playground/PlaneColours.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace neurite::ui {

namespace {

const QColor kTestOutline(34, 34, 34);
const QColor kRingShadow(0, 0, 0, 70);
constexpr double kValueSteps = 64;

// Each kind of dot drawn once into a small image and copied for every point of that kind: hundreds of
// antialiased ellipses would cost the paint of a new grid several milliseconds.
class DotSprites {
public:
    DotSprites(double radius, qreal ratio) : m_radius(radius), m_ratio(ratio)
    {
        m_side = int(std::ceil((2 * radius + 6) * ratio)) | 1; // odd: the dot's centre is a pixel's centre
    }

    void paint(QPainter& painter, const QPointF& centre, QRgb fill, bool test)
    {
        const QImage& sprite = spriteOf(fill, test);
        const int half = (m_side - 1) / 2;
        const QPointF topLeft(std::floor(centre.x() * m_ratio) - half, std::floor(centre.y() * m_ratio) - half);
        painter.drawImage(topLeft / m_ratio, sprite);
    }

private:
    const QImage& spriteOf(QRgb fill, bool test)
    {
        const quint64 key = (quint64(fill) << 1) | quint64(test);
        auto found = m_sprites.find(key);
        if (found != m_sprites.end())
            return found->second;
        QImage sprite(m_side, m_side, QImage::Format_ARGB32_Premultiplied);
        sprite.fill(Qt::transparent);
        sprite.setDevicePixelRatio(m_ratio);
        QPainter painter(&sprite);
        painter.setRenderHint(QPainter::Antialiasing);
        const double centre = m_side / 2.0 / m_ratio;
        paintPlanePoint(painter, QPointF(centre, centre), m_radius, fill, test);
        return m_sprites.emplace(key, std::move(sprite)).first->second;
    }

    double m_radius;
    qreal m_ratio;
    int m_side = 1;
    std::unordered_map<quint64, QImage> m_sprites;
};

} // namespace

double planePointRadius(double plotSide)
{
    return std::clamp(plotSide / 110.0, 2.6, 5.0);
}

QRgb planeSampleColour(const PlaneSample& sample, const PlanePointsLook& look)
{
    if (!look.regression)
        return classColour(sample.label, look.classes);
    // Values in 1/64ths of the scale: the eye cannot tell them apart, and few colours mean few sprites.
    const double steps = std::round(std::clamp(sample.value / look.valueRange, -1.0, 1.0) * kValueSteps);
    return divergingColour(steps / kValueSteps, 1.0);
}

void paintPlanePoint(QPainter& painter, const QPointF& centre, double radius, QRgb fill, bool test)
{
    // The ring is drawn outside the dot (radius + half the pen), so the colour keeps its full size.
    const double penWidth = test ? std::max(1.2, radius * 0.32) : std::max(1.0, radius * 0.26);
    painter.setPen(QPen(test ? kTestOutline : QColor(Qt::white), penWidth));
    painter.setBrush(QColor::fromRgb(fill));
    const double r = radius + penWidth / 2;
    painter.drawEllipse(centre, r, r);
    if (test)
        return;
    // A faint shadow line around the white ring keeps pale points (values near 0) visible on a pale plane.
    painter.setPen(QPen(kRingShadow, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(centre, r + penWidth / 2 + 0.4, r + penWidth / 2 + 0.4);
}

void paintPlaneSamples(QPainter& painter, const PlaneFrame& frame, const std::vector<PlaneSample>& samples,
                       const PlanePointsLook& look)
{
    const double radius = planePointRadius(frame.plot.width());
    const QRectF visible = frame.plot.adjusted(-radius, -radius, radius, radius);
    DotSprites sprites(radius, painter.device()->devicePixelRatioF());
    painter.save();
    painter.setClipRect(frame.plot);
    for (const bool test : {false, true}) {
        if (test ? !look.showTest : !look.showTraining)
            continue;
        for (const PlaneSample& sample : samples) {
            if (sample.test != test)
                continue;
            const QPointF centre = frame.toWidget(sample.x1, sample.x2);
            if (visible.contains(centre))
                sprites.paint(painter, centre, planeSampleColour(sample, look), test);
        }
    }
    painter.restore();
}

} // namespace neurite::ui
