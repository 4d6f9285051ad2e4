// What the playground's live views cost in the window's own setting: the default design trained at full
// speed on spiral with the Train tab's decision plane and the editor's neurons' maps and weight lines
// redrawn as the run goes, against the same run with the live plane off, interleaved; and how long the GUI
// thread was busy at a stretch (its event loop's gaps) while they drew. Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_playground_gui [REPETITIONS] [EPOCHS]
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "training/PaceBox.h"
#include "training/TrainingPanel.h"

#include <neurite/DesignForData.h>
#include <neurite/TableData.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Every gap between the ticks of a 5 ms timer on the GUI thread: how long it was busy at a stretch.
class GapRecorder {
public:
    GapRecorder()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (m_clock.isValid())
                m_gaps.push_back(double(m_clock.nsecsElapsed()) / 1e6);
            m_clock.start();
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.invalidate();
        m_timer.start();
    }
    std::vector<double> stop()
    {
        m_timer.stop();
        return m_gaps;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_gaps;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

struct RunFigures {
    double seconds = 0;      // wall time from Train to idle
    double trainSeconds = 0; // the epochs' own time, as the trainer measured it
    std::vector<double> gaps;
    int looks = 0;
};

RunFigures runOnce(TrainingPanel& panel, bool live)
{
    RunFigures figures;
    panel.controller()->setPlaneWatching(live);
    const auto connection = QObject::connect(&panel, &TrainingPanel::planeInsight, [&figures] { ++figures.looks; });
    GapRecorder gaps;
    gaps.start();
    QElapsedTimer clock;
    clock.start();
    panel.start(); // the data is checked first; the run starts after that
    while (!panel.isTraining() && clock.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    panel.controller()->waitUntilIdle(600000);
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
    figures.gaps = gaps.stop();
    QObject::disconnect(connection);
    if (panel.lastOutcome())
        for (const EpochReport& epoch : panel.lastOutcome()->history.epochs)
            figures.trainSeconds += epoch.seconds;
    return figures;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const int epochs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    const Dataset spiral = loadTable("spiral", DataOptions{});
    TrainingSettings settings = settingsForData(spiral);
    settings.epochs = epochs;
    ProjectDocument document;
    document.newDesign(designForData(spiral));
    document.setSettings(settings);
    DesignEditor editor(&document);
    TrainingPanel panel(&document);
    QObject::connect(&panel, &TrainingPanel::planeInsight, &editor, &DesignEditor::showPlaneInsight);
    editor.resize(1000, 800);
    panel.resize(1400, 900);
    editor.show();
    panel.show();
    // Full speed, as if the user chose it (two-dimensional data otherwise trains at the playground's pace).
    panel.paceBox()->setBatchesPerSecond(0);
    Q_EMIT panel.paceBox()->activated(0);
    std::printf("spiral, design 2-16-16-2 tanh, batch %d, %d epochs of %zu training points; %d repetitions, "
                "interleaved\n",
                settings.batchSize, epochs, spiral.train.count(), repetitions);
    runOnce(panel, true); // warm-up: loads the data, builds the views
    std::vector<double> offSeconds, onSeconds, offTrain, onTrain, onGaps, offGaps;
    int looks = 0;
    for (int r = 0; r < repetitions; ++r)
        for (bool live : r % 2 == 0 ? std::vector<bool>{false, true} : std::vector<bool>{true, false}) {
            const RunFigures f = runOnce(panel, live);
            (live ? onSeconds : offSeconds).push_back(f.seconds);
            (live ? onTrain : offTrain).push_back(f.trainSeconds);
            std::vector<double>& gaps = live ? onGaps : offGaps;
            gaps.insert(gaps.end(), f.gaps.begin(), f.gaps.end());
            looks += live ? f.looks : 0;
        }
    const double onMedian = median(onSeconds), offMedian = median(offSeconds);
    std::printf("run wall time, median: live plane off %.3f s, on %.3f s: %.1f%% slower\n", offMedian, onMedian,
                100 * (onMedian / offMedian - 1));
    std::printf("epochs' own time, median: off %.3f s, on %.3f s: %.1f%% slower\n", median(offTrain), median(onTrain),
                100 * (median(onTrain) / median(offTrain) - 1));
    std::printf("plane looks drawn: %.1f a second\n", looks / (onMedian * repetitions));
    std::printf("GUI thread busy at a stretch (gaps of a 5 ms timer), live on: median %.1f ms, 99th percentile "
                "%.1f ms, worst %.1f ms; live off: worst %.1f ms\n",
                median(onGaps), percentile(onGaps, 0.99), percentile(onGaps, 1.0), percentile(offGaps, 1.0));
    return 0;
}
