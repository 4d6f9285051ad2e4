// One run's test figures, confusion matrix and per-class scores.
#include "compare/RunTestColumn.h"

#include "results/ClassScoreTable.h"
#include "results/ConfusionMatrixView.h"

#include <neurite/ClassScores.h>
#include <neurite/RunRecord.h>

#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

namespace {

QString testSummary(const neurite::RunRecord& run)
{
    const RunTestResults& t = run.test;
    if (t.regression && std::isfinite(t.r2))
        return QObject::tr("Test R² <b>%1</b>, MAE %2, RMSE %3")
            .arg(t.r2, 0, 'f', 4)
            .arg(t.mae, 0, 'g', 4)
            .arg(t.rmse, 0, 'g', 4);
    if (std::isfinite(t.accuracy))
        return QObject::tr("Test accuracy <b>%1%</b>, loss %2")
            .arg(100.0 * double(t.accuracy), 0, 'f', 2)
            .arg(double(t.loss), 0, 'f', 4);
    return QObject::tr("Not tested (the data set has no test split).");
}

QTableWidgetItem* number(double value)
{
    auto* item = new QTableWidgetItem(QString::number(value, 'f', 3));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

RunTestColumn::RunTestColumn(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_summary(new QLabel(this)),
      m_confusion(new ConfusionMatrixView(this)), m_classes(new QTableWidget(this))
{
    m_title->setTextFormat(Qt::RichText);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    setUpClassScoreTable(m_classes);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_confusion, 3);
    layout->addWidget(m_classes, 2);
}

void RunTestColumn::setRun(const neurite::RunRecord& run)
{
    m_title->setText(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(run.name).toHtmlEscaped()));
    QString summary = testSummary(run);
    const bool matrix = !run.test.regression && !run.test.confusion.empty();
    if (!run.test.regression && std::isfinite(run.test.accuracy) && !matrix)
        summary += tr("<br><i>This run was saved before runs kept their confusion matrix.</i>");
    m_summary->setText(summary);
    QStringList names;
    for (const std::string& name : run.classNames)
        names << QString::fromStdString(name);
    if (matrix)
        m_confusion->setMatrix(run.test.confusion, names);
    else
        m_confusion->clear();
    m_confusion->setVisible(matrix);
    m_classes->setVisible(matrix);
    fillClassTable(run);
}

void RunTestColumn::fillClassTable(const neurite::RunRecord& run)
{
    const ClassScores scores = classScores(run.test.confusion);
    const int n = int(scores.f1.size());
    m_classes->setRowCount(n);
    for (int c = 0; c < n; ++c) {
        const auto i = std::size_t(c);
        const QString name = i < run.classNames.size() ? QString::fromStdString(run.classNames[i]) : QString::number(c);
        m_classes->setItem(c, 0, new QTableWidgetItem(name));
        m_classes->setItem(c, 1, number(scores.precision[i]));
        m_classes->setItem(c, 2, number(scores.recall[i]));
        m_classes->setItem(c, 3, number(scores.f1[i]));
        auto* support = new QTableWidgetItem(QString::number(scores.support[i]));
        support->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_classes->setItem(c, 4, support);
    }
    m_classes->resizeRowsToContents();
}

QString RunTestColumn::summaryText() const
{
    return m_summary->text();
}

} // namespace neurite::ui
