// A training history as one tidy CSV table: a row per batch and a row per epoch, told apart by `kind`.
#include "training/TrainingHistoryCsv.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cmath>

namespace neurite::ui {

namespace {
QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 9) : QString();
}
} // namespace

QString historyCsv(const TrainingHistory& history)
{
    QString csv = QStringLiteral(
        "kind,epoch,batch,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,seconds,best\n");
    for (const BatchReport& b : history.batches)
        csv += QStringLiteral("batch,%1,%2,%3,%4,%5,,,%6,%7,\n")
                   .arg(b.epoch)
                   .arg(b.batch)
                   .arg(b.step)
                   .arg(number(b.loss), number(b.accuracy), number(b.learningRate), number(b.elapsedSeconds));
    for (const EpochReport& e : history.epochs)
        csv += QStringLiteral("epoch,%1,,,%2,%3,%4,%5,%6,%7,%8\n")
                   .arg(e.epoch)
                   .arg(number(e.trainLoss), number(e.trainAccuracy), number(e.validationLoss),
                        number(e.validationAccuracy), number(e.learningRate), number(e.seconds))
                   .arg(e.best ? 1 : 0);
    return csv;
}

bool writeHistoryCsv(const TrainingHistory& history, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        file.write(historyCsv(history).toUtf8());
        if (file.commit())
            return true;
    }
    if (error)
        *error = QCoreApplication::translate("TrainingHistoryCsv", "Could not write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace neurite::ui
