// Tests the design diff and the settings diff: nothing for a design compared with itself, exactly the known
// differences of two designs, defaults counted as given, layers paired by type when their ids differ.
#include "EditedMlp.h"
#include "TestSupport.h"
#include "neurite/DesignDiff.h"
#include "neurite/SettingsDiff.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

class TestDesignDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aDesignEqualsItself()
    {
        for (const std::string& name : presetNames()) {
            const DesignDiff diff = diffDesigns(*preset(name), *preset(name));
            QVERIFY2(diff.empty(), name.c_str());
            QCOMPARE(designDiffText(diff), std::string());
        }
    }

    void aMissingOptionEqualsItsDefault()
    {
        NetworkSpec a = chainSpec(4, {dense("dense1", 128, "relu")});
        NetworkSpec b = a;
        b.find("dense1")->options.erase("units"); // Dense's default is 128 units
        QVERIFY(diffDesigns(a, b).empty());
        b.find("dense1")->options["units"] = 64.0;
        QCOMPARE(diffDesigns(a, b).changed.size(), std::size_t(1));
    }

    // mlp with dense1 narrowed, a dropout inserted after it and dense2 removed.
    void twoKnownDesignsListExactlyTheirDifferences()
    {
        const NetworkSpec before = *preset("mlp");
        const NetworkSpec after = test::editedMlp();
        const DesignDiff diff = diffDesigns(before, after);
        QCOMPARE(diff.added.size(), std::size_t(1));
        QCOMPARE(diff.added[0].id, std::string("dropout1"));
        QCOMPARE(diff.removed.size(), std::size_t(1));
        QCOMPARE(diff.removed[0].id, std::string("dense2"));
        QCOMPARE(diff.changed.size(), std::size_t(1));
        const LayerDifference& change = diff.changed[0];
        QCOMPARE(change.beforeId, std::string("dense1"));
        QVERIFY(change.options ==
                (std::vector<OptionDifference>{{"activation", "relu", "tanh"}, {"units", "128", "64"}}));
        QVERIFY(diff.connectionsRemoved == (std::vector<Connection>{{"dense1", "dense2", 0}, {"dense2", "dense3", 0}}));
        QVERIFY(diff.connectionsAdded ==
                (std::vector<Connection>{{"dense1", "dropout1", 0}, {"dropout1", "dense3", 0}}));
        QCOMPARE(QString::fromStdString(designDiffText(diff)),
                 QString("- layer dense2 (Dense activation=relu bias=1 init=auto units=64)\n"
                         "+ layer dropout1 (Dropout rate=0.5)\n"
                         "~ layer dense1 (Dense): activation relu -> tanh, units 128 -> 64\n"
                         "- wire dense1 -> dense2\n"
                         "- wire dense2 -> dense3\n"
                         "+ wire dense1 -> dropout1\n"
                         "+ wire dropout1 -> dense3\n"));
        // The other way round, the same differences mirrored.
        const DesignDiff back = diffDesigns(after, before);
        QCOMPARE(back.added[0].id, std::string("dense2"));
        QCOMPARE(back.removed[0].id, std::string("dropout1"));
        QVERIFY(back.connectionsAdded == diff.connectionsRemoved);
    }

    // An imported model names its layers otherwise: they are paired by type in design order, and wires
    // compare through the pairing, so only the real change shows.
    void layersWithOtherIdsArePairedByType()
    {
        const NetworkSpec before = chainSpec(4, {dense("dense1", 16, "relu"), dense("dense2", 3, "softmax")});
        NetworkSpec after = chainSpec(4, {dense("gemm_0", 16, "relu"), dense("gemm_1", 5, "softmax")});
        const DesignDiff diff = diffDesigns(before, after);
        QVERIFY(diff.added.empty() && diff.removed.empty());
        QVERIFY(diff.connectionsAdded.empty() && diff.connectionsRemoved.empty());
        QCOMPARE(diff.changed.size(), std::size_t(2));
        QCOMPARE(diff.changed[0].afterId, std::string("gemm_0"));
        QVERIFY(diff.changed[0].options.empty()); // renamed only
        QVERIFY(diff.changed[1].options == (std::vector<OptionDifference>{{"units", "3", "5"}}));
        QCOMPARE(QString::fromStdString(designDiffText(diff)),
                 QString("~ layer dense1 -> gemm_0 (Dense)\n"
                         "~ layer dense2 -> gemm_1 (Dense): units 3 -> 5\n"));
    }

    void settingsDiffListsOnlyWhatDiffers()
    {
        TrainingSettings a;
        QVERIFY(settingsDiff(a, a).empty());
        TrainingSettings b = a;
        b.optimizer.learningRate = 0.003f;
        b.batchSize = 128;
        b.augmentation.rotation = 25;
        const std::vector<SettingDifference> diff = settingsDiff(a, b);
        QStringList keys;
        for (const SettingDifference& d : diff)
            keys << QString::fromStdString(d.key + ": " + d.before + " -> " + d.after);
        QCOMPARE(keys.join("; "), QString("batchSize: 32 -> 128; optimizer.learningRate: 0.001 -> 0.003; "
                                          "augmentation.rotation: 10 -> 25"));
        QVERIFY(diff[0] == (SettingDifference{"batchSize", "32", "128"}));
        QVERIFY(diff[1] == (SettingDifference{"optimizer.learningRate", "0.001", "0.003"}));
        QCOMPARE(diff[2].key, std::string("augmentation.rotation"));
        RunRecord r1, r2;
        r1.settings = a;
        r2.settings = b;
        r2.design = *preset("mlp");
        const std::vector<SettingDifference> runs = runSettingsDiff(r1, r2);
        QCOMPARE(runs.size(), std::size_t(4));
        QCOMPARE(runs[0].key, std::string("design"));
    }
};

QTEST_GUILESS_MAIN(TestDesignDiff)
#include "tst_designdiff.moc"
