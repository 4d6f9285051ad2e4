// How fast a run may go: full speed, or a few batches a second so that the charts can be watched learning.
#pragma once

#include <QComboBox>

namespace neurite::ui {

class PaceBox : public QComboBox {
    Q_OBJECT
public:
    explicit PaceBox(QWidget* parent = nullptr);

    // The chosen limit in batches per second; 0 for full speed.
    double batchesPerSecond() const;
    // Chooses the entry of that pace (full speed when there is none); emits paceChosen when it changes.
    void setBatchesPerSecond(double batchesPerSecond);

    // Whether the user picked a pace from the list (not only the program).
    bool chosenByUser() const { return m_chosenByUser; }

Q_SIGNALS:
    void paceChosen(double batchesPerSecond);

private:
    bool m_chosenByUser = false;
};

} // namespace neurite::ui
