// Finding a chart's series by its legend name, for tests of the Qt Charts views.
#pragma once

#include <QAbstractSeries>
#include <QChart>
#include <QString>

namespace neurite::test {

// The first series of type `Series` whose name starts with `prefix` ("Best epoch" finds "Best epoch (12)"), or
// nullptr.
template <typename Series>
Series* seriesNamed(QChart* chart, const QString& prefix)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name().startsWith(prefix))
            if (auto* typed = qobject_cast<Series*>(s))
                return typed;
    return nullptr;
}

} // namespace neurite::test
