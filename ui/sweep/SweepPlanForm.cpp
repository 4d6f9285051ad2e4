// The sweep window's experiment form (see SweepPlanForm.h).
#include "sweep/SweepPlanForm.h"

#include <neurite/Error.h>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

enum AxisColumn { KeyColumn, ValuesColumn };

// "0.001, 0.01" -> "0.001,0.01": the values as parseSweepAxis reads them.
std::string valuesText(const QString& values)
{
    QString text = values;
    text.remove(QLatin1Char(' '));
    return text.toStdString();
}

} // namespace

SweepPlanForm::SweepPlanForm(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeAxesBox(), 1);
    layout->addWidget(makeSearchBox());
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    replan();
}

QWidget* SweepPlanForm::makeAxesBox()
{
    auto* box = new QGroupBox(tr("Swept values"), this);
    auto* layout = new QVBoxLayout(box);
    m_axes = new QTableWidget(0, 2, box);
    m_axes->setHorizontalHeaderLabels({tr("Setting or layer option"), tr("Values")});
    m_axes->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_axes->horizontalHeader()->setStretchLastSection(true);
    m_axes->verticalHeader()->hide();
    m_axes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_axes->setToolTip(tr("Double-click the values to edit them. Every combination is one run (grid search)."));
    connect(m_axes, &QTableWidget::itemChanged, this, &SweepPlanForm::replan);
    layout->addWidget(m_axes, 1);
    auto* hint = new QLabel(tr("Values: comma-separated (0.001, 0.01), or a range low..high that a random "
                               "search draws from log-uniformly."),
                            box);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* row = new QHBoxLayout;
    m_keyChoice = new QComboBox(box);
    m_keyChoice->setToolTip(tr("A training setting, or an option of a layer of the design"));
    m_add = new QPushButton(tr("Add"), box);
    m_remove = new QPushButton(tr("Remove"), box);
    connect(m_add, &QPushButton::clicked, this, &SweepPlanForm::addChosenAxis);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeAxis(m_axes->currentRow()); });
    row->addWidget(m_keyChoice, 1);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    layout->addLayout(row);
    return box;
}

QWidget* SweepPlanForm::makeSearchBox()
{
    auto* box = new QGroupBox(tr("Search"), this);
    auto* form = new QFormLayout(box);
    m_search = new QComboBox(box);
    m_search->addItems({tr("Grid: every combination"), tr("Random: a sample of the combinations")});
    m_budget = new QSpinBox(box);
    m_budget->setRange(1, int(kMaxSweepRuns));
    m_budget->setValue(10);
    m_budget->setSuffix(tr(" runs"));
    m_searchSeed = new QSpinBox(box);
    m_searchSeed->setRange(0, 1 << 30);
    m_searchSeed->setValue(1);
    m_searchSeed->setToolTip(tr("The same seed draws the same combinations"));
    m_repeats = new QSpinBox(box);
    m_repeats->setRange(1, 1000);
    m_repeats->setToolTip(tr("Each combination is trained this many times, with seeds seed, seed + 1, ... "
                             "(how much of a difference is noise)"));
    form->addRow(tr("Search:"), m_search);
    form->addRow(tr("Budget:"), m_budget);
    form->addRow(tr("Search seed:"), m_searchSeed);
    form->addRow(tr("Repeats:"), m_repeats);
    connect(m_search, &QComboBox::currentIndexChanged, this, &SweepPlanForm::replan);
    for (QSpinBox* spin : {m_budget, m_searchSeed, m_repeats})
        connect(spin, &QSpinBox::valueChanged, this, &SweepPlanForm::replan);
    return box;
}

void SweepPlanForm::setBase(const NetworkSpec& design, const TrainingSettings& settings)
{
    m_design = design;
    m_settings = settings;
    m_choices = sweepKeyChoices(design, settings);
    const QString chosen = m_keyChoice->currentData().toString();
    m_keyChoice->clear();
    for (const SweepKeyChoice& choice : m_choices)
        m_keyChoice->addItem(QString::fromStdString(choice.key) + QStringLiteral(" \u2014 ") + choice.meaning,
                             QString::fromStdString(choice.key));
    m_keyChoice->setCurrentIndex(std::max(0, m_keyChoice->findData(chosen)));
    replan();
}

void SweepPlanForm::addChosenAxis()
{
    const int at = m_keyChoice->currentIndex();
    if (at < 0)
        return;
    const SweepKeyChoice& choice = m_choices[std::size_t(at)];
    setAxis(QString::fromStdString(choice.key), QString::fromStdString(choice.current));
    m_axes->setCurrentCell(m_axes->rowCount() - 1, ValuesColumn);
    m_axes->editItem(m_axes->item(m_axes->rowCount() - 1, ValuesColumn));
}

void SweepPlanForm::setAxis(const QString& key, const QString& values)
{
    const QSignalBlocker blocker(m_axes);
    int row = 0;
    while (row < m_axes->rowCount() && m_axes->item(row, KeyColumn)->text() != key)
        ++row;
    if (row == m_axes->rowCount()) {
        m_axes->insertRow(row);
        auto* keyItem = new QTableWidgetItem(key);
        keyItem->setFlags(keyItem->flags() & ~Qt::ItemIsEditable);
        m_axes->setItem(row, KeyColumn, keyItem);
        m_axes->setItem(row, ValuesColumn, new QTableWidgetItem);
    }
    m_axes->item(row, ValuesColumn)->setText(values);
    replan();
}

void SweepPlanForm::removeAxis(int row)
{
    if (row < 0 || row >= m_axes->rowCount())
        return;
    m_axes->removeRow(row);
    replan();
}

int SweepPlanForm::axisCount() const
{
    return m_axes->rowCount();
}

void SweepPlanForm::setRandomSearch(bool random, int budget, int seed)
{
    const QSignalBlocker a(m_search), b(m_budget), c(m_searchSeed);
    m_search->setCurrentIndex(random ? 1 : 0);
    m_budget->setValue(budget);
    m_searchSeed->setValue(seed);
    replan();
}

void SweepPlanForm::setRepeats(int repeats)
{
    const QSignalBlocker blocker(m_repeats);
    m_repeats->setValue(repeats);
    replan();
}

Experiment SweepPlanForm::experiment() const
{
    Experiment experiment;
    experiment.design = m_design;
    experiment.settings = m_settings;
    for (int row = 0; row < m_axes->rowCount(); ++row)
        experiment.axes.push_back(parseSweepAxis(m_axes->item(row, KeyColumn)->text().toStdString() + "=" +
                                                 valuesText(m_axes->item(row, ValuesColumn)->text())));
    if (m_search->currentIndex() == 1) {
        experiment.search = SearchKind::Random;
        experiment.budget = m_budget->value();
    }
    experiment.searchSeed = std::uint64_t(m_searchSeed->value());
    experiment.repeats = m_repeats->value();
    return experiment;
}

void SweepPlanForm::replan()
{
    showSearchKind();
    m_plan.reset();
    m_problem.clear();
    if (m_axes->rowCount() == 0) {
        m_problem = tr("Add a setting or a layer option to sweep, with the values to try.");
    } else {
        try {
            const Experiment planned = experiment();
            if (planned.search == SearchKind::Grid && gridSize(planned) * std::size_t(planned.repeats) > kMaxSweepRuns)
                throw NeuriteError("the grid holds more than " + std::to_string(kMaxSweepRuns) +
                                   " runs: use fewer values or a random search");
            m_plan = planSweep(planned);
        } catch (const NeuriteError& e) {
            m_problem = QString::fromStdString(e.what());
        }
    }
    if (m_plan)
        m_summary->setText(m_plan->size() == 1 ? tr("1 run planned") : tr("%1 runs planned").arg(m_plan->size()));
    else
        m_summary->setText(QStringLiteral("<span style='color:#b3261e'>%1</span>").arg(m_problem.toHtmlEscaped()));
    Q_EMIT planChanged();
}

void SweepPlanForm::showSearchKind()
{
    const bool random = m_search->currentIndex() == 1;
    m_budget->setEnabled(random);
    m_searchSeed->setEnabled(random);
}

} // namespace neurite::ui
