// The training settings' rows for a folder of images: the size every image is resized to and grey or colour,
// each "from the data" unless the user picks one. They add themselves to the settings form.
#pragma once

#include <neurite/ImageFolder.h>
#include <neurite/TrainingSettings.h>

#include <QObject>
#include <QSize>

class QComboBox;
class QFormLayout;

namespace neurite::ui {

class ImageOptionRows : public QObject {
    Q_OBJECT
public:
    // Adds the rows "Image size" and "Colour" to `form`, hidden until setRowsVisible(true).
    ImageOptionRows(QFormLayout* form, QWidget* parent);

    // `base` with the chosen size and channels (0: from the data).
    ImageSettings settings(ImageSettings base) const;
    // Selects the settings' size (added to the list when it is not there) and channels; does not emit.
    void setSettings(const ImageSettings& settings);
    // What loading found: the sizes in the list, and what "from the data" chose when it was used.
    void setReport(const ImageFolderReport& report, const ImageSettings& loadedWith);
    void setRowsVisible(bool visible);

    QComboBox* sizeBox() const { return m_size; }
    QComboBox* colourBox() const { return m_colour; }

Q_SIGNALS:
    // The user chose another size or colour: the folder must be decoded again.
    void edited();

private:
    void fillSizes(const ImageFolderReport* report);
    int sizeIndex(QSize size);

    QFormLayout* m_form;
    QComboBox* m_size;
    QComboBox* m_colour;
    bool m_updating = false;
};

} // namespace neurite::ui
