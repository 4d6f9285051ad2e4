// A table's preview in the Train tab: columns with their roles and statistics, the first rows, the target.
#include "training/TablePreview.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// The role combo's choices: what loading may be told about a column (the target's two say its task).
const char* const kTargetClasses = "target (classes)";
const char* const kTargetValues = "target (values)";

// The wheel scrolls the sidebar over a role box instead of changing the role (which reloads the table),
// unless the box has been clicked into.
class RoleBox : public QComboBox {
public:
    explicit RoleBox(QWidget* parent) : QComboBox(parent) { setFocusPolicy(Qt::StrongFocus); }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        if (hasFocus())
            QComboBox::wheelEvent(event);
        else
            event->ignore();
    }
};

QString numberText(double value)
{
    return QString::number(value, 'g', 4);
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

// Bars of the class counts with their names, for the target of a classification.
QPixmap classBalancePixmap(const std::vector<std::string>& names, const std::vector<std::size_t>& counts)
{
    constexpr int kRow = 16, kLabel = 110, kBars = 180;
    QPixmap pixmap(kLabel + kBars + 50, std::max<int>(1, int(counts.size())) * kRow + 2);
    pixmap.fill(Qt::transparent);
    if (counts.empty())
        return pixmap;
    QPainter p(&pixmap);
    const std::size_t most = std::max<std::size_t>(1, *std::max_element(counts.begin(), counts.end()));
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const int y = int(i) * kRow;
        const QString name = i < names.size() ? QString::fromStdString(names[i]) : QString::number(i);
        p.setPen(Qt::black);
        p.drawText(QRect(0, y, kLabel - 6, kRow), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(name, Qt::ElideRight, kLabel - 6));
        const int w = std::max(1, int(std::lround(double(kBars) * double(counts[i]) / double(most))));
        p.fillRect(QRect(kLabel, y + 3, w, kRow - 6), QColor(31, 119, 180, 190));
        p.drawText(QRect(kLabel + w + 4, y, 46, kRow), Qt::AlignLeft | Qt::AlignVCenter, QString::number(counts[i]));
    }
    return pixmap;
}

} // namespace

QPixmap histogramPixmap(const std::vector<std::size_t>& counts, QSize size)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    if (counts.empty())
        return pixmap;
    QPainter p(&pixmap);
    const std::size_t most = std::max<std::size_t>(1, *std::max_element(counts.begin(), counts.end()));
    const double barWidth = double(size.width()) / double(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const int h = int(std::lround(double(size.height() - 1) * double(counts[i]) / double(most)));
        const QRectF bar(double(i) * barWidth, size.height() - h, std::max(1.0, barWidth - 1), h);
        p.fillRect(bar, QColor(31, 119, 180));
    }
    return pixmap;
}

TablePreview::TablePreview(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_columns(new QTableWidget(this)), m_rows(new QTableView(this)),
      m_rowsModel(new QStandardItemModel(this)), m_targetTitle(new QLabel(this)), m_target(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_columns->setColumnCount(HistogramColumn + 1);
    m_columns->setHorizontalHeaderLabels(
        {tr("Column"), tr("Role"), tr("Type"), tr("Missing"), tr("Min"), tr("Max"), tr("Mean"), tr("Histogram")});
    m_columns->verticalHeader()->hide();
    m_columns->setIconSize(QSize(60, 18));
    m_columns->setMinimumHeight(150);
    m_rows->setModel(m_rowsModel);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setMinimumHeight(120);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("<b>Columns</b>"), this));
    layout->addWidget(m_columns, 2);
    layout->addWidget(new QLabel(tr("<b>First rows</b>"), this));
    layout->addWidget(m_rows, 1);
    layout->addWidget(m_targetTitle);
    layout->addWidget(m_target);
}

void TablePreview::setReport(const TableReportHandle& report, const TableSettings& settings)
{
    m_report = report;
    m_settings = settings;
    if (!report)
        return;
    const TableReport& r = *report;
    const bool regression = r.task == TaskKind::Regression;
    QString text = tr("<b>%1</b> · %L2 rows (%3-separated) · target <b>%4</b>: %5 · %L6 training, %L7 test rows")
                       .arg(QString::fromStdString(r.file).toHtmlEscaped())
                       .arg(r.rows)
                       .arg(QString::fromStdString(delimiterName(r.delimiter)))
                       .arg(QString::fromStdString(r.target).toHtmlEscaped())
                       .arg(regression ? tr("regression") : tr("classification, %1 classes").arg(r.classNames.size()))
                       .arg(r.trainRows)
                       .arg(r.testRows);
    if (r.droppedRows)
        text += tr(" · %L1 rows without a target left out").arg(r.droppedRows);
    if (r.imputedCells)
        text += tr(" · %L1 missing cells filled").arg(r.imputedCells);
    m_summary->setText(text + tr(" · %1 input values per row").arg(r.encodedWidth));
    fillColumns();
    fillRows();
    fillTarget();
}

void TablePreview::fillColumns()
{
    const TableReport& r = *m_report;
    m_columns->setRowCount(0); // drops the old rows' role boxes
    m_columns->setRowCount(int(r.columns.size()));
    for (int i = 0; i < int(r.columns.size()); ++i) {
        const ColumnSummary& c = r.columns[std::size_t(i)];
        const bool number = c.type == ValueType::Number;
        auto* name = cell(QString::fromStdString(c.name));
        name->setToolTip(QString::fromStdString(c.reason));
        m_columns->setItem(i, NameColumn, name);
        m_columns->setCellWidget(i, RoleColumn, makeRoleBox(c));
        m_columns->setItem(i, TypeColumn, cell(number ? tr("number") : tr("text, %L1 distinct").arg(c.distinct)));
        m_columns->setItem(i, MissingColumn, cell(QString::number(c.missing)));
        m_columns->setItem(i, MinColumn, cell(number ? numberText(c.min) : QString()));
        m_columns->setItem(i, MaxColumn, cell(number ? numberText(c.max) : QString()));
        m_columns->setItem(i, MeanColumn, cell(number ? numberText(c.mean) : QString()));
        auto* histogram = cell(QString());
        histogram->setData(Qt::DecorationRole, number ? histogramPixmap(c.histogram, m_columns->iconSize())
                                                      : histogramPixmap(c.categoryCounts, m_columns->iconSize()));
        m_columns->setItem(i, HistogramColumn, histogram);
    }
    m_columns->resizeColumnsToContents();
}

QComboBox* TablePreview::makeRoleBox(const ColumnSummary& column)
{
    auto* box = new RoleBox(m_columns);
    box->setObjectName(QStringLiteral("role:") + QString::fromStdString(column.name));
    if (column.role == ColumnRole::Target) {
        box->addItem(tr(kTargetClasses), QStringLiteral("target-classes"));
        box->addItem(tr(kTargetValues), QStringLiteral("target-values"));
        const bool regression = m_report->task == TaskKind::Regression;
        box->setCurrentIndex(regression ? 1 : 0);
        // Real values cannot be read as classes of text, nor text as values: only what loading can do.
        if (column.type == ValueType::Text)
            box->removeItem(1);
    } else {
        for (ColumnRole role : {ColumnRole::Numeric, ColumnRole::Categorical, ColumnRole::Ignored})
            box->addItem(QString::fromLatin1(roleName(role)), QString::fromLatin1(roleName(role)));
        box->addItem(tr("target"), QStringLiteral("target"));
        box->setCurrentIndex(std::max(0, box->findData(QString::fromLatin1(roleName(column.role)))));
    }
    box->setToolTip(QString::fromStdString(column.reason));
    const QString name = QString::fromStdString(column.name);
    connect(box, &QComboBox::activated, this, [this, box, name] { roleChosen(name, box->currentData().toString()); });
    return box;
}

// Turns a combo box choice into the settings to load with: a new target drops the roles set for it, and the
// old target goes back to its inferred role.
void TablePreview::roleChosen(const QString& column, const QString& choice)
{
    TableSettings settings = m_settings;
    const std::string name = column.toStdString();
    if (choice == QLatin1String("target")) {
        settings.columnRoles.erase(m_report->target);
        settings.columnRoles.erase(name);
        settings.target = name;
    } else if (choice == QLatin1String("target-classes") || choice == QLatin1String("target-values")) {
        settings.target = name;
        settings.columnRoles[name] = choice == QLatin1String("target-classes") ? ColumnRole::Categorical
                                                                               : ColumnRole::Numeric;
    } else {
        for (ColumnRole role : {ColumnRole::Numeric, ColumnRole::Categorical, ColumnRole::Ignored})
            if (choice == QLatin1String(roleName(role)))
                settings.columnRoles[name] = role;
        settings.target = m_report->target; // stays the same column when a later file's order changes
    }
    if (settings != m_settings)
        Q_EMIT tableSettingsEdited(settings);
}

void TablePreview::fillRows()
{
    const TableReport& r = *m_report;
    m_rowsModel->clear();
    QStringList header;
    for (const std::string& name : r.header)
        header << QString::fromStdString(name);
    m_rowsModel->setHorizontalHeaderLabels(header);
    for (const auto& row : r.firstRows) {
        QList<QStandardItem*> items;
        for (const std::string& text : row)
            items << new QStandardItem(QString::fromStdString(text));
        m_rowsModel->appendRow(items);
    }
    m_rows->resizeColumnsToContents();
}

void TablePreview::fillTarget()
{
    const TableReport& r = *m_report;
    if (r.task == TaskKind::Classification) {
        m_targetTitle->setText(tr("<b>Class balance</b> of %1").arg(QString::fromStdString(r.target).toHtmlEscaped()));
        m_targetPixmap = classBalancePixmap(r.classNames, r.classCounts);
    } else {
        const ColumnSummary* target = r.column(r.target);
        m_targetTitle->setText(target
                                   ? tr("<b>Target histogram</b> of %1: %2 to %3, mean %4")
                                         .arg(QString::fromStdString(r.target).toHtmlEscaped(), numberText(target->min),
                                              numberText(target->max), numberText(target->mean))
                                   : QString());
        m_targetPixmap = histogramPixmap(target ? target->histogram : std::vector<std::size_t>{}, QSize(280, 70));
    }
    m_target->setPixmap(m_targetPixmap);
}

QComboBox* TablePreview::roleBox(const QString& name) const
{
    for (int i = 0; i < m_columns->rowCount(); ++i)
        if (m_columns->item(i, NameColumn) && m_columns->item(i, NameColumn)->text() == name)
            return qobject_cast<QComboBox*>(m_columns->cellWidget(i, RoleColumn));
    return nullptr;
}

QString TablePreview::summaryText() const
{
    return m_summary->text();
}

QString TablePreview::targetText() const
{
    return m_targetTitle->text();
}

} // namespace neurite::ui
