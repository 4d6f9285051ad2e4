// Tests for the class picker and the paint toolbar: one button per class in its colour, "+" adds the next
// class and chooses it (up to 8), a regression asks for a value, and the toolbar's buttons emit.
#include "playground/PaintToolbar.h"
#include "playground/PlaneClassPicker.h"
#include "playground/PlaneColours.h"

#include <QAbstractButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace neurite::ui;

class TestPlaneClassPicker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsWithPlaygroundsTwoClasses();
    void plusAddsAndChoosesTheNextClass();
    void clickingAClassChoosesIt();
    void setClassesKeepsTheCurrentClass();
    void regressionAsksForAValue();
    void toolbarButtonsEmit();
};

void TestPlaneClassPicker::startsWithPlaygroundsTwoClasses()
{
    PlaneClassPicker picker;
    QCOMPARE(picker.classes(), QStringList({"-1", "1"}));
    QCOMPARE(picker.currentClass(), 0);
    QVERIFY(picker.classButton(0)->isChecked());
    QCOMPARE(picker.classButton(1)->text(), QStringLiteral("1"));
    QVERIFY(!picker.classButton(2));
    // The button's icon is the class's dot: its centre is the class colour.
    const QImage icon = picker.classButton(1)->icon().pixmap(QSize(14, 14), 1.0).toImage();
    QCOMPARE(icon.pixel(7, 7) | 0xff000000, classColour(1, 2));
}

void TestPlaneClassPicker::plusAddsAndChoosesTheNextClass()
{
    PlaneClassPicker picker;
    QSignalSpy added(&picker, &PlaneClassPicker::classAdded);
    QSignalSpy chosen(&picker, &PlaneClassPicker::classChosen);
    picker.addButton()->click();
    QCOMPARE(added.count(), 1);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toInt(), 2);
    QCOMPARE(picker.classes(), QStringList({"-1", "1", "2"}));
    QCOMPARE(picker.currentClass(), 2);
    QVERIFY(picker.classButton(2)->isChecked());
    QVERIFY(!picker.classButton(0)->isChecked());
    for (int i = 3; i < kMaxPaintedClasses; ++i)
        picker.addButton()->click();
    QCOMPARE(picker.classes().size(), kMaxPaintedClasses);
    QVERIFY(!picker.addButton()->isEnabled());
    picker.addButton()->click();
    QCOMPARE(picker.classes().size(), kMaxPaintedClasses);
    QCOMPARE(added.count(), kMaxPaintedClasses - 2);
}

void TestPlaneClassPicker::clickingAClassChoosesIt()
{
    PlaneClassPicker picker;
    picker.setClasses({"0", "1", "2"});
    QSignalSpy chosen(&picker, &PlaneClassPicker::classChosen);
    picker.classButton(2)->click();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toInt(), 2);
    QCOMPARE(picker.currentClass(), 2);
    picker.setCurrentClass(1); // from the program: no signal
    QCOMPARE(chosen.count(), 1);
    QVERIFY(picker.classButton(1)->isChecked());
    // Names that are numbers already taken are skipped.
    picker.setClasses({"0", "3"});
    picker.addButton()->click();
    QCOMPARE(picker.classes(), QStringList({"0", "3", "2"}));
}

void TestPlaneClassPicker::setClassesKeepsTheCurrentClass()
{
    PlaneClassPicker picker;
    picker.setClasses({"a", "b", "c"});
    picker.setCurrentClass(2);
    picker.setClasses({"a", "b", "c", "d"});
    QCOMPARE(picker.currentClass(), 2);
    QVERIFY(picker.classButton(2)->isChecked());
    picker.setClasses({"a", "b"});
    QCOMPARE(picker.currentClass(), 0);
}

void TestPlaneClassPicker::regressionAsksForAValue()
{
    PlaneClassPicker picker;
    picker.show();
    picker.setRegression(true);
    QVERIFY(!picker.classButton(0));
    QVERIFY(!picker.addButton()->isVisible());
    QSignalSpy values(&picker, &PlaneClassPicker::valueChosen);
    picker.setCurrentValue(-0.5);
    QCOMPARE(picker.currentValue(), -0.5);
    QCOMPARE(values.count(), 1);
    picker.setRegression(false);
    QVERIFY(picker.classButton(1));
    QVERIFY(picker.addButton()->isVisible());
}

void TestPlaneClassPicker::toolbarButtonsEmit()
{
    PaintToolbar toolbar;
    QSignalSpy painting(&toolbar, &PaintToolbar::paintToggled);
    QSignalSpy clear(&toolbar, &PaintToolbar::clearRequested);
    QSignalSpy save(&toolbar, &PaintToolbar::saveRequested);
    QSignalSpy open(&toolbar, &PaintToolbar::openRequested);
    QSignalSpy undo(&toolbar, &PaintToolbar::undoRequested);
    QVERIFY(!toolbar.undoButton()->isEnabled());
    toolbar.setUndoEnabled(true);
    toolbar.undoButton()->click();
    QCOMPARE(undo.count(), 1);
    QVERIFY(!toolbar.isPainting());
    // Choosing a colour turns painting on.
    toolbar.picker()->classButton(1)->click();
    QVERIFY(toolbar.isPainting());
    QCOMPARE(painting.count(), 1);
    QCOMPARE(painting.front().front().toBool(), true);
    toolbar.paintButton()->click();
    QVERIFY(!toolbar.isPainting());
    QCOMPARE(painting.count(), 2);
    toolbar.clearButton()->click();
    toolbar.saveButton()->click();
    toolbar.openButton()->click();
    QCOMPARE(clear.count(), 1);
    QCOMPARE(save.count(), 1);
    QCOMPARE(open.count(), 1);
    // Fits beside a 260-pixel plane with two classes, and not much wider with eight.
    toolbar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toolbar));
    QVERIFY2(toolbar.minimumSizeHint().width() <= 300, qPrintable(QString::number(toolbar.minimumSizeHint().width())));
    for (int i = 2; i < kMaxPaintedClasses; ++i)
        toolbar.picker()->addButton()->click();
    QApplication::processEvents();
    QVERIFY2(toolbar.minimumSizeHint().width() <= 300, qPrintable(QString::number(toolbar.minimumSizeHint().width())));
    QCOMPARE(qobject_cast<QToolButton*>(toolbar.picker()->classButton(7))->toolButtonStyle(), Qt::ToolButtonIconOnly);
    const QString dir = qEnvironmentVariable("NEURITE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        toolbar.resize(toolbar.minimumSizeHint());
        toolbar.grab().save(dir + QStringLiteral("/paint-toolbar-8.png"));
    }
}

QTEST_MAIN(TestPlaneClassPicker)
#include "tst_planeclasspicker.moc"
