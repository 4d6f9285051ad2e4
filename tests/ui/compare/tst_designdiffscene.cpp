// Tests the design diff as drawn: two known designs get exactly their added, removed and changed layers
// marked (and only those), removed layers ghosted, the changed options in the card's tooltip and in the
// panel; a design compared with itself shows no mark at all.
#include "compare/DesignDiffScene.h"
#include "compare/DesignDiffView.h"
#include "compare/DiffMarkItem.h"
#include "editor/NodeItem.h"
#include "EditedMlp.h"
#include "TestSupport.h"

#include <QLabel>
#include <QTreeWidget>
#include <QtTest>

#include <map>

using namespace neurite;
using namespace neurite::ui;

namespace {

// The status every node's mark says, by node id (no mark: Same).
std::map<QString, DiffStatus> markedStatuses(const DesignDiffScene& scene)
{
    std::map<QString, DiffStatus> statuses;
    for (const QString& id : scene.nodeIds()) {
        DiffStatus status = DiffStatus::Same;
        int marks = 0;
        for (QGraphicsItem* child : scene.nodeItem(id)->childItems())
            if (child->type() == DiffMarkItem::Type) {
                status = static_cast<DiffMarkItem*>(child)->status();
                ++marks;
            }
        if (marks > 1)
            qWarning("node %s has %d marks", qPrintable(id), marks);
        statuses[id] = marks == 1 ? status : DiffStatus::Same;
    }
    return statuses;
}

} // namespace

class TestDesignDiffScene : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoKnownDesignsAreMarkedExactly()
    {
        DesignDiffScene scene;
        scene.setDesigns(*preset("mlp"), test::editedMlp());
        const std::map<QString, DiffStatus> expected = {
            {"input", DiffStatus::Same},     {"dense1", DiffStatus::Changed}, {"dropout1", DiffStatus::Added},
            {"dense2", DiffStatus::Removed}, {"dense3", DiffStatus::Same},    {"output", DiffStatus::Same}};
        QCOMPARE(markedStatuses(scene), expected);
        // Only the removed layer is ghosted.
        QVERIFY(scene.nodeItem("dense2")->opacity() < 1);
        QCOMPARE(scene.nodeItem("dense1")->opacity(), 1.0);
        const QString tip = scene.nodeItem("dense1")->toolTip();
        QVERIFY2(tip.contains("units: 128 \u2192 64") && tip.contains("activation: relu \u2192 tanh"), qPrintable(tip));
        QVERIFY(scene.nodeItem("dropout1")->toolTip().contains("added"));
        QVERIFY(!scene.nodeItem("dense3")->toolTip().contains("changed"));
    }

    void thePanelListsEveryDifference()
    {
        DesignDiffView view(*preset("mlp"), test::editedMlp(), "run 1", "run 2");
        QStringList entries;
        for (int i = 0; i < view.panel()->topLevelItemCount(); ++i)
            entries << view.panel()->topLevelItem(i)->text(0);
        QCOMPARE(entries, (QStringList{"~ dense1 (Dense)", "+ dropout1 (Dropout)", "\u2212 dense2 (Dense)",
                                       "+ wire dense1 \u2192 dropout1", "+ wire dropout1 \u2192 dense3",
                                       "\u2212 wire dense1 \u2192 dense2", "\u2212 wire dense2 \u2192 dense3"}));
        QTreeWidgetItem* changed = view.panel()->topLevelItem(0);
        QCOMPARE(changed->childCount(), 2);
        QCOMPARE(changed->child(0)->text(0), QString("activation: relu \u2192 tanh"));
        QVERIFY(view.banner()->text().contains("1 added"));
    }

    void aDesignComparedWithItselfShowsNoMarks()
    {
        for (const std::string& name : presetNames()) {
            DesignDiffScene scene;
            scene.setDesigns(*preset(name), *preset(name));
            QVERIFY(scene.diff().empty());
            QCOMPARE(int(scene.nodeIds().size()), int(preset(name)->layers.size()));
            for (const auto& [id, status] : markedStatuses(scene))
                QVERIFY2(status == DiffStatus::Same, qPrintable(id));
        }
        DesignDiffView view(*preset("lenet"), *preset("lenet"), "a", "b");
        QVERIFY(view.banner()->text().contains("same"));
    }
};

QTEST_MAIN(TestDesignDiffScene)
#include "tst_designdiffscene.moc"
