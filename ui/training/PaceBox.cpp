// How fast a run may go: full speed, or a few batches a second so that the charts can be watched learning.
#include "training/PaceBox.h"

namespace neurite::ui {

PaceBox::PaceBox(QWidget* parent) : QComboBox(parent)
{
    addItem(tr("Full speed"), 0.0);
    // 1,000 a second: a two-dimensional set's boundary forms in a few seconds, as Playground shows it.
    for (const int pace : {1000, 100, 20, 5, 2})
        addItem(tr("%L1 batches/s").arg(pace), double(pace));
    addItem(tr("1 batch/s"), 1.0);
    setToolTip(tr("Limit how many batches a second the run trains, to watch it learn; "
                  "the waiting does not count in the elapsed time, samples/s or ETA"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT paceChosen(batchesPerSecond()); });
    connect(this, &QComboBox::activated, this, [this] { m_chosenByUser = true; });
}

double PaceBox::batchesPerSecond() const
{
    return currentData().toDouble();
}

void PaceBox::setBatchesPerSecond(double batchesPerSecond)
{
    const int index = findData(batchesPerSecond);
    setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace neurite::ui
