// The Predict tab: draw a digit (or open an image) and watch the model's prediction and its insides live.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/DigitPreprocessing.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

#include <QString>
#include <QImage>
#include <QStringList>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>
#include <random>
#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QSplitter;
class QTimer;

namespace neurite {
class SaliencyExplainer;
}

namespace neurite::ui {

class ActivationView;
class ImageDropArea;
class ModelChooser;
class DigitCanvas;
class NetworkInputView;
class NeuronView;
class ProbabilityChart;
class SaliencyBar;
class TableForm;

class PredictPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictPanel(QWidget* parent = nullptr);
    ~PredictPanel() override;

    // The model to predict with (shared, never trained while shown here). testAccuracy in [0, 1] or NaN
    // when unknown; classNames empty means "0", "1", ... A null network shows "no model".
    void setModel(std::shared_ptr<neurite::Network> network, const QString& modelName, double testAccuracy,
                  const QStringList& classNames);
    // Builds the project's trained network and uses it; false (and says why on the panel) when it has no
    // weights or cannot be built.
    bool setModelFromProject(const neurite::Project& project, const QString& modelName);
    // The data set "Random test image" draws from ("mnist-10k", "fashion-mnist" or a folder).
    void setDataSetName(const QString& name);
    // The preprocessing of the model in use: a table's shows the form (TableForm) instead of the canvas.
    void setSchema(const std::optional<neurite::DataSchema>& schema);
    bool showsTableForm() const;
    // An image model (not grey 28 x 28 digits) shows an image to open, drop or paste instead of the canvas.
    bool showsImageArea() const;
    // A regression model's last prediction in the target's units (NaN otherwise).
    double predictedValue() const { return m_predictedValue; }
    QString dataSetName() const { return m_dataSetName; }

    std::vector<float> currentProbabilities() const { return m_probabilities; }
    std::vector<float> currentInput() const { return m_input; } // 784 values the network saw, or empty
    int predictedClass() const;                                 // -1 when nothing is predicted
    QString modelText() const;
    QString statusText() const;

    DigitCanvas* canvas() const { return m_canvas; }
    TableForm* tableForm() const { return m_tableForm; }
    ImageDropArea* imageArea() const { return m_imageArea; }
    ProbabilityChart* chart() const { return m_chart; }
    NetworkInputView* inputView() const { return m_inputView; }
    ActivationView* activationView() const { return m_activations; }
    // The model list above the answer; what it chooses is used through setModel.
    ModelChooser* modelChooser() const { return m_chooser; }

    // The saliency overlay (PredictPanelSaliency.cpp): the class it explains (the answer, or the class the
    // user clicked in the chart; -1 when none is shown), the overlay over what the network sees and the
    // time its last update took.
    SaliencyBar* saliencyBar() const { return m_saliencyBar; }
    int explainedClass() const;
    const QImage& saliencyOverlay() const { return m_saliencyOverlay; }
    double lastSaliencyMilliseconds() const { return m_saliencyMilliseconds; }
    // The layers' activations of the latest prediction (what "Inside the network" shows).
    const std::vector<neurite::LayerActivation>& lastActivations() const { return m_lastActivations; }
    // The neuron view opened by a click in the activations (null until then).
    NeuronView* neuronView() const { return m_neuronView; }

public Q_SLOTS:
    // Shows the file on the canvas (or in the image area of an image model) and predicts exactly as
    // `neurite predict` does (preprocessImageFile, or loadImageFile with the model's encoding).
    bool openImageFile(const QString& path);
    // An image model: predicts `image` (dropped or pasted, `source` names it in the status line).
    bool setPredictImage(const QImage& image, const QString& source);
    // An image model: predicts the clipboard's image (Ctrl+V).
    bool pasteImage();
    void openImageWithDialog();
    // Puts a random image of the data set's test split on the canvas and names its true label.
    bool showRandomTestImage();
    // Predicts from the canvas (or from the opened / test image until the user draws on it).
    void updatePrediction();
    // Explains `classIndex` instead of the answer ("why not a 7?"); the answer or the same class again
    // goes back to explaining the answer.
    void explainClass(int classIndex);
    // Recomputes the overlay now (it otherwise follows each prediction after a short delay).
    void updateSaliency();
    // Opens (or points) the neuron view at a Dense unit or a Conv2D channel.
    void showNeuron(const QString& layerId, int index);

Q_SIGNALS:
    void predictionUpdated();
    void saliencyUpdated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    QWidget* buildCanvasColumn();
    QWidget* buildResultColumn();
    QWidget* buildImageColumn();
    void showInputFor(const std::optional<neurite::DataSchema>& schema);
    bool openImageForModel(const QString& path);
    std::optional<std::vector<float>> resizedFileInput(const QString& path);
    void predictImage();
    void predict(const std::vector<float>& input);
    void predictTableRow();
    void clearPrediction(const QString& hint);
    void drawingChanged();
    void setStatus(const QString& text, bool error = false);
    const neurite::Dataset* dataSet();
    void buildSaliency();
    void clearSaliency();
    void updateTableSaliency(int explained);
    neurite::SaliencyExplainer& explainer();
    static QTransform gridToCanvas(const neurite::DigitPlacement& placement);
    static QTransform imageToCanvas(int width, int height);

    std::shared_ptr<neurite::Network> m_network;
    QString m_modelName;
    double m_testAccuracy = 0;
    QStringList m_classNames;
    std::optional<std::vector<float>> m_fixedInput; // an opened file or test image, until the user draws
    std::vector<float> m_input;
    std::vector<float> m_probabilities;
    QString m_dataSetName = QStringLiteral("mnist-10k");
    std::shared_ptr<const neurite::Dataset> m_dataSet; // shared with the neuron view's worker
    std::mt19937 m_random{std::random_device{}()};

    std::optional<neurite::DataSchema> m_schema;
    double m_predictedValue = 0;
    QWidget* m_canvasColumn = nullptr;
    QWidget* m_imageColumn = nullptr;
    ImageDropArea* m_imageArea = nullptr;
    std::optional<neurite::ImageEncoding> m_imageEncoding; // a model of an image folder's (Resize preparation)
    QString m_imagePath;                                   // the image area's file (empty: dropped or pasted)
    TableForm* m_tableForm = nullptr;
    QLabel* m_seesLabel = nullptr;
    QLabel* m_valueLabel = nullptr;
    DigitCanvas* m_canvas = nullptr;
    ProbabilityChart* m_chart = nullptr;
    NetworkInputView* m_inputView = nullptr;
    ActivationView* m_activations = nullptr;
    ModelChooser* m_chooser = nullptr;
    QLabel* m_modelLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QSpinBox* m_penWidth = nullptr;
    QPushButton* m_randomButton = nullptr;
    QSplitter* m_splitter = nullptr; // the drawing and its answer above, the inside below
    QScrollArea* m_insideScroll = nullptr;
    bool m_divided = false; // the splitter's first division is made

    SaliencyBar* m_saliencyBar = nullptr;
    QTimer* m_saliencyTimer = nullptr;
    std::unique_ptr<neurite::SaliencyExplainer> m_explainer;
    int m_chosenClass = -1;                         // the class clicked in the chart; -1: the answer
    std::optional<QTransform> m_inputToCanvas;      // the network's input grid -> the drawing, if known
    std::optional<QTransform> m_fixedInputToCanvas; // ... for the test image on the canvas
    QImage m_saliencyOverlay;
    double m_saliencyMilliseconds = 0;
    NeuronView* m_neuronView = nullptr;
    std::vector<neurite::LayerActivation> m_lastActivations; // of the latest prediction
};

} // namespace neurite::ui
