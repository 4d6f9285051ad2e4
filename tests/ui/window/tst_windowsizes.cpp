// The whole window at 1024 x 700 (its smallest size) and at 1920 x 1080: on every tab each control has at
// least the room it asks for and is not cut off at the side, the probability chart shows 0-100% and every
// class name whole, chart legends are whole, the Train tab's settings are not cut, the results table shows
// each figure and header whole.
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "charts/AccuracyChart.h"
#include "charts/ChartLegend.h"
#include "charts/LossChart.h"
#include "charts/ProbabilityChart.h"
#include "document/ProjectDocument.h"
#include "predict/ActivationView.h"
#include "predict/PredictPanel.h"
#include "results/MisclassifiedGallery.h"
#include "results/TrainingResultsView.h"
#include "SyntheticImages.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

const QStringList kFashion = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

QStringList drawnTexts(const QChartView* view)
{
    QStringList texts;
    for (QGraphicsItem* item : view->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            texts << text->toPlainText();
    return texts;
}

// No parent cuts `widget` off: it lies inside each of them, up to the window (a layout squeezed below its
// minimum pushes children out of their parents, as when the chart showed only 40-100%).
bool wholeOnScreen(const QWidget* widget)
{
    if (!widget->isVisible())
        return false;
    QRect rect = widget->rect();
    for (const QWidget* w = widget; w->parentWidget(); w = w->parentWidget()) {
        rect.translate(w->pos());
        if (!w->parentWidget()->rect().contains(rect))
            return false;
    }
    return true;
}

// Every visible control of `tab` has its minimum size, and none is cut at the side (a control scrolled
// out of a scroll area's view is fine; one whose right edge is cut off is not).
void checkControls(QWidget* tab)
{
    for (QWidget* w : tab->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                             qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w);
        // Line edits inside spin boxes and combo boxes, and Qt's own dock title buttons, are the parts of
        // other controls.
        const bool part = qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                          qobject_cast<QComboBox*>(w->parentWidget()) ||
                          QByteArray(w->metaObject()->className()).startsWith("QDockWidget");
        if (!control || part || !w->isVisible())
            continue;
        const QString name =
            QStringLiteral("%1 \"%2\"").arg(w->metaObject()->className(), w->property("text").toString());
        const QSize minimum = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(w->width() >= minimum.width() && w->height() >= minimum.height(),
                 qPrintable(QStringLiteral("%1 is %2x%3, needs %4x%5")
                                .arg(name)
                                .arg(w->width())
                                .arg(w->height())
                                .arg(minimum.width())
                                .arg(minimum.height())));
        const QRect seen = w->visibleRegion().boundingRect();
        QVERIFY2(
            seen.isEmpty() || seen.width() == w->width(),
            qPrintable(
                QStringLiteral("%1 shows %2 of its %3 pixels' width").arg(name).arg(seen.width()).arg(w->width())));
    }
}

// One result per class: every test image of class c predicted as c + 1, for the results table.
TrainingOutcome outcomeFor(const Dataset& data)
{
    TrainingOutcome outcome;
    outcome.outcome = TrainingResult::Outcome::Completed;
    TestEvaluation& test = outcome.test;
    test.valid = true;
    test.metrics.accuracy = 0.8642f;
    test.metrics.loss = 0.4321f;
    test.metrics.confusion.assign(10, std::vector<int>(10, 0));
    test.metrics.precision.assign(10, 0.876f);
    test.metrics.recall.assign(10, 0.912f);
    test.metrics.f1.assign(10, 0.893f);
    for (std::size_t i = 0; i < data.test.count(); ++i) {
        const int t = data.test.labels[i];
        test.predicted.push_back(std::uint8_t((t + 1) % 10));
        test.confidence.push_back(0.97f);
        ++test.metrics.confusion[std::size_t(t)][std::size_t((t + 1) % 10)];
    }
    return outcome;
}

} // namespace

class TestWindowSizes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateUserState(m_dir);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        cli::assembleWorkspace(*m_window);
        m_tabs = m_window->workspaceTabs();
        m_training = m_window->findChild<TrainingPanel*>();
        m_predict = m_window->findChild<PredictPanel*>();
        QVERIFY(m_training && m_predict);
    }

    void cleanup()
    {
        m_window->document()->setModified(false);
        m_window.reset();
    }

    // A new window fits the screen (1440 x 900 once overflowed a 1024 x 700 one), down to its minimum.
    void aNewWindowFitsTheScreen()
    {
        const QSize screen = m_window->screen()->availableGeometry().size();
        const QSize minimum = m_window->minimumSizeHint();
        QVERIFY2(m_window->width() <= std::max(screen.width(), minimum.width()) &&
                     m_window->height() <= std::max(screen.height(), minimum.height()),
                 qPrintable(QStringLiteral("%1x%2 on a %3x%4 screen")
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(screen.width())
                                .arg(screen.height())));
    }

    void theSmallestWindowIs1024By700()
    {
        const QSize minimum = m_window->minimumSize().expandedTo(m_window->minimumSizeHint());
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
                 qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
        m_window->resize(800, 560); // smaller than allowed: the window stays usable
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->width() >= minimum.width() && m_window->height() >= minimum.height());
    }

    void everyTabFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void everyTabFits()
    {
        QFETCH(QSize, size);
        showAt(size);
        for (int i = 0; i < m_tabs->count(); ++i) {
            m_tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            checkControls(m_tabs->currentWidget());
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("on the %1 tab").arg(m_tabs->tabText(i))));
        }
    }

    void predictShowsEveryClassAndTheWholeScale_data() { everyTabFits_data(); }

    void predictShowsEveryClassAndTheWholeScale()
    {
        QFETCH(QSize, size);
        showAt(size);
        m_tabs->setCurrentWidget(m_predict);
        for (const QStringList& names : {QStringList(), kFashion}) {
            if (!names.isEmpty())
                m_predict->chart()->setClassNames(names); // a Fashion-MNIST model's classes
            QCoreApplication::processEvents();
            ProbabilityChart* chart = m_predict->chart();
            QTRY_VERIFY2(wholeOnScreen(chart), "the probability chart is cut"); // once the layouts have run
            QVERIFY(chart->height() >= chart->minimumHeight());
            const QStringList texts = drawnTexts(chart);
            for (const QString& name : chart->classNames())
                QVERIFY2(texts.contains(name), qPrintable(name + " is not drawn whole: " + texts.join(" | ")));
            QVERIFY(texts.contains(QStringLiteral("0%")) && texts.contains(QStringLiteral("100%")));
            const auto* percent = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).value(0));
            QVERIFY(percent && percent->min() == 0.0 && percent->max() == 100.0);
        }
        // A full-HD window has room for the look inside at its natural size, without scrolling it.
        if (size.height() >= 1080) {
            const QWidget* inside = m_predict->activationView();
            const auto* scroll = qobject_cast<const QScrollArea*>(inside->parentWidget()->parentWidget());
            QVERIFY(scroll);
            QVERIFY2(scroll->viewport()->height() >= inside->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("%1 px for %2")
                                    .arg(scroll->viewport()->height())
                                    .arg(inside->minimumSizeHint().height())));
        }
    }

    void trainTabChartsAndSettingsAreWhole_data() { everyTabFits_data(); }

    void trainTabChartsAndSettingsAreWhole()
    {
        QFETCH(QSize, size);
        showAt(size);
        m_tabs->setCurrentWidget(m_training);
        QCoreApplication::processEvents();
        for (TrainingChart* chart :
             std::initializer_list<TrainingChart*>{m_training->lossChart(), m_training->accuracyChart()}) {
            QVERIFY(wholeOnScreen(chart));
            QVERIFY2(chart->legend()->showsWhole(), qPrintable(chart->legend()->entries().join(", ")));
        }
        // The settings beside the charts: as wide as their content, so no field is cut at the right.
        QScrollArea* scroll = nullptr;
        for (QScrollArea* area : m_training->findChildren<QScrollArea*>())
            if (area->widget() && area->widget()->isAncestorOf(m_training->settingsForm()))
                scroll = area;
        QVERIFY(scroll);
        QVERIFY2(scroll->viewport()->width() >= scroll->widget()->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(scroll->viewport()->width())
                                .arg(scroll->widget()->minimumSizeHint().width())));
    }

    void resultsTableShowsEveryFigureWhole_data() { everyTabFits_data(); }

    void resultsTableShowsEveryFigureWhole()
    {
        QFETCH(QSize, size);
        showAt(size);
        m_tabs->setCurrentWidget(m_training);
        const auto data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 2, 5, 21));
        TrainingResultsView* results = m_training->results();
        results->setOutcome(outcomeFor(*data), data, kFashion);
        m_training->findChild<QTabWidget*>()->setCurrentWidget(results);
        QCoreApplication::processEvents();
        const QTableWidget* table = results->classTable();
        const QFontMetrics metrics = table->fontMetrics();
        for (int c = 0; c < table->columnCount(); ++c) {
            const QString header = table->horizontalHeaderItem(c)->text();
            QVERIFY2(table->columnWidth(c) >= table->horizontalHeader()->sectionSizeHint(c),
                     qPrintable(QStringLiteral("header \"%1\": %2 px").arg(header).arg(table->columnWidth(c))));
            for (int r = 0; r < table->rowCount(); ++r) {
                const QString text = table->item(r, c)->text();
                QVERIFY2(metrics.horizontalAdvance(text) < table->columnWidth(c),
                         qPrintable(QStringLiteral("\"%1\" in a %2 px column").arg(text).arg(table->columnWidth(c))));
            }
        }
        QVERIFY(table->item(0, 0)->text() == QStringLiteral("T-shirt/top"));
        // A whole row of the gallery shows, captions included.
        const MisclassifiedGallery* gallery = results->gallery();
        QTRY_VERIFY(gallery->shownCount() > 0);
        const auto* list = gallery->findChild<QListWidget*>();
        QVERIFY2(list->viewport()->height() >= gallery->cellSize().height(),
                 qPrintable(QStringLiteral("%1 px for %2 px cells")
                                .arg(list->viewport()->height())
                                .arg(gallery->cellSize().height())));
    }

private:
    void showAt(QSize size)
    {
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->size(), size);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QTabWidget* m_tabs = nullptr;
    TrainingPanel* m_training = nullptr;
    PredictPanel* m_predict = nullptr;
};

QTEST_MAIN(TestWindowSizes)
#include "tst_windowsizes.moc"
