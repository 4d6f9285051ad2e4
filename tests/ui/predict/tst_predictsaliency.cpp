// The Predict tab's "why": the saliency overlay follows the drawing and the class clicked in the chart, and
// equals x * W for a linear model; convolutions show a picture per channel inside the network; a click in the
// activations opens the neuron view with the top test
// images the engine finds, the weights, feature maps and kernels; the README's screenshots.
#include <QtTest>

#include "charts/ProbabilityChart.h"
#include "predict/ActivationColours.h"
#include "predict/ActivationView.h"
#include "predict/DefaultModel.h"
#include "predict/DigitCanvas.h"
#include "predict/NetworkInputView.h"
#include "predict/NeuronView.h"
#include "predict/PredictPanel.h"
#include "predict/SaliencyBar.h"
#include "predict/SaliencyImage.h"

#include "BarModel.h"
#include "neurite/DataSets.h"
#include "neurite/NetworkSpec.h"
#include "neurite/NeuronInsight.h"

#include <algorithm>
#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr int kSide = 28;

// The bar model (tests/support/BarModel.h) whose class 4 weighs the horizontal bar's ink negatively (-0.2),
// so that gradient x input, x_p * W[p, k], has both signs.
std::shared_ptr<Network> barModel(std::vector<float>& weights)
{
    return neurite::test::barModel(-0.2f, &weights);
}

// Every pixel of the overlay says what x_p * W[p, k] says: red where it is positive, blue where it is
// negative, clear where it is zero.
void verifyOverlayIsWeightsTimesInput(const QImage& overlay, const std::vector<float>& x, const std::vector<float>& w,
                                      int k)
{
    QCOMPARE(overlay.size(), QSize(kSide, kSide));
    int coloured = 0;
    for (int p = 0; p < 784; ++p) {
        const float expected = x[std::size_t(p)] * w[std::size_t(p) * 10 + std::size_t(k)];
        const QColor c = QColor::fromRgba(overlay.pixel(p % kSide, p / kSide));
        if (expected == 0.0f) {
            QCOMPARE(c.alpha(), 0);
            continue;
        }
        ++coloured;
        QVERIFY(c.alpha() > 0);
        QVERIFY(expected > 0 ? c.red() > c.blue() : c.blue() > c.red());
    }
    QVERIFY(coloured > 10);
}

} // namespace

class TestPredictSaliency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void overlayFollowsTheDrawingAndTheClickedClass()
    {
        PredictPanel panel;
        std::vector<float> w;
        panel.setModel(barModel(w), "bars", std::nan(""), {});
        panel.resize(1000, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.saliencyOverlay().isNull());
        // A plus sign with the vertical bar longer: the answer is 1, and 4 has ink on its (negative) bar.
        panel.canvas()->addStroke({{224, 40}, {224, 408}});
        panel.canvas()->addStroke({{60, 224}, {388, 224}});
        QCOMPARE(panel.predictedClass(), 1);
        QTRY_VERIFY(!panel.saliencyOverlay().isNull()); // after the throttle's delay
        QCOMPARE(panel.explainedClass(), 1);
        verifyOverlayIsWeightsTimesInput(panel.saliencyOverlay(), panel.currentInput(), w, 1);
        QVERIFY(!panel.inputView()->overlay().isNull());
        QVERIFY(!panel.canvas()->overlay().isNull());
        QVERIFY(panel.saliencyBar()->explanationText().contains("Why <b>1</b>"));
        const QImage forOne = panel.saliencyOverlay();

        // "Why not a 4?": a click on 4's bar in the chart.
        ProbabilityChart* chart = panel.chart();
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->barCentre(4));
        QCOMPARE(panel.explainedClass(), 4);
        QVERIFY(panel.saliencyOverlay() != forOne);
        verifyOverlayIsWeightsTimesInput(panel.saliencyOverlay(), panel.currentInput(), w, 4);
        QVERIFY(panel.saliencyBar()->explanationText().contains("Why not <b>4</b>"));
        QCOMPARE(chart->explainedClass(), 4);

        // The chosen class stays while the user draws on; the answer's bar goes back to the answer.
        panel.canvas()->addStroke({{200, 60}, {200, 380}});
        QTRY_COMPARE(panel.explainedClass(), 4);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->barCentre(1));
        QCOMPARE(panel.explainedClass(), 1);

        panel.saliencyBar()->setOverlayShown(false);
        QVERIFY(panel.saliencyOverlay().isNull());
        QVERIFY(panel.canvas()->overlay().isNull());
        QCOMPARE(panel.explainedClass(), -1);
    }

    // The canvas overlay is the input's grid placed back over the drawing: the stroke where it crosses class
    // 1's weights (its upper part: the weights skip the centre rows) is red, and the canvas corner is not.
    void canvasOverlaySitsOnTheStroke()
    {
        PredictPanel panel;
        std::vector<float> w;
        panel.setModel(barModel(w), "bars", std::nan(""), {});
        panel.canvas()->addStroke({{300, 60}, {300, 400}});
        panel.updateSaliency();
        QVERIFY(!panel.saliencyOverlay().isNull());
        DigitCanvas* canvas = panel.canvas();
        QImage shown(canvas->size(), QImage::Format_ARGB32);
        shown.fill(Qt::transparent);
        canvas->render(&shown);
        const QRectF r = canvas->imageRect();
        auto at = [&](QPointF p) {
            return shown.pixelColor((r.topLeft() + p * (r.width() / DigitCanvas::kImageSize)).toPoint());
        };
        const QColor onStroke = at({300, 110}), centre = at({300, 230}), corner = at({20, 20});
        QVERIFY(centre.red() > 200 && centre.blue() > 200); // white ink where class 1 has no weights
        QVERIFY2(onStroke.red() > onStroke.blue() + 40, qPrintable(onStroke.name()));
        QVERIFY(std::abs(corner.red() - corner.blue()) < 10);
    }

    void clickingANeuronOpensItsView()
    {
        PredictPanel panel;
        const auto project = loadDefaultModel();
        if (!project || !panel.setModelFromProject(*project, "Default MNIST MLP"))
            QSKIP("the default model is not available");
        try {
            loadDataset("mnist-10k");
        } catch (const std::exception&) {
            QSKIP("mnist-10k is not prepared");
        }
        panel.setDataSetName("mnist-10k");
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.canvas()->addStroke({{224, 60}, {224, 400}});
        ActivationView* view = panel.activationView();
        QVERIFY(view->shownLayers().contains("dense2"));
        QTest::qWait(20);
        const QPoint cell = view->neuronCellCentre("dense2", 5);
        QVERIFY(!cell.isNull());
        QTest::mouseClick(view, Qt::LeftButton, {}, cell);
        NeuronView* neuron = panel.neuronView();
        QVERIFY(neuron && neuron->isVisible());
        QCOMPARE(neuron->layerId(), QString("dense2"));
        QCOMPARE(neuron->neuronIndex(), 5);
        QVERIFY(!std::isnan(neuron->currentActivation()));
        QVERIFY(!neuron->showsWeights()); // dense2 reads dense1's units, not pixels
        QTRY_VERIFY_WITH_TIMEOUT(!neuron->isSearching(), 30000);
        QCOMPARE(int(neuron->topSamples().size()), NeuronView::kTopCount);
        // The same neuron's top images straight from the engine.
        const Dataset data = loadDataset("mnist-10k");
        Network copy = networkFromProject(*project);
        const auto expected = topActivatingSamples(copy, data.test, {"dense2", 5});
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(neuron->topSamples()[i].sample, expected[i].sample);

        panel.showNeuron("dense1", 7); // a first-layer unit has a weight picture
        QVERIFY(neuron->showsWeights());
        QTRY_VERIFY_WITH_TIMEOUT(!neuron->isSearching(), 30000);
    }

    // A view closed while its search runs waits for the search and takes the thread with it: its queued
    // "finished" handler, which deletes the thread otherwise, dies with the view. (The thread and the
    // network and data it holds used to leak; under the asan preset LeakSanitizer checks that none is left.)
    void closingAViewMidSearchFreesItsThread()
    {
        std::shared_ptr<const Dataset> data;
        try {
            data = std::make_shared<const Dataset>(loadDataset("mnist-10k"));
        } catch (const std::exception&) {
            QSKIP("mnist-10k is not prepared");
        }
        auto view = std::make_unique<NeuronView>();
        view->setNetwork(neurite::test::barModel(-0.2f));
        view->setDataSet(data, "mnist-10k");
        view->showNeuron("dense1", 4); // starts the search; no event is processed before the view goes
        QVERIFY(view->isSearching());
        const QPointer<QThread> search = view->findChild<QThread*>();
        QVERIFY(search);
        view.reset();
        QVERIFY(search.isNull());
    }

    // Inside the network, a convolution's output is a picture per channel: the middle of channel c's picture has
    // the colour of that channel's middle value, and a click there opens channel c.
    static void checkFeatureMapsAreDrawn(PredictPanel& panel)
    {
        ActivationView* view = panel.activationView();
        QVERIFY(view->shownLayers().contains("conv1"));
        std::vector<float> conv1;
        for (const LayerActivation& a : panel.lastActivations())
            if (a.layerId == "conv1")
                conv1 = a.values; // (channels, 24, 24), channel-major
        QCOMPARE(conv1.size(), std::size_t(8 * 24 * 24));
        const float top = *std::max_element(conv1.begin(), conv1.end());
        QVERIFY(top > 0);
        const QImage picture = view->grab().toImage();
        for (int c : {0, 3, 7}) {
            const QPoint centre = view->neuronCellCentre("conv1", c);
            const float middle = conv1[std::size_t(c * 24 * 24 + 12 * 24 + 12)];
            QCOMPARE(picture.pixelColor(centre).rgb(), activationHeatColour(middle / top).rgb());
            QSignalSpy clicked(view, &ActivationView::neuronClicked);
            QTest::mouseClick(view, Qt::LeftButton, {}, centre);
            QCOMPARE(clicked.count(), 1);
            QCOMPARE(clicked.front().at(1).toInt(), c);
            panel.neuronView()->close();
        }
    }

    void convolutionalChannelsShowMapsAndKernels()
    {
        PredictPanel panel;
        panel.setModel(std::make_shared<Network>(*preset("lenet"), 3), "lenet", std::nan(""), {});
        panel.setDataSetName("no such data set"); // the view says it has nothing to search
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.canvas()->addStroke({{224, 60}, {224, 400}});
        checkFeatureMapsAreDrawn(panel);
        panel.showNeuron("conv2", 3);
        NeuronView* neuron = panel.neuronView();
        QVERIFY(neuron);
        QCOMPARE(neuron->kernelCount(), int(firstLayerKernels(Network(*preset("lenet")))->kernels.size()));
        QVERIFY(neuron->featureMapCount() > 0);
        QVERIFY(!neuron->showsWeights());
        panel.showNeuron("conv1", 1);
        QVERIFY(neuron->showsWeights()); // its kernel
        neuron->close();
    }

    // For the README: a 4 with a closed top, which the default model reads as a 9, with the overlay on; then
    // the neuron view of a first-layer unit. Saved when NEURITE_SCREENSHOT_DIR is set.
    void screenshots()
    {
        PredictPanel panel;
        const auto project = loadDefaultModel();
        if (!project || !panel.setModelFromProject(*project, "Default MNIST MLP (784-128-64-10)"))
            QSKIP("the default model is not available");
        panel.resize(1100, 860);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        bool readAsNine = false;
        for (int top = 150; top >= 70 && !readAsNine; top -= 10) {
            panel.canvas()->clear();
            // A closed-top 4: the left stroke leans in to meet the right one near its top.
            panel.canvas()->addStroke({{230, double(top)}, {150, 250}, {330, 250}});
            panel.canvas()->addStroke({{230, double(top)}, {290, double(top) + 10}, {290, 400}});
            readAsNine = panel.predictedClass() == 9;
        }
        if (!readAsNine)
            QSKIP("no drawn 4 was read as a 9");
        panel.updateSaliency();
        QCOMPARE(panel.explainedClass(), 9);
        QTest::qWait(50);
        const QString dir = qEnvironmentVariable("NEURITE_SCREENSHOT_DIR");
        const QPixmap shot = panel.grab();
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath("predict-saliency.png")));
        panel.explainClass(4); // why not a 4?
        QTest::qWait(50);
        if (!dir.isEmpty())
            QVERIFY(panel.grab().save(QDir(dir).filePath("predict-saliency-why-not.png")));
        try {
            panel.setDataSetName("mnist-10k");
            panel.showNeuron("dense1", 12);
        } catch (const std::exception&) {
            QSKIP("mnist-10k is not prepared");
        }
        NeuronView* neuron = panel.neuronView();
        QTRY_VERIFY_WITH_TIMEOUT(!neuron->isSearching(), 30000);
        QTest::qWait(50);
        if (!dir.isEmpty())
            QVERIFY(neuron->grab().save(QDir(dir).filePath("predict-neuron.png")));
    }
};

QTEST_MAIN(TestPredictSaliency)
#include "tst_predictsaliency.moc"
