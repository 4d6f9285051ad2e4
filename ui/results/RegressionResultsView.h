// The Results tab of a regression: R², MAE and RMSE on the test split, the predicted values against the
// true ones (with the y = x line a perfect model would sit on) and the residuals against the predictions.
#pragma once

#include <neurite/Trainer.h>

#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QWidget>

class QLabel;

namespace neurite::ui {

class RegressionResultsView : public QWidget {
    Q_OBJECT
public:
    explicit RegressionResultsView(QWidget* parent = nullptr);

    void setEvaluation(const RegressionEvaluation& evaluation, const QString& target);
    void clear();

    QString metricsText() const;
    QScatterSeries* predictionSeries() const { return m_points; }
    QLineSeries* identityLine() const { return m_identity; }
    QScatterSeries* residualSeries() const { return m_residuals; }
    QChartView* scatterView() const { return m_scatterView; }

private:
    QLabel* m_metrics;
    QChartView* m_scatterView;
    QChartView* m_residualView;
    QScatterSeries* m_points;
    QLineSeries* m_identity;
    QScatterSeries* m_residuals;
    QLineSeries* m_zero;
};

} // namespace neurite::ui
