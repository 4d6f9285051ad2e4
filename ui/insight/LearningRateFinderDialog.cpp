// The learning-rate finder's dialog (see LearningRateFinderDialog.h).
#include "insight/LearningRateFinderDialog.h"

#include "insight/LearningRateChart.h"
#include "insight/LearningRateSearch.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace neurite::ui {

namespace {

QString rateText(float rate)
{
    return QString::number(double(rate), 'g', 2);
}

QLineEdit* rateEdit(QWidget* parent, float value)
{
    auto* edit = new QLineEdit(rateText(value), parent);
    auto* validator = new QDoubleValidator(0.0, std::numeric_limits<double>::max(), 12, edit);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    validator->setLocale(QLocale::c());
    edit->setValidator(validator);
    edit->setMaximumWidth(80);
    return edit;
}

} // namespace

LearningRateFinderDialog::LearningRateFinderDialog(QWidget* parent)
    : QDialog(parent), m_search(new LearningRateSearch(this)), m_intro(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_chart(new LearningRateChart(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Find a learning rate"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("The range test trains a copy of the network for a few batches while the learning rate "
                        "grows from tiny to large, and records the loss at each rate. A good rate is where the "
                        "loss falls fastest, before it turns back up. The model's weights are not changed."));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(buildRangeRow());
    layout->addWidget(m_progress);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_message);
    layout->addWidget(buildButtons());
    m_chart->reset(LearningRateFinderSettings{});
    connect(m_search, &LearningRateSearch::pointsAdded, this, &LearningRateFinderDialog::onPoints);
    connect(m_search, &LearningRateSearch::finished, this, &LearningRateFinderDialog::onFinished);
    connect(m_search, &LearningRateSearch::failed, this, &LearningRateFinderDialog::onFailed);
    resize(720, 560);
    setRunning(false);
}

QWidget* LearningRateFinderDialog::buildRangeRow()
{
    const LearningRateFinderSettings defaults;
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_minimum = rateEdit(row, defaults.minLearningRate);
    m_maximum = rateEdit(row, defaults.maxLearningRate);
    m_steps = new QSpinBox(row);
    m_steps->setRange(10, 100000);
    m_steps->setValue(defaults.steps);
    m_steps->setToolTip(tr("Batches in the sweep, one rate each (the data is reshuffled when it runs out)"));
    layout->addWidget(new QLabel(tr("Rates from"), row));
    layout->addWidget(m_minimum);
    layout->addWidget(new QLabel(tr("to"), row));
    layout->addWidget(m_maximum);
    layout->addWidget(new QLabel(tr("over"), row));
    layout->addWidget(m_steps);
    layout->addWidget(new QLabel(tr("batches"), row));
    layout->addStretch(1);
    return row;
}

QWidget* LearningRateFinderDialog::buildButtons()
{
    auto* box = new QDialogButtonBox(this);
    m_run = box->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
    m_cancel = box->addButton(tr("Cancel sweep"), QDialogButtonBox::ActionRole);
    m_apply = box->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_close = box->addButton(QDialogButtonBox::Close);
    m_apply->setToolTip(tr("Put the suggested rate into the Train tab's learning-rate field"));
    connect(m_run, &QPushButton::clicked, this, &LearningRateFinderDialog::run);
    connect(m_cancel, &QPushButton::clicked, m_search, &LearningRateSearch::cancel);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        // The rate as shown (two significant digits, as the command line prints it), not 0.0033246...
        if (m_result && m_result->suggestion.found)
            Q_EMIT applied(rateText(m_result->suggestion.learningRate).toFloat());
        accept();
    });
    connect(m_close, &QPushButton::clicked, this, &LearningRateFinderDialog::reject);
    return box;
}

void LearningRateFinderDialog::showLoading(const QString& dataSetName)
{
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_message->setText(tr("Loading the data set %1…").arg(dataSetName));
}

void LearningRateFinderDialog::showProblem(const QString& message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message->setText(tr("The learning-rate finder cannot run: %1").arg(message));
    setRunning(false);
}

void LearningRateFinderDialog::setSubject(const NetworkSpec& spec, const std::optional<Weights>& weights,
                                          const TrainingSettings& settings, const DataSetHandle& data)
{
    m_subject = Subject{spec, weights, settings, data};
}

std::optional<LearningRateFinderSettings> LearningRateFinderDialog::rangeFromFields()
{
    LearningRateFinderSettings finder;
    finder.minLearningRate = QLocale::c().toFloat(m_minimum->text());
    finder.maxLearningRate = QLocale::c().toFloat(m_maximum->text());
    finder.steps = m_steps->value();
    try {
        validateFinderSettings(finder);
    } catch (const std::exception& e) {
        showProblem(QString::fromStdString(e.what()));
        return std::nullopt;
    }
    return finder;
}

void LearningRateFinderDialog::run()
{
    const std::optional<LearningRateFinderSettings> finder = rangeFromFields();
    if (!m_subject || !finder || m_search->isRunning())
        return;
    m_result.reset();
    m_chart->reset(*finder);
    m_progress->setRange(0, finder->steps);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Step %v of %m"));
    m_message->setText(tr("Sweeping: %1 with batches of %2 on %3…")
                           .arg(QString::fromStdString(m_subject->settings.optimizer.kind))
                           .arg(m_subject->settings.batchSize)
                           .arg(QString::fromStdString(m_subject->data->name)));
    m_search->start(m_subject->spec, m_subject->weights, m_subject->settings, m_subject->data, *finder);
    setRunning(true);
}

void LearningRateFinderDialog::onPoints(const std::vector<LearningRatePoint>& points, int step, int plannedSteps)
{
    m_chart->addPoints(points);
    m_progress->setRange(0, plannedSteps);
    m_progress->setValue(step);
}

void LearningRateFinderDialog::onFinished(const LearningRateFinderResult& result)
{
    m_result = result;
    m_chart->showSuggestion(result.suggestion);
    m_progress->setValue(m_progress->maximum());
    m_progress->setFormat(outcomeText(result));
    const LearningRateSuggestion& s = result.suggestion;
    m_message->setText(
        s.found ? tr("Suggested learning rate: %1. %2").arg(rateText(s.learningRate), QString::fromStdString(s.reason))
                : tr("No suggestion. %1").arg(QString::fromStdString(s.reason)));
    m_apply->setText(s.found ? tr("Apply %1").arg(rateText(s.learningRate)) : tr("Apply"));
    setRunning(false);
}

QString LearningRateFinderDialog::outcomeText(const LearningRateFinderResult& result) const
{
    const QString steps = tr("%1 steps in %2 s").arg(result.points.size()).arg(result.seconds, 0, 'f', 1);
    switch (result.outcome) {
    case LearningRateFinderResult::Outcome::Diverged: return tr("The loss diverged after %1").arg(steps);
    case LearningRateFinderResult::Outcome::Cancelled: return tr("Cancelled after %1").arg(steps);
    case LearningRateFinderResult::Outcome::Completed: break;
    }
    return tr("Done: %1").arg(steps);
}

void LearningRateFinderDialog::onFailed(const QString& message)
{
    showProblem(message);
}

void LearningRateFinderDialog::setRunning(bool running)
{
    m_cancel->setVisible(running);
    m_run->setVisible(!running);
    m_run->setEnabled(m_subject.has_value());
    m_apply->setEnabled(!running && m_result && m_result->suggestion.found);
    m_apply->setDefault(m_apply->isEnabled());
    for (QWidget* field : std::initializer_list<QWidget*>{m_minimum, m_maximum, m_steps})
        field->setEnabled(!running);
}

// Closing while sweeping cancels the sweep; the search's destructor joins its thread.
void LearningRateFinderDialog::closeEvent(QCloseEvent* event)
{
    m_search->cancel();
    QDialog::closeEvent(event);
}

void LearningRateFinderDialog::reject()
{
    m_search->cancel();
    QDialog::reject();
}

} // namespace neurite::ui
