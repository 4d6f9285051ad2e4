// The texts the Train tab shows about a running training: the log line of an epoch, the speed and ETA line.
#include "training/RunReportText.h"

#include <QCoreApplication>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TrainingPanel", text); // the panel's context, where these came from
}

// "m:ss", or "h:mm:ss" from an hour on.
QString clockText(double seconds)
{
    const long s = std::lround(std::max(0.0, seconds));
    const QChar zero = QLatin1Char('0');
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, zero).arg(s % 60, 2, 10, zero)
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
}

} // namespace

QString percentText(float fraction)
{
    return QString::number(100.0 * double(fraction), 'f', 2) + QLatin1Char('%');
}

QString epochLogLine(const EpochReport& e)
{
    // A regression has no accuracy (NaN): its line says the losses only.
    QString line = tr("Epoch %1/%2  loss %3").arg(e.epoch, 3).arg(e.epochs).arg(double(e.trainLoss), 0, 'f', 4);
    if (std::isfinite(e.trainAccuracy))
        line += tr("  acc %1").arg(percentText(e.trainAccuracy));
    if (std::isfinite(e.validationLoss))
        line += tr("  val loss %1").arg(double(e.validationLoss), 0, 'f', 4);
    if (std::isfinite(e.validationLoss) && std::isfinite(e.validationAccuracy))
        line += tr("  val acc %1").arg(percentText(e.validationAccuracy));
    line += tr("  lr %1  %2 s  %L3 samples/s")
                .arg(double(e.learningRate), 0, 'g', 3)
                .arg(e.seconds, 0, 'f', 1)
                .arg(std::lround(e.samplesPerSecond));
    if (e.best)
        line += tr("  ★ best");
    return line;
}

QString speedLine(const BatchReport& b, long done, long total, double batchesPerSecond)
{
    double eta = done > 0 ? b.elapsedSeconds * double(total - done) / double(done) : 0.0;
    if (batchesPerSecond > 0)
        eta = std::max(eta, double(total - done) / batchesPerSecond);
    QString line = tr("%L1 samples/s · elapsed %2 · ETA %3")
                       .arg(std::lround(b.samplesPerSecond))
                       .arg(clockText(b.elapsedSeconds), clockText(eta));
    if (batchesPerSecond > 0)
        line += tr(" · paced at %1 batches/s").arg(batchesPerSecond, 0, 'g', 6);
    return line;
}

QString testResultText(const TestEvaluation& test)
{
    if (!test.regression)
        return tr("Test accuracy %1").arg(percentText(test.metrics.accuracy));
    const RegressionMetrics& m = test.regressionResult.metrics;
    return tr("Test R² %1 (MAE %2, RMSE %3)").arg(m.r2, 0, 'f', 4).arg(m.mae, 0, 'g', 4).arg(m.rmse, 0, 'g', 4);
}

} // namespace neurite::ui
