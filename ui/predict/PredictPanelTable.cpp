// The Predict tab for a table model: the form replaces the canvas, and a prediction is the class
// probabilities or, for a regression, the value in the target's units.
#include "predict/PredictPanel.h"

#include "charts/ProbabilityChart.h"
#include "predict/ActivationView.h"
#include "predict/NetworkInputView.h"
#include "predict/TableForm.h"

#include <neurite/Error.h>

#include <QLabel>

#include <cmath>

namespace neurite::ui {

void PredictPanel::setSchema(const std::optional<DataSchema>& schema)
{
    const bool table = schema && schema->kind == DataSchema::Kind::Table;
    m_schema = table ? schema : std::nullopt;
    if (table) {
        try {
            m_tableForm->setSchema(*schema); // predicts through rowChanged once a model is set
        } catch (const NeuriteError& e) {
            m_schema.reset();
            setStatus(QString::fromStdString(e.what()), true);
        }
    }
    const bool form = showsTableForm();
    m_tableForm->setVisible(form);
    showInputFor(schema);
    m_seesLabel->setVisible(!form);
    m_inputView->setVisible(!form);
    m_valueLabel->setVisible(form && m_schema->task == TaskKind::Regression);
    m_chart->setVisible(!form || m_schema->task == TaskKind::Classification);
}

bool PredictPanel::showsTableForm() const
{
    return m_schema.has_value() && m_tableForm->hasSchema();
}

// One row through the network on the GUI thread: microseconds for a table's MLP.
void PredictPanel::predictTableRow()
{
    m_predictedValue = std::nan("");
    const std::vector<float> row = m_tableForm->encodedRow();
    if (m_network->inputShape().size() != int(row.size()))
        return clearPrediction(tr("This model takes %1 inputs, but its table's rows encode to %2")
                                   .arg(m_network->inputShape().size())
                                   .arg(row.size()));
    m_input = row;
    m_probabilities.assign(std::size_t(m_network->outputSize()), 0.0f);
    m_network->predictOne(m_input.data(), m_probabilities.data());
    m_activations->setActivations(m_network->activations());
    if (m_schema->task == TaskKind::Regression) {
        m_predictedValue = m_tableForm->encoder()->targetValue(m_probabilities.front());
        const int target = m_schema->targetColumn();
        const QString name = target >= 0 ? QString::fromStdString(m_schema->columns[std::size_t(target)].name)
                                         : tr("value");
        m_valueLabel->setText(tr("Predicted <b>%1</b>: <span style='font-size:x-large'><b>%2</b></span>")
                                  .arg(name.toHtmlEscaped())
                                  .arg(m_predictedValue, 0, 'g', 6));
    } else {
        m_chart->setProbabilities(m_probabilities);
    }
    Q_EMIT predictionUpdated();
}

} // namespace neurite::ui
