// A picture of a design for documents: layers as captioned boxes in data-flow order, as SVG or PNG.
#pragma once

#include <neurite/NetworkSpec.h>

#include <QPointF>
#include <QSizeF>
#include <QString>
#include <map>
#include <string>

class QPainter;

namespace neurite::render {

// Lays the layers out left to right by depth (the longest path from an Input), one column per depth,
// and draws each as a box with its caption (layerCaption), its id and its output shape (from validate).
class NetworkDiagram {
public:
    explicit NetworkDiagram(const NetworkSpec& spec);

    QSizeF size() const { return m_size; }
    // Draws at the diagram's own scale (one unit per pixel at scale 1) onto any paint device.
    void paint(QPainter& painter) const;

    // Both write atomically (QSaveFile); they throw NeuriteError naming the file when writing fails.
    // Text needs a QGuiApplication (fonts): the CLI creates an offscreen one.
    void writeSvg(const QString& path) const;
    void writePng(const QString& path, qreal scale = 2.0) const;

private:
    struct Box {
        QPointF topLeft;
        QString caption;
        QString detail; // "dense1 -> (128)"
        QString category;
    };
    void layout();
    void paintBox(QPainter& painter, const Box& box) const;
    void paintArrow(QPainter& painter, const Box& from, const Box& to) const;

    NetworkSpec m_spec;
    std::map<std::string, Box> m_boxes;
    QSizeF m_size;
};

} // namespace neurite::render
