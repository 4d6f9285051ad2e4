// How the Runs list writes a run's figures.
#include "runs/RunCells.h"

#include <QDateTime>
#include <QStringList>

#include <cmath>

namespace neurite::ui {

QString runDateText(const std::string& isoDate)
{
    const QDateTime date = QDateTime::fromString(QString::fromStdString(isoDate), Qt::ISODate);
    if (!date.isValid())
        return isoDate.empty() ? QStringLiteral("—") : QString::fromStdString(isoDate);
    return date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString runDurationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
    const auto whole = qlonglong(std::lround(seconds));
    if (whole < 3600)
        return QObject::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QObject::tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString runTestText(const RunRecord& run)
{
    const double metric = runMetric(run);
    if (std::isnan(metric))
        return QStringLiteral("—");
    if (run.test.regression)
        return QObject::tr("R² %1").arg(metric, 0, 'f', 3);
    return QStringLiteral("%1%").arg(100.0 * metric, 0, 'f', 2);
}

QString runBestValidationText(const RunRecord& run)
{
    const double best = bestValidation(run);
    if (std::isnan(best))
        return QStringLiteral("—");
    if (run.test.regression)
        return QObject::tr("loss %1").arg(best, 0, 'g', 4);
    return QStringLiteral("%1%").arg(100.0 * best, 0, 'f', 2);
}

QString runEpochsText(const RunRecord& run)
{
    const int trained = int(run.history.epochs.size());
    if (trained >= run.settings.epochs)
        return QString::number(trained);
    return QObject::tr("%1 of %2").arg(trained).arg(run.settings.epochs);
}

QString runSweptText(const RunRecord& run)
{
    QStringList parts;
    for (const SweptValue& value : run.swept)
        parts << QString::fromStdString(value.key + "=" + value.value);
    return parts.join(QStringLiteral(" · "));
}

QString learningRateText(float rate)
{
    return QString::number(double(rate), 'g', 4);
}

QString runSearchText(const RunRecord& run)
{
    const TrainingSettings& s = run.settings;
    const QStringList parts = {QString::fromStdString(run.name),
                               QString::fromStdString(run.note),
                               QString::fromStdString(run.dataSetName),
                               QString::fromStdString(s.optimizer.kind),
                               QStringLiteral("lr=%1 lr %1").arg(learningRateText(s.optimizer.learningRate)),
                               QStringLiteral("batch=%1 batch %1").arg(s.batchSize),
                               QStringLiteral("epochs=%1").arg(s.epochs),
                               runSweptText(run),
                               QString::fromLatin1(runOutcomeName(run.outcome))};
    return parts.join(QLatin1Char('\n')).toLower();
}

} // namespace neurite::ui
