// The gallery's captions show the true class, the predicted class and the confidence whole, with
// Fashion-MNIST's long names ("T-shirt/top" -> "Ankle boot") as with digits: each line fits the text
// rectangle the item delegate draws in, and no cell overlaps the next.
#include "results/MisclassifiedGallery.h"
#include "SyntheticImages.h"

#include <QListWidget>
#include <QStyledItemDelegate>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

const QStringList kFashion = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

// Every test image is a mistake: true c predicted as (c + 9) % 10, so "T-shirt/top" -> "Ankle boot" is one.
TestEvaluation allWrong(const Dataset& data)
{
    TestEvaluation evaluation;
    evaluation.valid = true;
    for (std::size_t i = 0; i < data.test.count(); ++i) {
        evaluation.predicted.push_back(std::uint8_t((data.test.labels[i] + 9) % 10));
        evaluation.confidence.push_back(0.9731f - 0.001f * float(i % 50));
    }
    return evaluation;
}

// Exposes the delegate's own option set-up, so the test measures the rectangle the text is drawn in.
struct DelegateProbe : QStyledItemDelegate {
    using QStyledItemDelegate::initStyleOption;
};

QRect textRect(const QListWidget* list, const QListWidgetItem* item)
{
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualItemRect(item);
    option.font = list->font();
    option.decorationSize = list->iconSize();
    option.decorationPosition = QStyleOptionViewItem::Top;
    option.decorationAlignment = Qt::AlignCenter;
    option.displayAlignment = Qt::AlignHCenter | Qt::AlignTop;
    option.features |= QStyleOptionViewItem::WrapText;
    DelegateProbe().initStyleOption(&option, list->indexFromItem(item));
    return list->style()->subElementRect(QStyle::SE_ItemViewItemText, &option, list);
}

void checkCaptionsFit(MisclassifiedGallery& gallery, const QStringList& names)
{
    auto* list = gallery.findChild<QListWidget*>();
    QVERIFY(list);
    QTRY_VERIFY(gallery.isFilled());
    QVERIFY(list->count() > 10);
    const QFontMetrics metrics = list->fontMetrics();
    const int textMargin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        const std::size_t index = gallery.shownIndices()[std::size_t(i)];
        const QString caption = item->text();
        QCOMPARE(caption, gallery.captionOf(index));
        const QStringList lines = caption.split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(names.contains(lines[0]));
        QVERIFY(lines[1].startsWith(QStringLiteral("→ ")) && names.contains(lines[1].mid(2)));
        QVERIFY2(lines[2].endsWith('%'), qPrintable(caption));
        const QRect text = textRect(list, item);
        for (const QString& line : lines)
            QVERIFY2(metrics.horizontalAdvance(line) <= text.width() - 2 * textMargin,
                     qPrintable(QStringLiteral("\"%1\" is %2 px, the text has %3")
                                    .arg(line)
                                    .arg(metrics.horizontalAdvance(line))
                                    .arg(text.width() - 2 * textMargin)));
        QVERIFY2(lines.size() * metrics.lineSpacing() <= text.height(),
                 qPrintable(QStringLiteral("%1 lines in %2 px").arg(lines.size()).arg(text.height())));
        if (i > 0)
            QVERIFY(!list->visualItemRect(list->item(i - 1)).intersects(list->visualItemRect(item)));
    }
    // A whole row fits the view, even at the gallery's smallest: no caption is cut at the bottom.
    QVERIFY(list->minimumHeight() >= gallery.cellSize().height());
    QVERIFY(list->viewport()->height() >= list->visualItemRect(list->item(0)).bottom());
    // The caption sits under its thumbnail, not at the foot of a cell too tall for it.
    const QRect first = textRect(list, list->item(0));
    QVERIFY2(first.height() < 3 * metrics.lineSpacing() + 2 * metrics.height(),
             qPrintable(QStringLiteral("%1 px for three lines").arg(first.height())));
}

} // namespace

class TestMisclassifiedGallery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fashionCaptionsShowBothClassesAndTheConfidence()
    {
        Dataset data = test::syntheticImages(28, 10, 2, 4, 11);
        data.classNames.assign(kFashion.size(), std::string());
        for (int c = 0; c < kFashion.size(); ++c)
            data.classNames[std::size_t(c)] = kFashion[c].toStdString();
        const auto handle = std::make_shared<const Dataset>(data);
        MisclassifiedGallery gallery;
        gallery.resize(900, 500);
        gallery.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gallery));
        gallery.setResults(handle, allWrong(data), kFashion);
        checkCaptionsFit(gallery, kFashion);
        // The first image of class 0 reads "T-shirt/top", "→ Ankle boot" and its confidence.
        bool seen = false;
        for (std::size_t i : gallery.shownIndices())
            if (data.test.labels[i] == 0) {
                const QString caption = gallery.captionOf(i);
                QVERIFY2(caption.startsWith(QStringLiteral("T-shirt/top\n→ Ankle boot\n9")), qPrintable(caption));
                seen = true;
                break;
            }
        QVERIFY(seen);
    }

    void digitCaptionsFitAsBefore()
    {
        const Dataset data = test::syntheticImages(28, 10, 2, 4, 12);
        QStringList digits;
        for (int c = 0; c < 10; ++c)
            digits << QString::number(c);
        MisclassifiedGallery gallery;
        gallery.resize(900, 500);
        gallery.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gallery));
        gallery.setResults(std::make_shared<const Dataset>(data), allWrong(data), digits);
        checkCaptionsFit(gallery, digits);
        // Digits keep small cells: more than ten to a 900-pixel row.
        QVERIFY(gallery.cellSize().width() < 90);
    }
};

QTEST_MAIN(TestMisclassifiedGallery)
#include "tst_misclassifiedgallery.moc"
