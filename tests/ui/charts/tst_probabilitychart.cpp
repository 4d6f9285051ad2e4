// The probability chart names every class in full (Fashion-MNIST's "T-shirt/top", "Ankle boot") and spans
// 0-100% at the smallest size it asks for, with the first class on top and the bars where their classes are.
#include "charts/ProbabilityChart.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QValueAxis>
#include <QtTest>

using namespace neurite::ui;

namespace {

const QStringList kFashion = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

// The texts Qt Charts draws (axis labels and title), as shown: an elided label reads "T-s..." here.
QMap<QString, QPointF> drawnTexts(const QChartView& view)
{
    QMap<QString, QPointF> texts;
    for (QGraphicsItem* item : view.scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            texts.insert(text->toPlainText(), text->scenePos());
    return texts;
}

} // namespace

class TestProbabilityChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyClassNameIsDrawnWholeAtTheMinimumSize()
    {
        ProbabilityChart chart;
        chart.setClassNames(kFashion);
        chart.resize(chart.minimumSize());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QMap<QString, QPointF> texts = drawnTexts(chart);
        for (const QString& name : kFashion)
            QVERIFY2(texts.contains(name), qPrintable(QStringLiteral("%1 not drawn whole; drawn: %2")
                                                          .arg(name, QStringList(texts.keys()).join(" | "))));
        // Read from the top, as a list.
        QVERIFY(texts[kFashion.first()].y() < texts[kFashion[1]].y());
        QVERIFY(texts[kFashion[8]].y() < texts[kFashion.last()].y());
        // The percent axis covers 0-100% and labels both ends.
        const QList<QAbstractAxis*> horizontal = chart.chart()->axes(Qt::Horizontal);
        QCOMPARE(horizontal.size(), 1);
        const auto* percent = qobject_cast<const QValueAxis*>(horizontal.first());
        QVERIFY(percent);
        QCOMPARE(percent->min(), 0.0);
        QCOMPARE(percent->max(), 100.0);
        QVERIFY(texts.contains(QStringLiteral("0%")));
        QVERIFY(texts.contains(QStringLiteral("100%")));
    }

    void digitsAreLabelledWholeToo()
    {
        ProbabilityChart chart; // the ten digits by default
        chart.resize(chart.minimumSize());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QMap<QString, QPointF> texts = drawnTexts(chart);
        for (int digit = 0; digit < 10; ++digit)
            QVERIFY2(texts.contains(QString::number(digit)), qPrintable(QString::number(digit)));
    }

    void eachBarIsItsClass()
    {
        ProbabilityChart chart;
        chart.setClassNames(kFashion);
        std::vector<float> probabilities(10, 0.01f);
        probabilities[9] = 0.82f;
        probabilities[0] = 0.09f;
        chart.setProbabilities(probabilities);
        QCOMPARE(chart.topClass(), 9);
        QVERIFY(chart.isHighlighted(9));
        QVERIFY(!chart.isHighlighted(0));
        QCOMPARE(chart.barValue(9), 100.0 * double(0.82f));
        QCOMPARE(chart.barValue(0), 100.0 * double(0.09f));
        QCOMPARE(chart.barValue(4), 100.0 * double(0.01f));
        QVERIFY(chart.titleText().startsWith(QStringLiteral("Ankle boot")));
    }
};

QTEST_MAIN(TestProbabilityChart)
#include "tst_probabilitychart.moc"
