// The two-run comparison's tabs: settings, curves and test results.
#include "compare/RunCompareDialog.h"

#include "compare/RunPairChart.h"
#include "compare/RunTestColumn.h"
#include "compare/SettingsDiffTable.h"

#include <neurite/DesignDiff.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

neurite::RunRecord withoutWeights(neurite::RunRecord run)
{
    run.weights.reset();
    return run;
}

QString coloured(const neurite::RunRecord& run, int index)
{
    return QStringLiteral("<b style='color:%1'>%2</b>")
        .arg(RunPairChart::runColor(index).name(), QString::fromStdString(run.name).toHtmlEscaped());
}

} // namespace

RunCompareDialog::RunCompareDialog(const neurite::RunRecord& a, const neurite::RunRecord& b, QWidget* parent)
    : QDialog(parent), m_a(withoutWeights(a)), m_b(withoutWeights(b)), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Compare %1 and %2").arg(QString::fromStdString(a.name), QString::fromStdString(b.name)));
    auto* title = new QLabel(tr("Comparing %1 with %2").arg(coloured(m_a, 0), coloured(m_b, 1)), this);
    title->setTextFormat(Qt::RichText);
    m_tabs->addTab(buildSettingsTab(), tr("Settings"));
    m_tabs->addTab(buildCurvesTab(), tr("Curves"));
    m_tabs->addTab(buildTestTab(), tr("Test Results"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(1000, 680);
}

QWidget* RunCompareDialog::buildSettingsTab()
{
    auto* tab = new QWidget(this);
    m_settings = new SettingsDiffTable(tab);
    m_settings->setRuns(m_a, m_b);
    const bool sameDesign = m_a.design == m_b.design;
    auto* note = new QLabel(m_settings->differingKeys().isEmpty()
                                ? tr("The two runs have the same settings and design.")
                                : tr("Only the settings that differ are listed."),
                            tab);
    m_designDiff = new QPushButton(tr("Show Design Diff"), tab);
    m_designDiff->setEnabled(!sameDesign);
    m_designDiff->setToolTip(sameDesign ? tr("Both runs trained the same design")
                                        : tr("Show the designs' differences in the editor"));
    connect(m_designDiff, &QPushButton::clicked, this, [this] {
        Q_EMIT designDiffRequested(m_a.design, m_b.design, QString::fromStdString(m_a.name),
                                   QString::fromStdString(m_b.name));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(note, 1);
    row->addWidget(m_designDiff);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_settings, 1);
    layout->addLayout(row);
    return tab;
}

QWidget* RunCompareDialog::buildCurvesTab()
{
    auto* tab = new QWidget(this);
    auto* charts = new QSplitter(Qt::Horizontal, tab);
    m_loss = new RunPairChart(RunPairChart::Quantity::Loss, charts);
    m_accuracy = new RunPairChart(RunPairChart::Quantity::Accuracy, charts);
    m_loss->setRuns(m_a, m_b);
    m_accuracy->setRuns(m_a, m_b);
    // A regression has no accuracy: its loss is the curve to compare.
    m_accuracy->setVisible(!m_a.test.regression || !m_b.test.regression);
    charts->addWidget(m_loss);
    charts->addWidget(m_accuracy);
    auto* caption = new QLabel(tr("%1 and %2: solid lines are training (batches, smoothed), dashed lines "
                                  "validation (per epoch).")
                                   .arg(coloured(m_a, 0), coloured(m_b, 1)),
                               tab);
    caption->setTextFormat(Qt::RichText);
    caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(charts, 1);
    layout->addWidget(caption);
    return tab;
}

QWidget* RunCompareDialog::buildTestTab()
{
    auto* tab = new QSplitter(Qt::Horizontal, this);
    m_testA = new RunTestColumn(tab);
    m_testB = new RunTestColumn(tab);
    m_testA->setRun(m_a);
    m_testB->setRun(m_b);
    tab->addWidget(m_testA);
    tab->addWidget(m_testB);
    return tab;
}

} // namespace neurite::ui
