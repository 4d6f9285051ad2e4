// The form for every training setting: data set, epochs, batch size, optimiser and its options, schedule, ...
#include "training/TrainingSettingsForm.h"

#include "training/AugmentationRows.h"
#include "training/ImageOptionRows.h"
#include "training/PlaneOptionRows.h"

#include <neurite/DataSets.h>
#include <neurite/ImageFolder.h>
#include <neurite/TableData.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>

#include <limits>
#include <utility>

namespace neurite::ui {

namespace {

// Learning rates and epsilons span many decades: a text field taking scientific notation fits them better
// than a spin box.
QLineEdit* numberEdit(QWidget* parent, const QString& tip)
{
    auto* edit = new QLineEdit(parent);
    auto* validator = new QDoubleValidator(0.0, std::numeric_limits<double>::max(), 12, edit);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    validator->setLocale(QLocale::c());
    edit->setValidator(validator);
    edit->setToolTip(tip);
    return edit;
}

QDoubleSpinBox* fractionBox(QWidget* parent, double max, double step, int decimals)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

QString numberText(float value)
{
    return QString::number(double(value), 'g', 6);
}

float numberValue(const QLineEdit* edit, float fallback)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(edit->text(), &ok);
    return ok ? float(value) : fallback;
}

} // namespace

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent) : QWidget(parent)
{
    build();
    setSettings(TrainingSettings{});
}

void TrainingSettingsForm::build()
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addDataSetRow();
    addOptimizerRows();
    addScheduleRows();
    addRunRows();
    m_augmentation = new AugmentationRows(m_form, this);
    connect(m_augmentation, &AugmentationRows::edited, this, &TrainingSettingsForm::edited);
    connectEdits();
}

// Epochs, batch size, the optimiser and its options (updateVisibleRows shows those of the chosen one).
void TrainingSettingsForm::addOptimizerRows()
{
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 100000);
    m_form->addRow(tr("Epochs"), m_epochs);
    m_batchSize = new QSpinBox(this);
    m_batchSize->setRange(1, 65536);
    m_form->addRow(tr("Batch size"), m_batchSize);

    m_optimizer = new QComboBox(this);
    m_optimizer->addItem(tr("SGD"), QStringLiteral("sgd"));
    m_optimizer->addItem(tr("Adam"), QStringLiteral("adam"));
    m_optimizer->addItem(tr("AdamW"), QStringLiteral("adamw"));
    m_optimizer->addItem(tr("RMSprop"), QStringLiteral("rmsprop"));
    m_form->addRow(tr("Optimiser"), m_optimizer);
    m_learningRate = numberEdit(this, tr("Base learning rate, e.g. 0.001 or 1e-3"));
    m_form->addRow(tr("Learning rate"), learningRateRow());
    m_momentum = fractionBox(this, 0.999, 0.05, 3);
    m_form->addRow(tr("Momentum"), m_momentum);
    m_nesterov = new QCheckBox(tr("Nesterov"), this);
    m_form->addRow(QString(), m_nesterov);
    m_beta1 = fractionBox(this, 0.9999, 0.01, 4);
    m_form->addRow(tr("β₁"), m_beta1);
    m_beta2 = fractionBox(this, 0.99999, 0.001, 5);
    m_form->addRow(tr("β₂"), m_beta2);
    m_rho = fractionBox(this, 0.9999, 0.01, 4);
    m_form->addRow(tr("ρ (decay)"), m_rho);
    m_epsilon = numberEdit(this, tr("Added to the denominator for numerical safety"));
    m_form->addRow(tr("ε"), m_epsilon);
    m_weightDecay = numberEdit(this, tr("L2 penalty (decoupled for AdamW); 0 = off"));
    m_form->addRow(tr("Weight decay"), m_weightDecay);
}

void TrainingSettingsForm::addScheduleRows()
{
    m_schedule = new QComboBox(this);
    m_schedule->addItem(tr("Constant"), QStringLiteral("constant"));
    m_schedule->addItem(tr("Step decay"), QStringLiteral("step"));
    m_schedule->addItem(tr("Cosine"), QStringLiteral("cosine"));
    m_form->addRow(tr("LR schedule"), m_schedule);
    m_stepEpochs = new QSpinBox(this);
    m_stepEpochs->setRange(1, 10000);
    m_form->addRow(tr("Every (epochs)"), m_stepEpochs);
    m_gamma = fractionBox(this, 1.0, 0.05, 3);
    m_form->addRow(tr("Multiply by"), m_gamma);
    m_minLearningRate = numberEdit(this, tr("The learning rate reached at the last epoch"));
    m_form->addRow(tr("Minimum LR"), m_minLearningRate);
}

// Validation split, early stopping, seed and threads.
void TrainingSettingsForm::addRunRows()
{
    m_validationSplit = fractionBox(this, 0.9, 0.05, 2);
    m_validationSplit->setToolTip(tr("Fraction of the training images held out to validate each epoch"));
    m_form->addRow(tr("Validation split"), m_validationSplit);
    m_patience = new QSpinBox(this);
    m_patience->setRange(0, 10000);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setToolTip(tr("Stop after this many epochs without a better validation loss, keeping the best"));
    m_form->addRow(tr("Early stopping"), m_patience);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_form->addRow(tr("Seed"), m_seed);
    m_startFromWeights = new QCheckBox(tr("current weights"), this);
    m_startFromWeights->setToolTip(tr("Continue from the weights the project holds (an imported model, or the "
                                      "last run) instead of new weights from the seed: fine-tuning"));
    m_form->addRow(tr("Start from"), m_startFromWeights);
    m_threads = new QSpinBox(this);
    m_threads->setRange(0, std::max(1, QThread::idealThreadCount()) * 2);
    m_threads->setSpecialValueText(tr("all cores"));
    m_form->addRow(tr("Threads"), m_threads);
}

// Every field reports a change through edited(), which emits settingsEdited unless setSettings is filling
// the form.
void TrainingSettingsForm::connectEdits()
{
    for (QSpinBox* box : {m_epochs, m_batchSize, m_stepEpochs, m_patience, m_seed, m_threads})
        connect(box, &QSpinBox::valueChanged, this, &TrainingSettingsForm::edited);
    for (QDoubleSpinBox* box : {m_momentum, m_beta1, m_beta2, m_rho, m_gamma, m_validationSplit})
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainingSettingsForm::edited);
    for (QLineEdit* edit : {m_learningRate, m_epsilon, m_weightDecay, m_minLearningRate})
        connect(edit, &QLineEdit::editingFinished, this, &TrainingSettingsForm::edited);
    for (QComboBox* box : {m_optimizer, m_schedule})
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingSettingsForm::edited);
    connect(m_nesterov, &QCheckBox::toggled, this, &TrainingSettingsForm::edited);
    connect(m_startFromWeights, &QCheckBox::toggled, this, &TrainingSettingsForm::edited);
}

void TrainingSettingsForm::addDataSetRow()
{
    m_dataSet = new QComboBox(this);
    for (const std::string& name : dataSetNames())
        m_dataSet->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_dataSet->setToolTip(tr("A named data set, a folder of images in class subfolders, a folder with "
                             "train/t10k IDX files, or a table"));
    // A folder's whole path must not widen the sidebar past a small window: the list shows it in full.
    m_dataSet->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataSet->setMinimumContentsLength(10); // "mnist-10k", "fashion-mnist" nearly
    auto* browse = new QToolButton(this);
    browse->setText(tr("Folder…"));
    browse->setObjectName(QStringLiteral("chooseFolder"));
    browse->setToolTip(tr("Train on a folder of images in class subfolders (DIR/<class>/*.png|jpg|bmp|webp, "
                          "or DIR/train/<class>/... with DIR/test/<class>/...), or a folder of IDX files"));
    connect(browse, &QToolButton::clicked, this, &TrainingSettingsForm::chooseFolder);
    auto* openTable = new QToolButton(this);
    openTable->setText(tr("Open table…"));
    openTable->setObjectName(QStringLiteral("openTable"));
    openTable->setToolTip(tr("Train on a CSV or TSV file: choose the target column in the preview"));
    connect(openTable, &QToolButton::clicked, this, &TrainingSettingsForm::chooseTable);
    connect(m_dataSet, &QComboBox::currentIndexChanged, this, [this] {
        // Another data set has other columns: its target and roles start from what loading infers.
        // Another folder has other sizes: its images are read as its data says until the user picks.
        if (!m_updating) {
            m_table.target.clear();
            m_table.columnRoles.clear();
            m_image = ImageSettings{0, 0, 0, m_image.testSplit};
            m_imageRows->setSettings(m_image);
        }
        dataSetKindChanged();
        edited();
        if (!m_updating)
            Q_EMIT dataSetChosen(dataSetName());
    });
    m_form->addRow(tr("Data set"), m_dataSet);
    // On a row of their own, so that the settings fit the sidebar of a 1024-pixel window.
    m_form->addRow(QString(), browse);
    m_form->addRow(QString(), openTable);
    addSplitAndKindRows();
}

// The test split, and the rows of image folders and of generated sets, each shown for its kind of data.
void TrainingSettingsForm::addSplitAndKindRows()
{
    m_testSplit = fractionBox(this, 0.9, 0.05, 2);
    m_testSplit->setMinimum(0.05);
    m_testSplit->setToolTip(tr("Share of a table's rows or a folder's images held out for testing (stratified "
                               "by class); a folder with test/ keeps its own"));
    m_form->addRow(tr("Test split"), m_testSplit);
    m_imageRows = new ImageOptionRows(m_form, this);
    connect(m_imageRows, &ImageOptionRows::edited, this, [this] {
        m_image = m_imageRows->settings(m_image);
        edited();
        Q_EMIT dataSetChosen(dataSetName()); // decoded again at the new size or colour
    });
    m_planeRows = new PlaneOptionRows(m_form, this);
    connect(m_planeRows, &PlaneOptionRows::edited, this, [this] {
        m_plane = m_planeRows->settings(m_plane);
        edited();
        Q_EMIT dataSetChosen(dataSetName()); // generated again with the new options
    });
    connect(m_testSplit, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_planeSet)
            m_plane.testRatio = m_testSplit->value();
        edited();
        if (!m_updating)
            Q_EMIT dataSetChosen(dataSetName()); // other rows are held out: the table loads again
    });
}

void TrainingSettingsForm::chooseTable()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a table"), QString(),
                                                      tr("Tables (*.csv *.tsv *.txt);;All files (*)"));
    if (!file.isEmpty())
        chooseDataSet(file);
}

void TrainingSettingsForm::chooseDataSet(const QString& nameOrPath)
{
    selectDataSet(nameOrPath);
}

void TrainingSettingsForm::setTableSettings(const TableSettings& table)
{
    m_table = table;
    m_updating = true;
    m_testSplit->setValue(double(table.testSplit));
    m_updating = false;
    edited();
}

void TrainingSettingsForm::setImageReport(const ImageFolderReport& report, const ImageSettings& loadedWith)
{
    m_imageRows->setReport(report, loadedWith);
    m_ownTestFolder = report.layout == ImageFolderLayout::TrainTestFolders;
    updateVisibleRows();
}

// Asked once per choice (it looks at the disk), not on every edit.
void TrainingSettingsForm::dataSetKindChanged()
{
    const std::string name = dataSetName().toStdString();
    m_imageFolder = !name.empty() && isImageFolder(name);
    m_ownTestFolder = false;
    // A generated set keeps its own test ratio (its points are drawn with it); the box shows whose it is.
    const bool planeSet = isPlaneDataSet(name);
    if (planeSet != m_planeSet) {
        m_planeSet = planeSet;
        const bool wasUpdating = std::exchange(m_updating, true);
        m_testSplit->setValue(planeSet ? m_plane.testRatio : double(m_table.testSplit));
        m_updating = wasUpdating;
    }
}

void TrainingSettingsForm::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder of images in class subfolders, or of IDX files"));
    if (!folder.isEmpty())
        selectDataSet(folder);
}

void TrainingSettingsForm::selectDataSet(const QString& nameOrFolder)
{
    int index = m_dataSet->findData(nameOrFolder);
    if (index < 0) {
        m_dataSet->addItem(nameOrFolder, nameOrFolder);
        index = m_dataSet->count() - 1;
    }
    m_dataSet->setCurrentIndex(index);
}

QString TrainingSettingsForm::dataSetName() const
{
    return m_dataSet->currentData().toString();
}

void TrainingSettingsForm::updateVisibleRows()
{
    const QString optimizer = m_optimizer->currentData().toString();
    const QString schedule = m_schedule->currentData().toString();
    const bool adam = optimizer == QLatin1String("adam") || optimizer == QLatin1String("adamw");
    m_form->setRowVisible(m_momentum, optimizer == QLatin1String("sgd"));
    m_form->setRowVisible(m_nesterov, optimizer == QLatin1String("sgd"));
    m_form->setRowVisible(m_beta1, adam);
    m_form->setRowVisible(m_beta2, adam);
    m_form->setRowVisible(m_rho, optimizer == QLatin1String("rmsprop"));
    m_form->setRowVisible(m_epsilon, optimizer != QLatin1String("sgd"));
    m_form->setRowVisible(m_stepEpochs, schedule == QLatin1String("step"));
    m_form->setRowVisible(m_gamma, schedule == QLatin1String("step"));
    m_form->setRowVisible(m_minLearningRate, schedule == QLatin1String("cosine"));
    m_form->setRowVisible(m_testSplit, isTable(dataSetName().toStdString()) || (m_imageFolder && !m_ownTestFolder));
    m_imageRows->setRowsVisible(m_imageFolder);
    m_planeRows->setRowsVisible(dataSetName().toStdString());
    m_augmentation->setRowsVisible(!dataSetName().isEmpty() && !isTable(dataSetName().toStdString()));
}

// The rate's field with the button that opens the learning-rate finder (the Train tab connects it).
QWidget* TrainingSettingsForm::learningRateRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_learningRate->setParent(row);
    layout->addWidget(m_learningRate, 1);
    m_findLearningRate = new QToolButton(row);
    m_findLearningRate->setText(tr("Find…"));
    m_findLearningRate->setObjectName(QStringLiteral("findLearningRate"));
    m_findLearningRate->setToolTip(tr("Find learning rate: try rates from tiny to large on a copy of the network "
                                      "and suggest one (the weights are not changed)"));
    layout->addWidget(m_findLearningRate);
    return row;
}

void TrainingSettingsForm::applyLearningRate(float learningRate)
{
    m_learningRate->setText(numberText(learningRate));
    edited();
}

void TrainingSettingsForm::edited()
{
    updateVisibleRows();
    if (!m_updating)
        Q_EMIT settingsEdited();
}

TrainingSettings TrainingSettingsForm::settings() const
{
    TrainingSettings s;
    s.dataSet = dataSetName().toStdString();
    s.table = m_table;
    s.image = m_imageRows->settings(m_image);
    s.plane = m_planeRows->settings(m_plane);
    if (m_planeSet)
        s.plane.testRatio = m_testSplit->value();
    else
        (m_imageFolder ? s.image.testSplit : s.table.testSplit) = float(m_testSplit->value());
    s.epochs = m_epochs->value();
    s.batchSize = m_batchSize->value();
    OptimizerSettings& o = s.optimizer;
    o.kind = m_optimizer->currentData().toString().toStdString();
    o.learningRate = numberValue(m_learningRate, o.learningRate);
    o.momentum = float(m_momentum->value());
    o.nesterov = m_nesterov->isChecked();
    o.beta1 = float(m_beta1->value());
    o.beta2 = float(m_beta2->value());
    o.rho = float(m_rho->value());
    o.epsilon = numberValue(m_epsilon, o.epsilon);
    o.weightDecay = numberValue(m_weightDecay, o.weightDecay);
    s.schedule.kind = m_schedule->currentData().toString().toStdString();
    s.schedule.stepEpochs = m_stepEpochs->value();
    s.schedule.gamma = float(m_gamma->value());
    s.schedule.minLearningRate = numberValue(m_minLearningRate, s.schedule.minLearningRate);
    s.validationSplit = float(m_validationSplit->value());
    s.earlyStoppingPatience = m_patience->value();
    s.seed = std::uint64_t(m_seed->value());
    s.startFromWeights = m_startFromWeights->isChecked();
    s.threads = m_threads->value();
    s.augmentation = m_augmentation->settings();
    s.healthEvery = m_healthEvery;
    return s;
}

void TrainingSettingsForm::setSettings(const TrainingSettings& s)
{
    m_updating = true;
    selectDataSet(QString::fromStdString(s.dataSet));
    dataSetKindChanged();
    m_table = s.table;
    m_image = s.image;
    m_healthEvery = s.healthEvery;
    m_imageRows->setSettings(s.image);
    m_plane = s.plane;
    m_planeRows->setSettings(s.plane);
    m_testSplit->setValue(m_planeSet ? s.plane.testRatio
                                     : double(m_imageFolder ? s.image.testSplit : s.table.testSplit));
    m_epochs->setValue(s.epochs);
    m_batchSize->setValue(s.batchSize);
    const int optimizer = m_optimizer->findData(QString::fromStdString(s.optimizer.kind));
    m_optimizer->setCurrentIndex(std::max(0, optimizer));
    m_learningRate->setText(numberText(s.optimizer.learningRate));
    m_momentum->setValue(s.optimizer.momentum);
    m_nesterov->setChecked(s.optimizer.nesterov);
    m_beta1->setValue(s.optimizer.beta1);
    m_beta2->setValue(s.optimizer.beta2);
    m_rho->setValue(s.optimizer.rho);
    m_epsilon->setText(numberText(s.optimizer.epsilon));
    m_weightDecay->setText(numberText(s.optimizer.weightDecay));
    const int schedule = m_schedule->findData(QString::fromStdString(s.schedule.kind));
    m_schedule->setCurrentIndex(std::max(0, schedule));
    m_stepEpochs->setValue(s.schedule.stepEpochs);
    m_gamma->setValue(s.schedule.gamma);
    m_minLearningRate->setText(numberText(s.schedule.minLearningRate));
    m_validationSplit->setValue(s.validationSplit);
    m_patience->setValue(s.earlyStoppingPatience);
    m_seed->setValue(int(std::min<std::uint64_t>(s.seed, std::uint64_t(std::numeric_limits<int>::max()))));
    m_threads->setValue(s.threads);
    m_startFromWeights->setChecked(s.startFromWeights);
    m_augmentation->setSettings(s.augmentation);
    updateVisibleRows();
    m_updating = false;
}

} // namespace neurite::ui
