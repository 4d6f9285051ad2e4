// The Predict tab's look at why: the saliency overlay, which pixels push the explained class up (red) or
// down (blue), on what the network sees, on the drawing and on an image model's picture, or each column's
// share beside a table model's fields; and the neuron view a click in the activations opens. It is computed a moment
// after each prediction (at most every kSaliencyIntervalMs while the pen moves) on the GUI thread: gradient x input
// costs one backward pass, well under a millisecond for the reference MLP and about a millisecond for
// LeNet (tests/bench/bench_saliency).
#include "predict/PredictPanel.h"

#include "charts/ProbabilityChart.h"
#include "predict/DigitCanvas.h"
#include "predict/ImageDropArea.h"
#include "predict/ActivationView.h"
#include "predict/NetworkInputView.h"
#include "predict/NeuronView.h"
#include "predict/SaliencyBar.h"
#include "predict/SaliencyImage.h"
#include "predict/TableForm.h"

#include <neurite/Error.h>
#include <neurite/Saliency.h>
#include <neurite/TableSaliency.h>

#include <QElapsedTimer>
#include <QTimer>

namespace neurite::ui {

namespace {

constexpr int kSaliencyIntervalMs = 40;

} // namespace

void PredictPanel::buildSaliency()
{
    m_saliencyTimer = new QTimer(this);
    m_saliencyTimer->setSingleShot(true);
    m_saliencyTimer->setInterval(kSaliencyIntervalMs);
    connect(m_saliencyTimer, &QTimer::timeout, this, &PredictPanel::updateSaliency);
    // A running timer is left to fire: the overlay follows a moving pen at a steady rate.
    connect(this, &PredictPanel::predictionUpdated, this, [this] {
        if (!m_saliencyTimer->isActive())
            m_saliencyTimer->start();
    });
    connect(this, &PredictPanel::predictionUpdated, this, [this] {
        // The activations of this prediction, before the overlay's own passes run on the network.
        m_lastActivations = m_network && !m_input.empty() ? m_network->activations()
                                                          : std::vector<neurite::LayerActivation>{};
        if (m_neuronView && m_neuronView->isVisible())
            m_neuronView->setActivations(m_lastActivations);
    });
    connect(m_activations, &ActivationView::neuronClicked, this, &PredictPanel::showNeuron);
    connect(m_saliencyBar, &SaliencyBar::changed, this, &PredictPanel::updateSaliency);
    connect(m_chart, &ProbabilityChart::classClicked, this, &PredictPanel::explainClass);
}

int PredictPanel::explainedClass() const
{
    if (m_input.empty() || m_probabilities.empty() || !m_saliencyBar->isOverlayShown())
        return -1;
    return m_chosenClass >= 0 && m_chosenClass < int(m_probabilities.size()) ? m_chosenClass : predictedClass();
}

// Clicking the network's own answer (or the chosen class again) goes back to explaining the answer.
void PredictPanel::explainClass(int classIndex)
{
    const bool back = classIndex == m_chosenClass || classIndex == predictedClass();
    m_chosenClass = back ? -1 : classIndex;
    if (!m_saliencyBar->isOverlayShown())
        m_saliencyBar->setOverlayShown(true); // asking "why not a 7?" turns the overlay on
    updateSaliency();
}

void PredictPanel::clearSaliency()
{
    m_tableForm->setColumnSaliency({}, {});
    m_saliencyOverlay = QImage();
    m_inputView->setOverlay({});
    m_canvas->setOverlay({}, {});
    m_imageArea->setOverlay({});
    m_chart->setExplainedClass(-1);
    m_saliencyBar->clearExplained();
}

// The explainer for the method chosen now (kept between updates: it reuses its buffers).
neurite::SaliencyExplainer& PredictPanel::explainer()
{
    const neurite::SaliencyOptions options = m_saliencyBar->options();
    if (!m_explainer || m_explainer->options().method != options.method)
        m_explainer = std::make_unique<neurite::SaliencyExplainer>(options);
    return *m_explainer;
}

void PredictPanel::updateSaliency()
{
    m_saliencyTimer->stop();
    const int explained = explainedClass();
    const neurite::Shape shape = m_network ? m_network->inputShape() : neurite::Shape{};
    if (!m_network || explained < 0 || long(m_input.size()) != shape.size())
        return clearSaliency();
    if (shape.isFlat())
        return showsTableForm() ? updateTableSaliency(explained) : clearSaliency();
    QElapsedTimer clock;
    clock.start();
    try {
        // The baseline is the empty canvas (a black image): pixels are scaled to [0, 1], black is 0.
        const neurite::Attribution& a = explainer().explain(*m_network, m_input.data(), explained);
        m_saliencyOverlay = saliencyPicture(neurite::pixelSaliency(a.values, shape), shape.width, shape.height);
    } catch (const neurite::NeuriteError& e) {
        setStatus(QString::fromStdString(e.what()), true);
        return clearSaliency();
    }
    m_saliencyMilliseconds = double(clock.nsecsElapsed()) / 1e6;
    m_inputView->setOverlay(m_saliencyOverlay);
    m_canvas->setOverlay(m_inputToCanvas ? m_saliencyOverlay : QImage(), m_inputToCanvas.value_or(QTransform()));
    m_imageArea->setOverlay(showsImageArea() ? m_saliencyOverlay : QImage());
    m_chart->setExplainedClass(explained);
    m_saliencyBar->setExplained(m_classNames.value(explained), m_classNames.value(predictedClass()));
    Q_EMIT saliencyUpdated();
}

// A table row: each column's share beside its field. Its baseline is the average row (standardised numbers at
// their training mean, no category chosen), all zeros like an empty canvas. A regression's shares are put in the
// target's units (the network learns the standardised target).
void PredictPanel::updateTableSaliency(int explained)
{
    QElapsedTimer clock;
    clock.start();
    const bool regression = m_schema->task == TaskKind::Regression;
    QString what = m_classNames.value(explained);
    try {
        const neurite::Attribution& a = explainer().explain(*m_network, m_input.data(), explained);
        std::vector<neurite::ColumnAttribution> columns = neurite::columnSaliency(a.values, *m_tableForm->encoder());
        if (regression) {
            for (neurite::ColumnAttribution& column : columns)
                column.value *= float(m_schema->targetDeviation);
            const int target = m_schema->targetColumn();
            what = target >= 0 ? QString::fromStdString(m_schema->columns[std::size_t(target)].name) : tr("the value");
        }
        m_tableForm->setColumnSaliency(columns, regression ? what : QStringLiteral("'%1'").arg(what));
    } catch (const neurite::NeuriteError& e) {
        setStatus(QString::fromStdString(e.what()), true);
        return clearSaliency();
    }
    m_saliencyMilliseconds = double(clock.nsecsElapsed()) / 1e6;
    m_chart->setExplainedClass(regression ? -1 : explained);
    m_saliencyBar->setExplained(what, regression ? what : m_classNames.value(predictedClass()));
    Q_EMIT saliencyUpdated();
}

// A drawing's network input is its ink box scaled and shifted (DigitPlacement): the overlay goes back the
// same way. A test image fills the canvas, so its pixels are the canvas's scaled up.
QTransform PredictPanel::gridToCanvas(const neurite::DigitPlacement& placement)
{
    return QTransform::fromTranslate(-placement.offsetX, -placement.offsetY) *
           QTransform::fromScale(1.0 / placement.scale, 1.0 / placement.scale);
}

QTransform PredictPanel::imageToCanvas(int width, int height)
{
    const double scale = double(DigitCanvas::kImageSize) / double(std::max(width, height));
    return QTransform::fromScale(scale, scale) *
           QTransform::fromTranslate((DigitCanvas::kImageSize - width * scale) / 2,
                                     (DigitCanvas::kImageSize - height * scale) / 2);
}

void PredictPanel::showNeuron(const QString& layerId, int index)
{
    if (!m_network)
        return;
    if (!m_neuronView) {
        m_neuronView = new NeuronView(this);
        m_neuronView->setNetwork(m_network);
    }
    dataSet(); // loads it the first time (a second or so), or says why it cannot
    m_neuronView->setDataSet(m_dataSet, m_dataSetName);
    try {
        m_neuronView->showNeuron(layerId, index);
    } catch (const neurite::NeuriteError& e) {
        setStatus(QString::fromStdString(e.what()), true);
        return;
    }
    m_neuronView->setActivations(m_lastActivations);
    m_neuronView->show();
    m_neuronView->raise();
}

} // namespace neurite::ui
