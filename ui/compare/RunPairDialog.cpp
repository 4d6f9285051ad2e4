// Choosing two runs to compare.
#include "compare/RunPairDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

QString RunPairDialog::runChoiceText(const neurite::RunRecord& run)
{
    const QString name = QString::fromStdString(run.name);
    const double metric = runMetric(run);
    if (!std::isfinite(metric))
        return tr("%1 · not tested").arg(name);
    if (run.test.regression)
        return tr("%1 · R² %2").arg(name).arg(metric, 0, 'f', 4);
    return tr("%1 · accuracy %2%").arg(name).arg(100.0 * metric, 0, 'f', 2);
}

RunPairDialog::RunPairDialog(const std::vector<neurite::RunRecord>& runs, QWidget* parent)
    : QDialog(parent), m_first(new QComboBox(this)), m_second(new QComboBox(this))
{
    setWindowTitle(tr("Compare Runs"));
    for (const neurite::RunRecord& run : runs) {
        m_first->addItem(runChoiceText(run));
        m_second->addItem(runChoiceText(run));
    }
    const int count = int(runs.size());
    m_first->setCurrentIndex(std::max(0, count - 2));
    m_second->setCurrentIndex(count - 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_compare = buttons->addButton(tr("Compare"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A run compared with itself says nothing.
    const auto check = [this] { m_compare->setEnabled(first() != second()); };
    connect(m_first, &QComboBox::currentIndexChanged, this, check);
    connect(m_second, &QComboBox::currentIndexChanged, this, check);
    check();
    auto* form = new QFormLayout;
    form->addRow(tr("Compare"), m_first);
    form->addRow(tr("with"), m_second);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

int RunPairDialog::first() const
{
    return m_first->currentIndex();
}

int RunPairDialog::second() const
{
    return m_second->currentIndex();
}

} // namespace neurite::ui
