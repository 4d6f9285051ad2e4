// A seeded random user of the designer's window for the soak test: while a run trains it moves between the
// views (Design, the Train tab's Live, Layers and Results, Runs, Predict), draws digits and asks for random test
// images in the Predict tab, presses Pause / Resume and types new learning rates into the Train tab's field,
// each at a random moment, through the widgets as a user would.
#pragma once

#include "EventLoopStallMeter.h"

#include <QTimer>

#include <random>
#include <vector>

class QLineEdit;
class QPushButton;
class QTabWidget;

namespace neurite::ui {
class MainWindow;
class PredictPanel;
class TrainingPanel;
} // namespace neurite::ui

namespace neurite::test {

// What the user did.
struct SoakActions {
    int pauses = 0;
    int resumes = 0;
    int rateChanges = 0;
    int viewSwitches = 0;
    int strokes = 0;
    int randomImages = 0;
};

class SoakUser {
public:
    // Actions come at random intervals of kMinPauseMs to kMaxPauseMs.
    static constexpr int kMinPauseMs = 300;
    static constexpr int kMaxPauseMs = 3000;

    // `window` must hold the assembled workspace (cli::assembleWorkspace). Each action is named to `meter`.
    SoakUser(ui::MainWindow& window, EventLoopStallMeter& meter, std::uint32_t seed);
    void start();
    void stop();

    const SoakActions& actions() const { return m_actions; }
    // The learning rates typed and applied, in order.
    const std::vector<float>& requestedRates() const { return m_rates; }
    ui::TrainingPanel* training() const { return m_training; }
    ui::PredictPanel* predict() const { return m_predict; }
    // Brings the Train tab's Live view forward (its run controls), as a user would before pressing a button.
    void showRunControls();

private:
    enum class View { Design, TrainLive, TrainLayers, TrainResults, Runs, Predict };
    static constexpr int kViewCount = 6;

    void act();
    void togglePause();
    void changeLearningRate();
    void switchView();
    void usePredictTab();
    void drawDigit();
    void show(View view);
    View currentView() const;
    double uniform(double from, double to);

    ui::MainWindow& m_window;
    EventLoopStallMeter& m_meter;
    ui::TrainingPanel* m_training = nullptr;
    ui::PredictPanel* m_predict = nullptr;
    QWidget* m_runs = nullptr;
    QTabWidget* m_trainTabs = nullptr; // Live, Results, Compare runs, Layers
    QLineEdit* m_rateField = nullptr;
    QPushButton* m_randomImage = nullptr;
    std::mt19937 m_rng;
    QTimer m_timer;
    SoakActions m_actions;
    std::vector<float> m_rates;
};

} // namespace neurite::test
