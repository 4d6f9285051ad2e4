// The image the network actually sees (28x28 for digits, the model's size for image models), magnified with
// hard pixel edges.
#pragma once

#include <QImage>
#include <QWidget>

#include <vector>

namespace neurite::ui {

class NetworkInputView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkInputView(QWidget* parent = nullptr);

    // values: width * height network inputs in [0, 1], row-major.
    void setInput(const std::vector<float>& values, int width = 28, int height = 28);
    // An image model's input as it is after resizing (grey or colour): no digit centre is marked.
    void setInputImage(const QImage& image);
    void clearInput();
    // What the empty view says ("28 x 28", or an image model's size) and its tooltip.
    void setEmptyText(const QString& text, const QString& tip);
    const QImage& inputImage() const { return m_image; } // null when there is no input
    // A picture of the input's size drawn over it pixel for pixel (the saliency map); null removes it.
    void setOverlay(const QImage& overlay);
    const QImage& overlay() const { return m_overlay; }

    QSize sizeHint() const override { return {196, 196}; }
    QSize minimumSizeHint() const override { return {112, 112}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QImage m_overlay;
    bool m_digit = true; // mark the centre where digit preprocessing puts the centre of mass
    QString m_emptyText;
};

} // namespace neurite::ui
