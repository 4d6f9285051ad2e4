// After training: test accuracy and loss, which weights to keep, the confusion matrix, per-class scores, mistakes.
#include "results/TrainingResultsView.h"

#include "results/ClassScoreTable.h"
#include "results/ConfusionMatrixView.h"
#include "results/MisclassifiedGallery.h"
#include "results/RegressionResultsView.h"
#include "training/StopQuestion.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace neurite::ui {

TrainingResultsView::TrainingResultsView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_weights(new QComboBox(this)),
      m_confusion(new ConfusionMatrixView(this)), m_classes(new QTableWidget(this)),
      m_gallery(new MisclassifiedGallery(this)), m_regression(new RegressionResultsView(this)),
      m_views(new QStackedWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_weights->addItem(tr("Keep the weights of the last finished batch"), int(KeptWeights::Last));
    m_weights->addItem(tr("Keep the weights of the best epoch"), int(KeptWeights::Best));
    m_weights->setVisible(false);
    m_weights->setToolTip(tr("Which weights of this run Predict uses and Save writes; another choice is tested again"));
    connect(m_weights, &QComboBox::activated, this, [this] { Q_EMIT keptWeightsChanged(keptWeights()); });

    setUpClassScoreTable(m_classes);

    connect(m_confusion, &ConfusionMatrixView::cellClicked, m_gallery, &MisclassifiedGallery::showCell);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_confusion);
    top->addWidget(m_classes);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(m_gallery);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    // The weights choice has a row of its own: its entries are long ("Keep the last weights (epoch 8, batch 23
    // of 201; ...)") and the summary beside it would be squeezed in a small window.
    auto* choice = new QHBoxLayout;
    choice->addWidget(m_weights);
    choice->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(choice);
    m_views->addWidget(vertical);
    m_views->addWidget(m_regression);
    layout->addWidget(m_views, 1);
    clear();
}

void TrainingResultsView::clear()
{
    m_data.reset();
    m_summary->setText(tr("Test results appear here when a run ends."));
    m_weights->setVisible(false);
    m_confusion->clear();
    m_classes->setRowCount(0);
    m_gallery->clear();
    m_regression->clear();
    m_views->setCurrentIndex(0);
}

bool TrainingResultsView::showsRegression() const
{
    return m_views->currentWidget() == m_regression;
}

void TrainingResultsView::setOutcome(const TrainingOutcome& outcome, const DataSetHandle& data,
                                     const QStringList& classNames)
{
    m_data = data;
    m_names = classNames;
    m_outcomeInfo = {};
    m_outcomeInfo.outcome = outcome.outcome;
    m_outcomeInfo.message = outcome.message;
    m_outcomeInfo.history.bestEpoch = outcome.history.bestEpoch;
    m_outcomeInfo.history.epochs = outcome.history.epochs;
    // A choice exists only when both sets of weights exist and differ.
    const bool choice = !outcome.bestWeights.empty() && outcome.bestWeights != outcome.lastWeights &&
                        outcome.outcome != TrainingResult::Outcome::Diverged;
    m_weights->setVisible(choice);
    // The same words as Stop's question, with the epochs and accuracies of this run.
    const StopOffer offer = makeStopOffer(outcome.history);
    m_weights->setItemText(0, offer.lastText());
    m_weights->setItemText(1, offer.bestText());
    m_weights->setCurrentIndex(outcome.keptBest ? 1 : 0);
    setEvaluation(outcome.test);
}

void TrainingResultsView::setEvaluation(const TestEvaluation& evaluation)
{
    const auto& epochs = m_outcomeInfo.history.epochs;
    QString text = tr("<b>%1</b> after %2 epoch(s).").arg(outcomeName(m_outcomeInfo.outcome)).arg(epochs.size());
    if (evaluation.valid && evaluation.regression)
        text += tr(" Test R² <b>%1</b>, MAE %2, RMSE %3 (%4 weights).")
                    .arg(evaluation.regressionResult.metrics.r2, 0, 'f', 4)
                    .arg(evaluation.regressionResult.metrics.mae, 0, 'g', 4)
                    .arg(evaluation.regressionResult.metrics.rmse, 0, 'g', 4)
                    .arg(keptWeights() == KeptWeights::Best ? tr("best-epoch") : tr("last-batch"));
    else if (evaluation.valid)
        text += tr(" Test accuracy <b>%1%</b>, test loss %2 (%3 weights).")
                    .arg(100.0 * double(evaluation.metrics.accuracy), 0, 'f', 2)
                    .arg(double(evaluation.metrics.loss), 0, 'f', 4)
                    .arg(keptWeights() == KeptWeights::Best ? tr("best-epoch") : tr("last-batch"));
    else
        text += tr(" The data set has no test split.");
    if (!m_outcomeInfo.message.isEmpty() && m_outcomeInfo.outcome != TrainingResult::Outcome::Completed)
        text += QStringLiteral("<br>") + m_outcomeInfo.message.toHtmlEscaped();
    // Tables have no images to show: the gallery is for image data only.
    const bool table = m_data && m_data->schema.kind == DataSchema::Kind::Table;
    if (evaluation.valid && !evaluation.regression && !table)
        text += tr("<br><i>Click a cell of the matrix to see its images.</i>");
    m_summary->setText(text);
    m_views->setCurrentWidget(evaluation.regression ? static_cast<QWidget*>(m_regression) : m_views->widget(0));
    m_gallery->setVisible(!table);
    if (evaluation.regression) {
        const int target = m_data ? m_data->schema.targetColumn() : -1;
        m_regression->setEvaluation(evaluation.regressionResult,
                                    target >= 0
                                        ? QString::fromStdString(m_data->schema.columns[std::size_t(target)].name)
                                        : tr("the target"));
        return;
    }
    m_confusion->setMatrix(evaluation.valid ? evaluation.metrics.confusion : std::vector<std::vector<int>>{}, m_names);
    fillClassTable(evaluation);
    m_gallery->setResults(m_data, evaluation, m_names);
}

void TrainingResultsView::fillClassTable(const TestEvaluation& evaluation)
{
    const Evaluation& m = evaluation.metrics;
    const int n = evaluation.valid ? int(m.precision.size()) : 0;
    m_classes->setRowCount(n);
    const auto cell = [](double v) {
        auto* item = new QTableWidgetItem(QString::number(v, 'f', 3));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int c = 0; c < n; ++c) {
        const auto& row = m.confusion[std::size_t(c)];
        m_classes->setItem(c, 0, new QTableWidgetItem(c < m_names.size() ? m_names[c] : QString::number(c)));
        m_classes->setItem(c, 1, cell(m.precision[std::size_t(c)]));
        m_classes->setItem(c, 2, cell(m.recall[std::size_t(c)]));
        m_classes->setItem(c, 3, cell(m.f1[std::size_t(c)]));
        auto* support = new QTableWidgetItem(QString::number(std::accumulate(row.begin(), row.end(), 0)));
        support->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_classes->setItem(c, 4, support);
    }
    m_classes->resizeRowsToContents();
    m_classes->setMinimumWidth(classTableWidth());
}

// Every column whole (header and cells) beside a vertical scroll bar: the splitter keeps at least this.
int TrainingResultsView::classTableWidth() const
{
    const QHeaderView* header = m_classes->horizontalHeader();
    const QAbstractItemView* cells = m_classes; // sizeHintForColumn is public here, protected in QTableView
    int width = 2 * m_classes->frameWidth() + m_classes->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    for (int c = 0; c < m_classes->columnCount(); ++c)
        width += std::max(header->sectionSizeHint(c), cells->sizeHintForColumn(c));
    return width;
}

TrainingResultsView::KeptWeights TrainingResultsView::keptWeights() const
{
    return KeptWeights(m_weights->currentData().toInt());
}

void TrainingResultsView::setKeptWeights(KeptWeights kept)
{
    if (kept == keptWeights())
        return;
    m_weights->setCurrentIndex(kept == KeptWeights::Best ? 1 : 0);
    Q_EMIT keptWeightsChanged(kept);
}

QString TrainingResultsView::summaryText() const
{
    return m_summary->text();
}

} // namespace neurite::ui
