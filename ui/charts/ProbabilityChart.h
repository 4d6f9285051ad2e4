// A bar chart of the class probabilities for the current input, the most likely class highlighted.
#pragma once

#include <QChartView>
#include <QStringList>

#include <vector>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace neurite::ui {

class ProbabilityChart : public QChartView {
    Q_OBJECT
public:
    explicit ProbabilityChart(QWidget* parent = nullptr);

    // One bar per class, named on the axis; resets the bars to zero.
    void setClassNames(const QStringList& names);
    QStringList classNames() const { return m_names; }

    // probabilities: one per class, each in [0, 1]. Highlights the largest and names it in the title.
    void setProbabilities(const std::vector<float>& probabilities);
    // No input: all bars zero and a hint in the title.
    void clearProbabilities(const QString& hint = {});

    int topClass() const { return m_top; } // -1 when there is nothing to show
    QString titleText() const;
    double barValue(int index) const; // in percent, for tests
    bool isHighlighted(int index) const;

private:
    QBarSet* m_set;
    QBarSeries* m_series;
    QBarCategoryAxis* m_axisX;
    QValueAxis* m_axisY;
    QStringList m_names;
    int m_top = -1;
};

} // namespace neurite::ui
