// The Predict tab's saliency controls: the overlay's toggle, its method, its legend and which class it
// explains, in words.
#pragma once

#include "neurite/Saliency.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace neurite::ui {

class SaliencyBar : public QWidget {
    Q_OBJECT
public:
    explicit SaliencyBar(QWidget* parent = nullptr);

    bool isOverlayShown() const;
    void setOverlayShown(bool shown);
    neurite::SaliencyOptions options() const;

    // Names the explained class and, when it is not the network's answer, the answer too ("why not a 7?").
    void setExplained(const QString& explained, const QString& answer);
    void clearExplained();
    QString explanationText() const;

Q_SIGNALS:
    void changed(); // the toggle or the method changed

private:
    QCheckBox* m_show;
    QComboBox* m_method;
    QLabel* m_legend;
    QLabel* m_explains;
};

} // namespace neurite::ui
