// The Train tab's augmentation: the switch and ranges in the sidebar show for image data only, and the grid
// of augmented versions follows them: hidden while off, redrawn when a range changes, and with a flip alone
// every version is the stored image or its mirror (computed here).
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "training/AugmentationPreview.h"
#include "training/AugmentationRows.h"
#include "training/DataSetPreview.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QtTest>

#include <random>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Two classes of 10x12 grey images: a bright left half, or a bright bottom half, over noise.
DataSetHandle halves()
{
    auto data = std::make_shared<Dataset>();
    data->name = "halves";
    data->classNames = {"left", "bottom"};
    std::mt19937 random(1);
    std::uniform_int_distribution<int> noise(0, 60);
    for (SampleSet* set : {&data->train, &data->test}) {
        set->rows = 10;
        set->cols = 12;
        for (int i = 0; i < 8; ++i) {
            const int label = i % 2;
            for (int r = 0; r < 10; ++r)
                for (int c = 0; c < 12; ++c) {
                    const bool bright = label == 0 ? c < 6 : r >= 5;
                    set->pixels.push_back(std::uint8_t(noise(random) + (bright ? 180 : 0)));
                }
            set->labels.push_back(std::uint8_t(label));
        }
    }
    return data;
}

// Row k of `versions` against the stored image, mirrored or not; values in [0, 1] against bytes.
bool equalsImage(const float* version, const std::uint8_t* bytes, int rows, int cols, bool mirrored)
{
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int source = r * cols + (mirrored ? cols - 1 - c : c);
            if (std::abs(version[r * cols + c] - float(bytes[source]) / 255.0f) > 1e-4f)
                return false;
        }
    return true;
}

} // namespace

class TestAugmentationPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theGridFollowsTheSidebar();
    void aFlipAloneMirrorsOrKeeps();
    void tablesHaveNoAugmentation();
};

void TestAugmentationPreview::theGridFollowsTheSidebar()
{
    ProjectDocument document;
    TrainingPanel panel(&document);
    panel.setDataSetOverride(halves());
    AugmentationRows* rows = panel.settingsForm()->augmentationRows();
    AugmentationPreview* preview = panel.dataSetPreview()->augmentationPreview();
    QVERIFY(!rows->enabledBox()->isHidden()); // mnist-10k, the default data set, is images
    QVERIFY(rows->rotationBox()->isHidden()); // the ranges wait for the switch
    QVERIFY(preview->isHidden());

    rows->enabledBox()->setChecked(true);
    QVERIFY(document.settings().augmentation.enabled);
    QVERIFY(!rows->rotationBox()->isHidden());
    QVERIFY(!preview->isHidden());
    QCOMPARE(preview->rows(), 2); // one image of each class
    QCOMPARE(preview->versions(0).rows(), long(AugmentationPreview::kVersions));
    QCOMPARE(preview->grid().width(), (AugmentationPreview::kVersions + 1) * (AugmentationPreview::kCell + 2));
    const QImage before = preview->grid();
    rows->rotationBox()->setValue(90);
    QCOMPARE(document.settings().augmentation.rotation, 90.0f);
    QVERIFY(preview->grid() != before);

    rows->enabledBox()->setChecked(false);
    QVERIFY(preview->isHidden());
    QVERIFY(rows->rotationBox()->isHidden());
}

void TestAugmentationPreview::aFlipAloneMirrorsOrKeeps()
{
    const DataSetHandle data = halves();
    DataSetPreview preview;
    AugmentationSettings flip;
    flip.enabled = true;
    flip.shift = flip.rotation = flip.scale = flip.brightness = flip.contrast = flip.noise = 0;
    flip.horizontalFlip = true;
    preview.setAugmentation(flip);
    preview.setDataSet(data, 0);
    AugmentationPreview* grid = preview.augmentationPreview();
    QCOMPARE(grid->rows(), 2);
    int mirrored = 0, kept = 0;
    for (int row = 0; row < grid->rows(); ++row) {
        const std::uint8_t* stored = data->train.image(std::size_t(row)); // rows are the first of each class
        for (int k = 0; k < AugmentationPreview::kVersions; ++k) {
            const float* version = grid->versions(row).row(k).data();
            const bool isKept = equalsImage(version, stored, 10, 12, false);
            const bool isMirrored = equalsImage(version, stored, 10, 12, true);
            QVERIFY2(isKept || isMirrored, qPrintable(QStringLiteral("row %1 version %2").arg(row).arg(k)));
            kept += isKept;
            mirrored += isMirrored;
        }
    }
    qInfo("flip alone: %d kept, %d mirrored of %d", kept, mirrored, 2 * AugmentationPreview::kVersions);
    QVERIFY(mirrored > 0 && kept > 0);
}

void TestAugmentationPreview::tablesHaveNoAugmentation()
{
    ProjectDocument document;
    TrainingPanel panel(&document);
    panel.settingsForm()->chooseDataSet(QStringLiteral("iris"));
    QVERIFY(panel.settingsForm()->augmentationRows()->enabledBox()->isHidden());
}

QTEST_MAIN(TestAugmentationPreview)
#include "tst_augmentationpreview.moc"
