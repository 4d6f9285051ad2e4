// NeuronView: the neuron's pictures as labels in a scrolling column; the search for its top test images
// runs on a QThread over a network of its own (the Predict tab's keeps predicting on the GUI thread).
#include "predict/NeuronView.h"

#include "predict/NeuronPictures.h"

#include <neurite/Error.h>

#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>
#include <mutex>

namespace neurite::ui {

namespace {

constexpr int kTopColumns = 8;
constexpr int kSampleSide = 56;  // a top image, magnified
constexpr int kWeightSide = 140; // the weight picture
constexpr int kMapColumns = 8;

QPixmap magnified(const QImage& image, int width)
{
    if (image.isNull())
        return {};
    const int scale = std::max(1, width / std::max(1, image.width()));
    return QPixmap::fromImage(image.scaled(image.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation));
}

QLabel* caption(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

// What the search thread hands back. The thread holds the mutex while it searches; the GUI thread takes it
// before it reads the result or frees the thread. Qt orders a thread's end before its "finished" call and
// QThread::wait, but through futexes ThreadSanitizer cannot see (docs/sanitizers.md): the mutex shows it.
struct NeuronView::SearchOutcome {
    std::mutex mutex;
    std::vector<neurite::SampleActivation> top;
    QString error;
};

NeuronView::NeuronView(QWidget* parent) : QDialog(parent), m_activation(std::nanf(""))
{
    setWindowTitle(tr("Neuron"));
    buildUi();
    resize(620, 640);
}

NeuronView::~NeuronView()
{
    stopSearch();
}

void NeuronView::buildUi()
{
    m_title = caption({});
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_activationLabel = caption({});
    m_weightsCaption = caption(tr("Its weights on the input's pixels (red +, blue −): the pattern it looks for"));
    m_weights = new QLabel;
    m_topCaption = caption({});
    m_topGrid = new QGridLayout;
    m_topGrid->setSpacing(4);
    m_mapsCaption = caption({});
    m_maps = new QLabel;
    m_kernelsCaption = caption({});
    m_kernels = new QLabel;

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_activationLabel, m_topCaption})
        layout->addWidget(w);
    layout->addLayout(m_topGrid);
    for (QWidget* w : std::initializer_list<QWidget*>{m_weightsCaption, m_weights, m_mapsCaption, m_maps,
                                                      m_kernelsCaption, m_kernels})
        layout->addWidget(w);
    layout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void NeuronView::setNetwork(std::shared_ptr<neurite::Network> network)
{
    stopSearch();
    m_network = std::move(network);
    m_neuron = {};
    m_top.clear();
    close(); // the neuron shown belongs to the model before
}

void NeuronView::setDataSet(std::shared_ptr<const neurite::Dataset> data, const QString& name)
{
    const bool changed = data != m_data;
    m_data = std::move(data);
    m_dataName = name;
    if (changed && isVisible() && !m_neuron.layerId.empty())
        startSearch();
}

void NeuronView::showNeuron(const QString& layerId, int index)
{
    if (!m_network)
        return;
    const neurite::NeuronRef neuron{layerId.toStdString(), index};
    m_layer = neurite::neuronLayer(*m_network, neuron); // throws for a layer without neurons
    m_neuron = neuron;
    const bool unit = m_layer.kind == neurite::NeuronKind::Unit;
    m_title->setText(unit ? tr("%1 · unit %2 of %3").arg(layerId).arg(index).arg(m_layer.count)
                          : tr("%1 · channel %2 of %3").arg(layerId).arg(index).arg(m_layer.count));
    setWindowTitle(tr("Neuron %1 · %2").arg(layerId).arg(index));
    showWeights();
    showKernels();
    startSearch();
}

bool NeuronView::showsWeights() const
{
    return !m_weights->isHidden() && !m_weights->pixmap().isNull();
}

void NeuronView::showWeights()
{
    const std::optional<neurite::WeightImage> weights = neurite::neuronWeightImage(*m_network, m_neuron);
    m_weightsCaption->setVisible(bool(weights));
    m_weights->setVisible(bool(weights));
    if (weights)
        m_weights->setPixmap(magnified(weightPicture(*weights), kWeightSide));
    else
        m_weights->setPixmap({});
}

// A channel of a convolutional network: the first layer's kernels are what its pixels meet first.
void NeuronView::showKernels()
{
    const std::optional<neurite::LayerKernels> kernels = m_layer.kind == neurite::NeuronKind::Channel
                                                             ? neurite::firstLayerKernels(*m_network)
                                                             : std::nullopt;
    m_kernelCount = kernels ? int(kernels->kernels.size()) : 0;
    m_kernelsCaption->setVisible(m_kernelCount > 0);
    m_kernels->setVisible(m_kernelCount > 0);
    if (!kernels || m_kernelCount == 0)
        return;
    m_kernelsCaption->setText(tr("The first layer's kernels (%1, red +, blue −): the strokes every channel "
                                 "above is built from")
                                  .arg(QString::fromStdString(kernels->layerId)));
    m_kernels->setPixmap(magnified(kernelGrid(kernels->kernels, kMapColumns), 8 * 60));
}

void NeuronView::setActivations(const std::vector<neurite::LayerActivation>& activations)
{
    m_activation = std::nanf("");
    m_featureMapCount = 0;
    const neurite::LayerActivation* mine = nullptr;
    for (const neurite::LayerActivation& a : activations)
        if (a.layerId == m_neuron.layerId && long(a.values.size()) == m_layer.outputShape.size())
            mine = &a;
    if (mine)
        m_activation = neurite::neuronActivation(m_layer, m_neuron.index, mine->values.data());
    const bool channel = m_layer.kind == neurite::NeuronKind::Channel;
    m_activationLabel->setText(
        !mine     ? tr("Draw or open an input to see this neuron's activation for it.")
        : channel ? tr("For your input: mean activation <b>%1</b> over its map").arg(double(m_activation), 0, 'g', 4)
                  : tr("For your input: activation <b>%1</b>").arg(double(m_activation), 0, 'g', 4));
    m_mapsCaption->setVisible(mine && channel);
    m_maps->setVisible(mine && channel);
    if (mine && channel)
        showFeatureMaps(*mine);
}

void NeuronView::showFeatureMaps(const neurite::LayerActivation& layer)
{
    const neurite::Shape s = layer.shape;
    m_featureMapCount = s.channels;
    m_mapsCaption->setText(tr("The feature maps of %1 for your input, one per channel (this one framed)")
                               .arg(QString::fromStdString(layer.layerId)));
    const QImage grid = mapGrid(layer.values, s.channels, s.height, s.width, kMapColumns, m_neuron.index);
    m_maps->setPixmap(magnified(grid, 8 * 64));
}

// A network of the worker's own (the same design and weights) and the shared, read-only data set.
void NeuronView::startSearch()
{
    stopSearch();
    m_top.clear();
    showTopSamples();
    if (!m_network || !m_data || m_neuron.layerId.empty())
        return;
    auto network = std::make_shared<neurite::Network>(m_network->spec());
    network->setWeights(m_network->weights());
    network->setThreads(1); // leave a core to the GUI
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto outcome = std::make_shared<SearchOutcome>();
    m_outcome = outcome;
    m_worker = QThread::create([network, data = m_data, neuron = m_neuron, cancel = m_cancel, outcome] {
        std::lock_guard lock(outcome->mutex);
        try {
            outcome->top = neurite::topActivatingSamples(*network, data->test, neuron, kTopCount,
                                                         [&cancel] { return cancel->load(); });
        } catch (const neurite::NeuriteError& e) {
            outcome->error = QString::fromStdString(e.what());
        }
    });
    // The finished handler below deletes the thread, but it is a queued call on this view: a view closed
    // mid-search drops it with its other posted events. As a child the thread (waited for in stopSearch)
    // then goes with the view instead of leaking with the network and data it holds.
    m_worker->setParent(this);
    QThread* worker = m_worker;
    connect(worker, &QThread::finished, this, [this, worker, outcome] {
        std::unique_lock lock(outcome->mutex);
        worker->deleteLater();
        if (worker != m_worker) // a search that was stopped
            return;
        m_worker = nullptr;
        std::vector<neurite::SampleActivation> top = std::move(outcome->top);
        const QString error = outcome->error;
        lock.unlock();
        searchFinished(std::move(top), error);
    });
    m_worker->start(QThread::LowPriority);
}

void NeuronView::stopSearch()
{
    if (!m_worker)
        return;
    m_cancel->store(true);
    QThread* worker = m_worker;
    m_worker = nullptr;
    worker->wait();
    std::lock_guard ended(m_outcome->mutex); // see SearchOutcome
}

void NeuronView::searchFinished(std::vector<neurite::SampleActivation> top, const QString& error)
{
    m_top = std::move(top);
    showTopSamples();
    if (!error.isEmpty())
        m_topCaption->setText(error.toHtmlEscaped());
    Q_EMIT topSamplesReady();
}

void NeuronView::showTopSamples()
{
    while (QLayoutItem* item = m_topGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_data) {
        m_topCaption->setText(tr("No data set to search: choose one in the Train tab."));
        return;
    }
    if (m_top.empty()) {
        m_topCaption->setText(m_worker ? tr("Searching the %1 test images of %2 for the ones that excite it most…")
                                             .arg(m_data->test.count())
                                             .arg(m_dataName.toHtmlEscaped())
                                       : QString());
        return;
    }
    m_topCaption->setText(tr("The %1 test images of %2 that excite it most (its activation under each):")
                              .arg(m_top.size())
                              .arg(m_dataName.toHtmlEscaped()));
    for (std::size_t i = 0; i < m_top.size(); ++i) {
        const neurite::SampleActivation& s = m_top[i];
        auto* picture = new QLabel;
        picture->setPixmap(magnified(samplePicture(m_data->test, s.sample), kSampleSide));
        const int label = m_data->test.labels.empty() ? -1 : m_data->test.labels[s.sample];
        const QString name = label >= 0 && label < int(m_data->classNames.size())
                                 ? QString::fromStdString(m_data->classNames[std::size_t(label)])
                                 : QString();
        picture->setToolTip(tr("Test image #%1 (%2): %3").arg(s.sample).arg(name).arg(double(s.activation), 0, 'g', 4));
        auto* text = new QLabel(QStringLiteral("%1").arg(double(s.activation), 0, 'g', 3));
        text->setAlignment(Qt::AlignHCenter);
        auto* cell = new QWidget;
        auto* column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(0);
        column->addWidget(picture, 0, Qt::AlignHCenter);
        column->addWidget(text);
        m_topGrid->addWidget(cell, int(i) / kTopColumns, int(i) % kTopColumns);
    }
}

} // namespace neurite::ui
