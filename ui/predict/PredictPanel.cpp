// PredictPanel: canvas and controls on the left, what the network sees and its answer on the right,
// the hidden layers below; every stroke re-runs preprocessing and inference on the GUI thread.
#include "predict/PredictPanel.h"

#include "predict/TableForm.h"

#include "predict/ActivationView.h"
#include "predict/DigitCanvas.h"
#include "predict/ModelChooser.h"
#include "ImagePreprocessing.h"
#include "predict/NetworkInputView.h"
#include "predict/NeuronView.h"
#include "predict/SaliencyBar.h"
#include "charts/ProbabilityChart.h"

#include "neurite/DataSets.h"
#include "neurite/DigitPreprocessing.h"
#include "neurite/Error.h"
#include "neurite/Saliency.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kMnistSide = 28;

QStringList indexNames(int count)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << QString::number(i);
    return names;
}

QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list;
}

} // namespace

PredictPanel::PredictPanel(QWidget* parent) : QWidget(parent)
{
    buildUi();
    setModel(nullptr, {}, std::nan(""), {});
}

PredictPanel::~PredictPanel() = default;

// The drawing and its answer on top, the look inside below, split so that a small window can give the
// top the room its controls and class labels need (the inside scrolls) and a large one shows both whole.
void PredictPanel::buildUi()
{
    auto* top = new QWidget;
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_canvasColumn = buildCanvasColumn();
    topLayout->addWidget(m_canvasColumn, 1);
    m_imageColumn = buildImageColumn();
    topLayout->addWidget(m_imageColumn, 1);
    m_tableForm = new TableForm;
    m_tableForm->hide();
    connect(m_tableForm, &TableForm::rowChanged, this, &PredictPanel::updatePrediction);
    topLayout->addWidget(m_tableForm, 1);
    topLayout->addWidget(buildResultColumn(), 1);

    auto* inside = new QGroupBox(tr("Inside the network"));
    auto* insideLayout = new QVBoxLayout(inside);
    m_activations = new ActivationView;
    m_insideScroll = new QScrollArea;
    m_insideScroll->setWidget(m_activations);
    m_insideScroll->setWidgetResizable(true);
    m_insideScroll->setFrameShape(QFrame::NoFrame);
    insideLayout->addWidget(m_insideScroll);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(top);
    m_splitter->addWidget(inside);
    m_splitter->setCollapsible(0, false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);
    buildSaliency();
}

// The first time the tab shows, the inside gets its natural height where the top keeps its minimum, and
// the drawing the rest; after that the divider stays where the user puts it.
void PredictPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_divided)
        return;
    m_divided = true;
    const int total = m_splitter->height() - m_splitter->handleWidth();
    const QWidget* top = m_splitter->widget(0);
    const QWidget* inside = m_splitter->widget(1);
    // The activations' own size hint (the scroll area's keeps the one it first saw, before any model).
    const int frame = inside->height() - m_insideScroll->viewport()->height();
    const int natural = m_activations->sizeHint().height() + frame;
    const int room = total - top->minimumSizeHint().height();
    const int insideHeight = std::max(inside->minimumSizeHint().height(), std::min(natural, room));
    m_splitter->setSizes({total - insideHeight, insideHeight});
}

QWidget* PredictPanel::buildCanvasColumn()
{
    m_canvas = new DigitCanvas;
    connect(m_canvas, &DigitCanvas::strokeChanged, this, &PredictPanel::drawingChanged);
    connect(m_canvas, &DigitCanvas::strokeFinished, this, &PredictPanel::drawingChanged);
    connect(m_canvas, &DigitCanvas::drawingReplaced, this, &PredictPanel::drawingChanged);
    connect(m_canvas, &DigitCanvas::fileDropped, this, &PredictPanel::openImageFile);

    auto* clear = new QPushButton(tr("Clear"));
    clear->setToolTip(tr("Clear the canvas (Delete)"));
    connect(clear, &QPushButton::clicked, m_canvas, &DigitCanvas::clear);
    auto* undo = new QPushButton(tr("Undo stroke"));
    undo->setToolTip(tr("Remove the last stroke (Ctrl+Z)"));
    connect(undo, &QPushButton::clicked, m_canvas, &DigitCanvas::undo);
    // Panel-local shortcuts, so they do not fight the designer's own Undo.
    auto* undoKey = new QShortcut(QKeySequence::Undo, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, m_canvas, &DigitCanvas::undo);
    auto* clearKey = new QShortcut(QKeySequence::Delete, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(clearKey, &QShortcut::activated, m_canvas, &DigitCanvas::clear);

    m_penWidth = new QSpinBox;
    m_penWidth->setRange(DigitCanvas::kMinPenWidth, DigitCanvas::kMaxPenWidth);
    m_penWidth->setValue(m_canvas->penWidth());
    m_penWidth->setSuffix(tr(" px"));
    m_penWidth->setToolTip(tr("Pen width on the %1 x %1 canvas").arg(DigitCanvas::kImageSize));
    connect(m_penWidth, &QSpinBox::valueChanged, m_canvas, &DigitCanvas::setPenWidth);
    connect(m_canvas, &DigitCanvas::penWidthChanged, m_penWidth, &QSpinBox::setValue);

    auto* open = new QPushButton(tr("Open image…"));
    open->setToolTip(tr("Predict a PNG or JPEG of a digit; a dark digit on light paper is inverted"));
    connect(open, &QPushButton::clicked, this, &PredictPanel::openImageWithDialog);
    m_randomButton = new QPushButton(tr("Random test image"));
    connect(m_randomButton, &QPushButton::clicked, this, &PredictPanel::showRandomTestImage);

    auto* drawRow = new QHBoxLayout;
    drawRow->addWidget(clear);
    drawRow->addWidget(undo);
    drawRow->addStretch();
    drawRow->addWidget(new QLabel(tr("Pen:")));
    drawRow->addWidget(m_penWidth);
    auto* imageRow = new QHBoxLayout;
    imageRow->addWidget(open);
    imageRow->addWidget(m_randomButton);
    imageRow->addStretch();

    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(drawRow);
    layout->addLayout(imageRow);
    return column;
}

QWidget* PredictPanel::buildResultColumn()
{
    m_chooser = new ModelChooser;
    connect(m_chooser, &ModelChooser::modelChosen, this, [this](const ModelChoice& choice) {
        setSchema(choice.schema);
        setModel(choice.network, choice.name, choice.testAccuracy, choice.classNames);
        if (!choice.dataSetName.isEmpty())
            setDataSetName(choice.dataSetName);
    });
    m_modelLabel = new QLabel;
    m_modelLabel->setWordWrap(true);
    m_modelLabel->setTextFormat(Qt::RichText);
    m_inputView = new NetworkInputView;
    m_inputView->setFixedSize(168, 168);
    m_seesLabel = new QLabel(tr("The network sees\n(28 × 28):"));
    m_valueLabel = new QLabel;
    m_valueLabel->setTextFormat(Qt::RichText);
    m_valueLabel->hide();
    m_chart = new ProbabilityChart;
    m_saliencyBar = new SaliencyBar;
    m_statusLabel = new QLabel;
    m_statusLabel->setWordWrap(true);

    // What the network sees beside its answer: read left to right from the drawing.
    auto* seen = new QVBoxLayout;
    seen->addWidget(m_seesLabel);
    seen->addWidget(m_inputView);
    seen->addStretch(1);
    auto* answer = new QHBoxLayout;
    answer->addLayout(seen);
    answer->addWidget(m_chart, 1);

    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chooser);
    layout->addWidget(m_modelLabel);
    layout->addWidget(m_valueLabel);
    layout->addLayout(answer, 1);
    layout->addWidget(m_saliencyBar);
    layout->addWidget(m_statusLabel);
    return column;
}

void PredictPanel::setModel(std::shared_ptr<neurite::Network> network, const QString& modelName, double testAccuracy,
                            const QStringList& classNames)
{
    m_network = std::move(network);
    m_modelName = modelName;
    m_testAccuracy = testAccuracy;
    const int outputs = m_network ? m_network->outputSize() : 10;
    m_classNames = classNames.size() == outputs ? classNames : indexNames(outputs);
    m_chart->setClassNames(m_classNames);
    m_activations->setNetwork(m_network.get());
    m_explainer.reset();
    m_chosenClass = -1;
    if (m_neuronView)
        m_neuronView->setNetwork(m_network);
    m_modelLabel->setText(modelText());
    updatePrediction();
}

bool PredictPanel::setModelFromProject(const neurite::Project& project, const QString& modelName)
{
    if (!project.weights) {
        setStatus(tr("%1 has not been trained yet: train it first").arg(modelName), true);
        return false;
    }
    try {
        auto network = std::make_shared<neurite::Network>(neurite::networkFromProject(project));
        QStringList names = toQStringList(project.classNames);
        if (names.isEmpty() && !project.dataSetName.empty())
            names = toQStringList(neurite::classNamesFor(project.dataSetName, network->outputSize()));
        setModel(std::move(network), modelName, project.history.testAccuracy, names);
        if (!project.dataSetName.empty())
            setDataSetName(QString::fromStdString(project.dataSetName));
        return true;
    } catch (const neurite::NeuriteError& e) {
        setStatus(QString::fromStdString(e.what()), true);
        return false;
    }
}

void PredictPanel::setDataSetName(const QString& name)
{
    if (name == m_dataSetName)
        return;
    m_dataSetName = name;
    m_dataSet.reset();
    if (m_neuronView)
        m_neuronView->setDataSet(nullptr, name);
}

QString PredictPanel::modelText() const
{
    if (!m_network)
        return tr("<b>No model.</b> Train one in the Train tab, or open a trained project.");
    const QString accuracy = std::isnan(m_testAccuracy)
                                 ? tr("test accuracy unknown")
                                 : tr("test accuracy %1%").arg(100.0 * m_testAccuracy, 0, 'f', 1);
    return tr("Model: <b>%1</b> · %2").arg(m_modelName.toHtmlEscaped(), accuracy);
}

QString PredictPanel::statusText() const
{
    return m_statusLabel->text();
}

int PredictPanel::predictedClass() const
{
    if (m_probabilities.empty())
        return -1;
    return int(std::max_element(m_probabilities.begin(), m_probabilities.end()) - m_probabilities.begin());
}

void PredictPanel::drawingChanged()
{
    // Drawing on an opened or test image makes the canvas the input again.
    if (m_fixedInput) {
        m_fixedInput.reset();
        m_fixedInputToCanvas.reset();
        setStatus({});
    }
    updatePrediction();
}

void PredictPanel::updatePrediction()
{
    m_inputToCanvas.reset();
    if (!m_network)
        return clearPrediction(tr("No model"));
    if (showsTableForm())
        return predictTableRow();
    if (showsImageArea())
        return predictImage();
    if (m_network->inputShape().size() != kMnistSide * kMnistSide)
        return clearPrediction(
            tr("This model takes %1 inputs, not a 28 × 28 image").arg(m_network->inputShape().size()));
    if (m_fixedInput) {
        m_inputToCanvas = m_fixedInputToCanvas;
        return predict(*m_fixedInput);
    }
    neurite::DigitPlacement placement;
    const std::optional<std::vector<float>> input = neurite::preprocessDigit(m_canvas->image(), &placement);
    if (!input)
        return clearPrediction(tr("Draw a digit"));
    m_inputToCanvas = gridToCanvas(placement);
    predict(*input);
}

void PredictPanel::predict(const std::vector<float>& input)
{
    m_input = input;
    m_probabilities.assign(std::size_t(m_network->outputSize()), 0.0f);
    m_network->predictOne(m_input.data(), m_probabilities.data());
    m_inputView->setInput(m_input, kMnistSide, kMnistSide);
    m_chart->setProbabilities(m_probabilities);
    m_activations->setActivations(m_network->activations());
    Q_EMIT predictionUpdated();
}

void PredictPanel::clearPrediction(const QString& hint)
{
    m_input.clear();
    m_probabilities.clear();
    m_inputView->clearInput();
    m_chart->clearProbabilities(hint);
    m_activations->clearActivations();
    Q_EMIT predictionUpdated();
}

void PredictPanel::setStatus(const QString& text, bool error)
{
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b03020;") : QString());
    m_statusLabel->setText(text);
}

bool PredictPanel::openImageFile(const QString& path)
{
    if (showsImageArea())
        return openImageForModel(path);
    neurite::GreyImage image;
    std::vector<float> input;
    try {
        image = render::loadDigitImage(path);
        const std::optional<std::vector<float>> resized = resizedFileInput(path);
        input = resized ? *resized : render::preprocessImageFile(path);
    } catch (const neurite::NeuriteError& e) {
        setStatus(QString::fromStdString(e.what()), true);
        return false;
    }
    m_canvas->setImage(image); // resets the input to the canvas, so the file's input is set after it
    m_fixedInput = std::move(input);
    m_fixedInputToCanvas.reset(); // the file's own preprocessing placed it: no overlay on the canvas
    setStatus(tr("Image: %1").arg(QFileInfo(path).fileName()));
    updatePrediction();
    return true;
}

void PredictPanel::openImageWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this,
                                                      showsImageArea() ? tr("Open an image") : tr("Open a digit image"),
                                                      {}, tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"));
    if (!path.isEmpty())
        openImageFile(path);
}

const neurite::Dataset* PredictPanel::dataSet()
{
    if (!m_dataSet) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        try {
            m_dataSet = std::make_shared<const neurite::Dataset>(neurite::loadDataset(m_dataSetName.toStdString()));
        } catch (const neurite::NeuriteError& e) {
            setStatus(QString::fromStdString(e.what()), true);
        }
        QApplication::restoreOverrideCursor();
    }
    return m_dataSet.get();
}

bool PredictPanel::showRandomTestImage()
{
    const neurite::Dataset* data = dataSet();
    if (!data)
        return false;
    if (data->test.count() == 0) {
        setStatus(tr("%1 has no test images").arg(m_dataSetName), true);
        return false;
    }
    const std::size_t index = std::uniform_int_distribution<std::size_t>(0, data->test.count() - 1)(m_random);
    const std::uint8_t* pixels = data->test.image(index);
    const int n = data->test.valuesPerSample();
    m_canvas->setImage(
        neurite::GreyImage{data->test.cols, data->test.rows, std::vector<std::uint8_t>(pixels, pixels + n)});
    // The test image goes in as it is stored, exactly as in evaluation.
    std::vector<float> input(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        input[std::size_t(i)] = float(pixels[i]) * neurite::kPixelScale;
    m_fixedInput = input;
    m_fixedInputToCanvas = imageToCanvas(data->test.cols, data->test.rows);
    const int label = data->test.labels[index];
    const QString name = label < int(data->classNames.size())
                             ? QString::fromStdString(data->classNames[std::size_t(label)])
                             : QString::number(label);
    updatePrediction();
    const bool right = predictedClass() == label;
    setStatus(tr("Test image #%1 of %2 · true label: <b>%3</b>%4")
                  .arg(index)
                  .arg(m_dataSetName, name,
                       m_probabilities.empty() ? QString()
                       : right                 ? tr(" ✓")
                                               : tr(" ✗")));
    return true;
}

} // namespace neurite::ui
