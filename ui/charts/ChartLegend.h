// A chart legend under the plot that wraps onto more lines rather than cut names short ("Traini…").
#pragma once

#include <QLabel>
#include <QMargins>
#include <QStringList>

class QChartView;

namespace neurite::ui {

// Qt Charts lays its legend out on one row and elides every name that does not fit: at 1024 pixels wide
// the training charts read "Traini…", "Valida…". This label takes the chart's place for the legend: one
// coloured square and the full name per named series, as many lines as the width needs, with the chart's
// bottom margin grown to keep it clear of the axis.
class ChartLegend : public QLabel {
    Q_OBJECT
public:
    // Hides `view`'s own legend and lays itself out over the view's bottom edge.
    explicit ChartLegend(QChartView* view);

    // Reads the series again (call after adding, removing or renaming series).
    void refresh();
    // The names shown, in series order.
    QStringList entries() const { return m_entries; }
    // True when every line of the legend fits the space it has.
    bool showsWhole() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString entryHtml(int index, int width) const;
    void layOut();

    QChartView* m_view;
    QMargins m_chartMargins; // the chart's own, before the legend's room is added
    QStringList m_entries;
    QStringList m_colors;
};

} // namespace neurite::ui
