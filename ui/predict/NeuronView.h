// What one neuron has learned, opened from a click in the Predict tab's activations: the test images that
// excite it most (found off the GUI thread), its weights as an image where it reads the input's pixels,
// its activation for the current drawing and, for a Conv2D channel, the feature maps of the current input
// and the first layer's kernels.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/NeuronInsight.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <vector>

class QGridLayout;
class QLabel;
class QThread;

namespace neurite::ui {

class NeuronView : public QDialog {
    Q_OBJECT
public:
    static constexpr int kTopCount = 16;

    explicit NeuronView(QWidget* parent = nullptr);
    ~NeuronView() override; // stops and waits for a search still running

    // The model (a null one closes the view) and the data set whose test images are searched; a null data
    // set says it is loading or could not be loaded.
    void setNetwork(std::shared_ptr<neurite::Network> network);
    void setDataSet(std::shared_ptr<const neurite::Dataset> data, const QString& name);
    // Looks at a Dense unit or a Conv2D channel: shows what is known at once and starts the search.
    // Throws NeuriteError for a layer without neurons.
    void showNeuron(const QString& layerId, int index);
    // The current input's activations (Network::activations of the latest prediction); empty: no input.
    void setActivations(const std::vector<neurite::LayerActivation>& activations);

    QString layerId() const { return QString::fromStdString(m_neuron.layerId); }
    int neuronIndex() const { return m_neuron.index; }
    bool isSearching() const { return m_worker != nullptr; }
    const std::vector<neurite::SampleActivation>& topSamples() const { return m_top; }
    float currentActivation() const { return m_activation; } // NaN without an input
    bool showsWeights() const;
    int featureMapCount() const { return m_featureMapCount; }
    int kernelCount() const { return m_kernelCount; }

Q_SIGNALS:
    void topSamplesReady();

private:
    void buildUi();
    void startSearch();
    void stopSearch();
    void searchFinished(std::vector<neurite::SampleActivation> top, const QString& error);
    void showTopSamples();
    void showWeights();
    void showFeatureMaps(const neurite::LayerActivation& layer);
    void showKernels();

    std::shared_ptr<neurite::Network> m_network;
    std::shared_ptr<const neurite::Dataset> m_data;
    QString m_dataName;
    neurite::NeuronRef m_neuron;
    neurite::NeuronLayer m_layer;
    std::vector<neurite::SampleActivation> m_top;
    float m_activation;
    int m_featureMapCount = 0;
    int m_kernelCount = 0;

    struct SearchOutcome;
    QThread* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<SearchOutcome> m_outcome;

    QLabel* m_title = nullptr;
    QLabel* m_activationLabel = nullptr;
    QLabel* m_weightsCaption = nullptr;
    QLabel* m_weights = nullptr;
    QLabel* m_topCaption = nullptr;
    QGridLayout* m_topGrid = nullptr;
    QLabel* m_mapsCaption = nullptr;
    QLabel* m_maps = nullptr;
    QLabel* m_kernelsCaption = nullptr;
    QLabel* m_kernels = nullptr;
};

} // namespace neurite::ui
