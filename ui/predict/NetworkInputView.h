// The 28x28 image the network actually sees, magnified with hard pixel edges.
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
    void clearInput();
    const QImage& inputImage() const { return m_image; } // Grayscale8, null when there is no input

    QSize sizeHint() const override { return {196, 196}; }
    QSize minimumSizeHint() const override { return {112, 112}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
};

} // namespace neurite::ui
