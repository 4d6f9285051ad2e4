// The Predict tab's form for a table model: one field per input column, encoded with the model's schema.
#include "predict/TableForm.h"

#include "predict/ColumnShareBar.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// Enough decimals for the column's spread: a deviation of 0.4 shows 0.01 steps, one of 4000 whole numbers.
int decimalsFor(double deviation)
{
    return std::clamp(int(std::ceil(2.0 - std::log10(std::max(deviation, 1e-9)))), 0, 6);
}

} // namespace

TableForm::TableForm(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint); // short numbers need no full-width fields
}

TableForm::~TableForm() = default;

void TableForm::clearFields()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_numbers.clear();
    m_categories.clear();
    m_shareBars.clear();
}

// The field and, right of it, its column's share of the explanation (hidden until there is one).
QWidget* TableForm::withShareBar(const ColumnEncoding& column, QWidget* field)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(row);
    layout->addWidget(field);
    auto* bar = new ColumnShareBar(row);
    bar->setObjectName(QStringLiteral("share:") + QString::fromStdString(column.name));
    bar->hide();
    layout->addWidget(bar);
    m_shareBars[column.name] = bar;
    return row;
}

void TableForm::setColumnSaliency(const std::vector<ColumnAttribution>& columns, const QString& what)
{
    float scale = 0;
    for (const ColumnAttribution& column : columns)
        scale = std::max(scale, std::fabs(column.value));
    for (const auto& [name, bar] : m_shareBars)
        bar->hide();
    for (const ColumnAttribution& column : columns) {
        const auto found = m_shareBars.find(column.column);
        if (found == m_shareBars.end())
            continue;
        ColumnShareBar* bar = found->second;
        bar->setShare(column.value, scale);
        bar->setToolTip(column.value >= 0 ? tr("%1 pushes %2 up by %3")
                                                .arg(QString::fromStdString(column.column), what)
                                                .arg(double(column.value), 0, 'g', 3)
                                          : tr("%1 pushes %2 down by %3")
                                                .arg(QString::fromStdString(column.column), what)
                                                .arg(-double(column.value), 0, 'g', 3));
        bar->show();
    }
}

ColumnShareBar* TableForm::shareBar(const QString& column) const
{
    const auto found = m_shareBars.find(column.toStdString());
    return found == m_shareBars.end() ? nullptr : found->second;
}

void TableForm::setSchema(const DataSchema& schema)
{
    auto encoder = std::make_unique<TableEncoder>(schema); // throws for a schema that is not a table's
    m_filling = true;
    clearFields();
    m_encoder = std::move(encoder);
    for (const ColumnEncoding* column : m_encoder->inputColumns())
        m_form->addRow(QString::fromStdString(column->name), withShareBar(*column, makeField(*column)));
    m_filling = false;
    Q_EMIT rowChanged();
}

QWidget* TableForm::makeField(const ColumnEncoding& column)
{
    const QString name = QString::fromStdString(column.name);
    if (column.role == ColumnRole::Categorical) {
        auto* box = new QComboBox(this);
        box->setMinimumWidth(160);
        box->setObjectName(QStringLiteral("field:") + name);
        for (const std::string& category : column.categories)
            box->addItem(QString::fromStdString(category));
        box->setCurrentIndex(std::max(0, box->findText(QString::fromStdString(column.fillCategory))));
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                Q_EMIT rowChanged();
        });
        m_categories[column.name] = box;
        return box;
    }
    auto* spin = new QDoubleSpinBox(this);
    spin->setMinimumWidth(160);
    spin->setObjectName(QStringLiteral("field:") + name);
    const double spread = kDeviations * column.deviation;
    spin->setDecimals(decimalsFor(column.deviation));
    spin->setRange(std::min(column.mean - spread, column.fill), std::max(column.mean + spread, column.fill));
    spin->setSingleStep(column.deviation / 10.0);
    spin->setValue(column.fill);
    spin->setToolTip(tr("Training mean %1, deviation %2").arg(column.mean, 0, 'g', 4).arg(column.deviation, 0, 'g', 4));
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling)
            Q_EMIT rowChanged();
    });
    m_numbers[column.name] = spin;
    return spin;
}

void TableForm::setRow(const std::map<std::string, std::string>& cells)
{
    m_filling = true;
    for (const auto& [name, text] : cells) {
        if (const auto number = m_numbers.find(name); number != m_numbers.end()) {
            bool ok = false;
            const double value = QLocale::c().toDouble(QString::fromStdString(text), &ok);
            if (ok) {
                QDoubleSpinBox* spin = number->second;
                spin->setRange(std::min(spin->minimum(), value), std::max(spin->maximum(), value));
                spin->setValue(value);
            }
        } else if (const auto category = m_categories.find(name); category != m_categories.end()) {
            const int index = category->second->findText(QString::fromStdString(text));
            if (index >= 0)
                category->second->setCurrentIndex(index);
        }
    }
    m_filling = false;
    Q_EMIT rowChanged();
}

std::map<std::string, std::string> TableForm::cells() const
{
    std::map<std::string, std::string> cells;
    for (const auto& [name, spin] : m_numbers)
        cells[name] = QString::number(spin->value(), 'g', 17).toStdString();
    for (const auto& [name, box] : m_categories)
        cells[name] = box->currentText().toStdString();
    return cells;
}

std::vector<float> TableForm::encodedRow() const
{
    return m_encoder ? m_encoder->encodeNamed(cells()) : std::vector<float>{};
}

QDoubleSpinBox* TableForm::numberField(const QString& column) const
{
    const auto it = m_numbers.find(column.toStdString());
    return it == m_numbers.end() ? nullptr : it->second;
}

QComboBox* TableForm::categoryField(const QString& column) const
{
    const auto it = m_categories.find(column.toStdString());
    return it == m_categories.end() ? nullptr : it->second;
}

} // namespace neurite::ui
