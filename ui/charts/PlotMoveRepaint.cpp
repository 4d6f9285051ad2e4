#include "charts/PlotMoveRepaint.h"

#include <QChart>
#include <QChartView>

namespace neurite::ui {

void repaintWholeWhenPlotMoves(QChartView* view)
{
    QObject::connect(view->chart(), &QChart::plotAreaChanged, view->viewport(), qOverload<>(&QWidget::update));
}

} // namespace neurite::ui
