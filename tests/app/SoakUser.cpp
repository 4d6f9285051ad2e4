// A seeded random user of the designer's window for the soak test.
#include "SoakUser.h"

#include "predict/DigitCanvas.h"
#include "predict/PredictPanel.h"
#include "training/RunControls.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "window/MainWindow.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

#include <cmath>

namespace neurite::test {
namespace {

template <typename Panel>
Panel* tabOf(ui::MainWindow& window)
{
    QTabWidget* tabs = window.workspaceTabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (auto* panel = qobject_cast<Panel*>(tabs->widget(i)))
            return panel;
    return nullptr;
}

QWidget* tabTitled(QTabWidget* tabs, const QString& title)
{
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == title)
            return tabs->widget(i);
    return nullptr;
}

// The Train tab's own tabs: the QTabWidget that has a "Layers" page.
QTabWidget* trainTabsOf(ui::TrainingPanel* training)
{
    const QList<QTabWidget*> all = training->findChildren<QTabWidget*>();
    for (QTabWidget* tabs : all)
        if (tabTitled(tabs, QStringLiteral("Layers")) && tabTitled(tabs, QStringLiteral("Live")))
            return tabs;
    return nullptr;
}

QPushButton* buttonTitled(QWidget* parent, const QString& text)
{
    const QList<QPushButton*> all = parent->findChildren<QPushButton*>();
    for (QPushButton* button : all)
        if (button->text() == text)
            return button;
    return nullptr;
}

} // namespace

SoakUser::SoakUser(ui::MainWindow& window, EventLoopStallMeter& meter, std::uint32_t seed)
    : m_window(window), m_meter(meter), m_rng(seed)
{
    m_training = tabOf<ui::TrainingPanel>(window);
    m_predict = tabOf<ui::PredictPanel>(window);
    m_runs = tabTitled(window.workspaceTabs(), QStringLiteral("Runs"));
    m_trainTabs = m_training ? trainTabsOf(m_training) : nullptr;
    auto* controls = m_training ? m_training->findChild<ui::RunControls*>() : nullptr;
    m_rateField = controls ? controls->learningRateField() : nullptr;
    m_randomImage = m_predict ? buttonTitled(m_predict, QStringLiteral("Random test image")) : nullptr;
    Q_ASSERT(m_training && m_predict && m_runs && m_trainTabs && m_rateField && m_randomImage);
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { act(); });
}

void SoakUser::start()
{
    m_timer.start(int(uniform(kMinPauseMs, kMaxPauseMs)));
}

void SoakUser::stop()
{
    m_timer.stop();
}

double SoakUser::uniform(double from, double to)
{
    return std::uniform_real_distribution<double>(from, to)(m_rng);
}

// One action, then the next at a random moment. A pause is mostly short: paused, the user resumes more
// often than not.
void SoakUser::act()
{
    const double r = uniform(0, 1);
    if (m_training->controller()->isPaused() && r < 0.6)
        togglePause();
    else if (r < 0.12)
        togglePause();
    else if (r < 0.27)
        changeLearningRate();
    else if (r < 0.55)
        switchView();
    else
        usePredictTab();
    m_timer.start(int(uniform(kMinPauseMs, kMaxPauseMs)));
}

void SoakUser::showRunControls()
{
    if (currentView() != View::TrainLive)
        show(View::TrainLive);
}

void SoakUser::togglePause()
{
    showRunControls();
    QPushButton* button = m_training->pauseButton();
    if (!button->isEnabled())
        return;
    const bool resume = m_training->controller()->isPaused();
    m_meter.note(resume ? QStringLiteral("Resume pressed") : QStringLiteral("Pause pressed"));
    QTest::mouseClick(button, Qt::LeftButton);
    ++(resume ? m_actions.resumes : m_actions.pauses);
}

// Typed over the field's text (select all, type, Return), between 1e-4 and about 3e-3 on a log scale.
void SoakUser::changeLearningRate()
{
    showRunControls();
    if (!m_rateField->isEnabled())
        return;
    const QString text = QString::number(std::pow(10.0, uniform(-4.0, -2.5)), 'g', 3);
    m_meter.note(QStringLiteral("learning rate %1 typed").arg(text));
    QTest::keyClick(m_rateField, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_rateField, text);
    QTest::keyClick(m_rateField, Qt::Key_Return);
    m_rates.push_back(float(text.toDouble()));
    ++m_actions.rateChanges;
}

void SoakUser::switchView()
{
    View next = currentView();
    while (next == currentView())
        next = View(std::uniform_int_distribution<int>(0, kViewCount - 1)(m_rng));
    show(next);
}

// In the Predict tab: a new digit drawn (most often) or a random test image.
void SoakUser::usePredictTab()
{
    if (currentView() != View::Predict)
        show(View::Predict);
    if (uniform(0, 1) < 0.2) {
        m_meter.note(QStringLiteral("Random test image pressed"));
        QTest::mouseClick(m_randomImage, Qt::LeftButton);
        ++m_actions.randomImages;
    } else {
        drawDigit();
    }
}

// Clear, then one or two strokes dragged with the mouse: an arc (a 0, 6, 9 or the bowl of a 2) and sometimes a
// line through it.
void SoakUser::drawDigit()
{
    ui::DigitCanvas* canvas = m_predict->canvas();
    m_meter.note(QStringLiteral("digit drawn"));
    canvas->clear();
    const QRectF r = canvas->imageRect();
    const auto toWidget = [&r](QPointF p) { return (r.topLeft() + p * (r.width() / 448.0)).toPoint(); };
    const QPointF centre(uniform(170, 280), uniform(170, 280));
    const double rx = uniform(50, 120), ry = uniform(80, 150), from = uniform(0, 180), sweep = uniform(180, 360);
    QTest::mousePress(canvas, Qt::LeftButton, {}, toWidget(centre + QPointF(rx * std::cos(from), ry * std::sin(from))));
    for (int i = 1; i <= 24; ++i) {
        const double t = (from + sweep * i / 24) * M_PI / 180;
        QTest::mouseMove(canvas, toWidget(centre + QPointF(rx * std::cos(t), ry * std::sin(t))));
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, toWidget(centre + QPointF(rx, 0)));
    ++m_actions.strokes;
    if (uniform(0, 1) < 0.5) {
        const QPoint top = toWidget({uniform(150, 300), 60}), bottom = toWidget({uniform(150, 300), 390});
        QTest::mousePress(canvas, Qt::LeftButton, {}, top);
        QTest::mouseMove(canvas, (top + bottom) / 2);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, bottom);
        ++m_actions.strokes;
    }
}

void SoakUser::show(View view)
{
    static const char* const names[] = {"Design",          "Train › Live", "Train › Layers",
                                        "Train › Results", "Runs",         "Predict"};
    m_meter.note(QStringLiteral("%1 shown").arg(QLatin1String(names[int(view)])));
    QTabWidget* tabs = m_window.workspaceTabs();
    switch (view) {
    case View::Design: tabs->setCurrentIndex(0); break;
    case View::TrainLive:
    case View::TrainLayers:
    case View::TrainResults:
        m_trainTabs->setCurrentWidget(tabTitled(m_trainTabs, view == View::TrainLive     ? QStringLiteral("Live")
                                                             : view == View::TrainLayers ? QStringLiteral("Layers")
                                                                                         : QStringLiteral("Results")));
        tabs->setCurrentWidget(m_training);
        break;
    case View::Runs: tabs->setCurrentWidget(m_runs); break;
    case View::Predict: tabs->setCurrentWidget(m_predict); break;
    }
    ++m_actions.viewSwitches;
}

SoakUser::View SoakUser::currentView() const
{
    QWidget* current = m_window.workspaceTabs()->currentWidget();
    if (current == m_predict)
        return View::Predict;
    if (current == m_runs)
        return View::Runs;
    if (current != m_training)
        return View::Design;
    const QString inner = m_trainTabs->tabText(m_trainTabs->currentIndex());
    return inner == QStringLiteral("Layers") ? View::TrainLayers
           : inner == QStringLiteral("Live") ? View::TrainLive
                                             : View::TrainResults;
}

} // namespace neurite::test
