// A bar chart of the class probabilities for the current input, the most likely class highlighted.
// The bars lie horizontally, one row per class named on the left: long class names ("T-shirt/top") keep
// their whole label, and the chart asks for the height its rows need.
#pragma once

#include <QChartView>
#include <QStringList>

#include <vector>

class QBarSet;
class QHorizontalBarSeries;
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
    // The class another view explains (the saliency overlay), framed in its own colour; -1: none.
    void setExplainedClass(int classIndex);
    int explainedClass() const { return m_explained; }
    // Where the bar of a class is drawn, in the view's coordinates (for tests that click it).
    QPoint barCentre(int classIndex) const;
    QString titleText() const;
    double barValue(int index) const; // in percent, for tests
    bool isHighlighted(int index) const;

Q_SIGNALS:
    // The user clicked the bar (or the row) of a class.
    void classClicked(int classIndex);

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    void setClassAxisLabels();
    int minimumHeightFor(int classes) const;
    int minimumWidthFor(const QStringList& names) const;
    // The bar (and category) of a class: the first class is the top row, the last bar.
    int barOf(int classIndex) const;

    QBarSet* m_set;
    QHorizontalBarSeries* m_series;
    QBarCategoryAxis* m_classAxis;
    QValueAxis* m_percentAxis;
    QStringList m_names;
    int m_top = -1;
    int m_explained = -1;
};

} // namespace neurite::ui
