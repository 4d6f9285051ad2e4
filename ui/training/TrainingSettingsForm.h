// The form for every training setting: data set, epochs, batch size, optimiser and its options, schedule, ...
#pragma once

#include <neurite/ImageFolder.h>
#include <neurite/TrainingSettings.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace neurite::ui {

class AugmentationRows;
class ImageOptionRows;
class PlaneOptionRows;

// Shows only the options that apply to the chosen optimiser and schedule. Edits are reported with
// settingsEdited(); setSettings() does not emit it.
class TrainingSettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);

    TrainingSettings settings() const;
    void setSettings(const TrainingSettings& settings);
    QString dataSetName() const;
    // Selects a data set by name or path (a folder, a table file), as the chooser does.
    void chooseDataSet(const QString& nameOrPath);
    // The target and roles of a table, set from its preview; emits settingsEdited.
    void setTableSettings(const TableSettings& table);
    // What loading the chosen image folder found, loaded with `loadedWith`: the size list offers the sizes
    // found, "from the data" says what it chose, and the test split hides when the folder has test/.
    void setImageReport(const ImageFolderReport& report, const ImageSettings& loadedWith);
    ImageOptionRows* imageRows() const { return m_imageRows; }
    PlaneOptionRows* planeRows() const { return m_planeRows; }
    AugmentationRows* augmentationRows() const { return m_augmentation; }

    QComboBox* dataSetBox() const { return m_dataSet; }
    QLineEdit* learningRateEdit() const { return m_learningRate; }
    // "Find…" beside the learning rate: opens the learning-rate finder.
    QToolButton* findLearningRateButton() const { return m_findLearningRate; }
    // Puts `learningRate` into its field, as if typed (emits settingsEdited).
    void applyLearningRate(float learningRate);
    QDoubleSpinBox* testSplitBox() const { return m_testSplit; }

Q_SIGNALS:
    void settingsEdited();
    void dataSetChosen(const QString& nameOrFolder);

private:
    void build();
    void addDataSetRow();
    void addSplitAndKindRows();
    void addOptimizerRows();
    QWidget* learningRateRow();
    void addScheduleRows();
    void addRunRows();
    void connectEdits();
    void chooseFolder();
    void chooseTable();
    void selectDataSet(const QString& nameOrFolder);
    void dataSetKindChanged();
    void updateVisibleRows();
    void edited();

    QFormLayout* m_form = nullptr;
    QComboBox* m_dataSet = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QComboBox* m_optimizer = nullptr;
    QLineEdit* m_learningRate = nullptr;
    QToolButton* m_findLearningRate = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QCheckBox* m_nesterov = nullptr;
    QDoubleSpinBox* m_beta1 = nullptr;
    QDoubleSpinBox* m_beta2 = nullptr;
    QDoubleSpinBox* m_rho = nullptr;
    QLineEdit* m_epsilon = nullptr;
    QLineEdit* m_weightDecay = nullptr;
    QComboBox* m_schedule = nullptr;
    QSpinBox* m_stepEpochs = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QLineEdit* m_minLearningRate = nullptr;
    QDoubleSpinBox* m_validationSplit = nullptr;
    QDoubleSpinBox* m_testSplit = nullptr; // tables and image folders without a test/ folder
    int m_healthEvery = 0;                 // no field: a project or the command line sets it
    TableSettings m_table;                 // the target and roles (the test split is m_testSplit's)
    ImageOptionRows* m_imageRows = nullptr;
    PlaneOptionRows* m_planeRows = nullptr;
    PlaneDataOptions m_plane; // a generated set's options (painted points included)
    bool m_planeSet = false;  // the chosen data set is a generated or painted 2-D set
    AugmentationRows* m_augmentation = nullptr;
    ImageSettings m_image;        // the image test split while a table is chosen, and the reverse
    bool m_imageFolder = false;   // the chosen data set is a folder of images
    bool m_ownTestFolder = false; // ... with a test/ folder (no split)
    QSpinBox* m_patience = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_startFromWeights = nullptr;
    QSpinBox* m_threads = nullptr;
    bool m_updating = false;
};

} // namespace neurite::ui
