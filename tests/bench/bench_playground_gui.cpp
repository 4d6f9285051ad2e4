// What the playground's live views cost in the window's own setting: the default design trained on spiral
// with the live plane on (the editor's neurons' maps and weight lines follow it, as in the window) against the
// same run with the live plane off, interleaved (on two cores the GUI's drawing competes with the training's
// threads). The editor and the Train tab are tabs of one window, as there: with the Train tab shown the plane
// is drawn, with the Design tab the maps and lines. Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_playground_gui [REPETITIONS] [EPOCHS] [train-tab|design-tab]
//   [BATCHES_PER_SECOND]
#include "BenchTiming.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "training/PaceBox.h"
#include "training/TrainingPanel.h"

#include <neurite/DesignForData.h>
#include <neurite/TableData.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace neurite;
using namespace neurite::ui;
using neurite::bench::threadCpuMs;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The longest stretch the GUI thread was busy: the largest gap between the ticks of a 5 ms timer, on the
// wall clock and in the thread's own processor time (the work it did in one go, whatever the machine's load).
class GapMeter {
public:
    explicit GapMeter(QObject* parent) : m_timer(new QTimer(parent))
    {
        m_timer->setInterval(5);
        QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] {
            const double cpu = threadCpuMs();
            if (m_ticks++ > 0) {
                m_worst = std::max(m_worst, double(m_sinceTick.nsecsElapsed()) / 1e6);
                m_worstCpu = std::max(m_worstCpu, cpu - m_cpuAtTick);
            }
            m_sinceTick.restart();
            m_cpuAtTick = cpu;
        });
        m_sinceTick.start();
        m_cpuAtTick = threadCpuMs();
        m_timer->start();
    }
    ~GapMeter() { delete m_timer; }
    double worstMs() const { return m_worst; }
    double worstCpuMs() const { return m_worstCpu; }
    int ticks() const { return m_ticks; }

private:
    QTimer* m_timer;
    QElapsedTimer m_sinceTick;
    double m_cpuAtTick = 0;
    double m_worst = 0;
    double m_worstCpu = 0;
    int m_ticks = 0;
};

struct RunFigures {
    double seconds = 0;       // wall time from Train to idle
    double trainSeconds = 0;  // the epochs' own time, as the trainer measured it
    int looks = 0;            // planes drawn
    double worstGapMs = 0;    // the GUI thread's longest busy stretch while the run trained
    double worstGapCpuMs = 0; // the same in the GUI thread's processor time
};

RunFigures runOnce(TrainingPanel& panel, bool live)
{
    RunFigures figures;
    panel.controller()->setPlaneWatching(live);
    const auto connection = QObject::connect(&panel, &TrainingPanel::planeInsight, [&figures] { ++figures.looks; });
    QElapsedTimer clock;
    clock.start();
    panel.start(); // the data is checked first; the run starts after that
    while (!panel.isTraining() && clock.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    {
        GapMeter gaps(&panel);
        panel.controller()->waitUntilIdle(600000);
        figures.worstGapMs = gaps.worstMs();
        figures.worstGapCpuMs = gaps.worstCpuMs();
    }
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
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
    const int epochs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1000;
    const Dataset spiral = loadTable("spiral", DataOptions{});
    TrainingSettings settings = settingsForData(spiral);
    settings.epochs = epochs;
    ProjectDocument document;
    document.newDesign(designForData(spiral));
    document.setSettings(settings);
    QTabWidget window;
    window.setDocumentMode(true); // as the main window's tabs
    auto* editor = new DesignEditor(&document);
    TrainingPanel& panel = *new TrainingPanel(&document); // the window owns both tabs
    window.addTab(editor, QStringLiteral("Design"));
    window.addTab(&panel, QStringLiteral("Train"));
    QObject::connect(&panel, &TrainingPanel::planeInsight, editor, &DesignEditor::showPlaneInsight);
    const bool designShown = argc > 3 && std::string(argv[3]) == "design-tab";
    window.setCurrentWidget(designShown ? static_cast<QWidget*>(editor) : &panel);
    window.resize(1400, 900);
    window.show();
    // Full speed (or the pace given), as if the user chose it (two-dimensional data otherwise trains at the
    // playground's pace).
    const double pace = argc > 4 ? std::atof(argv[4]) : 0.0; // a fourth argument: batches a second
    panel.paceBox()->setBatchesPerSecond(pace);
    Q_EMIT panel.paceBox()->activated(0);
    std::printf("spiral, design 2-16-16-2 tanh, batch %d, %d epochs of %zu training points; %d repetitions, "
                "interleaved; %s tab shown\n",
                settings.batchSize, epochs, spiral.train.count(), repetitions, designShown ? "Design" : "Train");
    runOnce(panel, true); // warm-up: loads the data, builds the views
    std::vector<double> offSeconds, onSeconds, offTrain, onTrain, offGaps, onGaps, offCpuGaps, onCpuGaps;
    int looks = 0;
    for (int r = 0; r < repetitions; ++r)
        for (bool live : r % 2 == 0 ? std::vector<bool>{false, true} : std::vector<bool>{true, false}) {
            const RunFigures f = runOnce(panel, live);
            (live ? onSeconds : offSeconds).push_back(f.seconds);
            (live ? onTrain : offTrain).push_back(f.trainSeconds);
            (live ? onGaps : offGaps).push_back(f.worstGapMs);
            (live ? onCpuGaps : offCpuGaps).push_back(f.worstGapCpuMs);
            looks += live ? f.looks : 0;
        }
    const double onMedian = median(onSeconds), offMedian = median(offSeconds);
    std::printf("run wall time (data check included), median: live plane off %.3f s, on %.3f s: %+.1f%%\n", offMedian,
                onMedian, 100 * (onMedian / offMedian - 1));
    std::printf("epochs' own time, median: off %.3f s, on %.3f s: %+.1f%%\n", median(offTrain), median(onTrain),
                100 * (median(onTrain) / median(offTrain) - 1));
    std::printf("planes drawn per run: %.1f\n", double(looks) / repetitions);
    std::printf("GUI thread's longest busy stretch while a run trained (a 5 ms timer's largest gap), median of "
                "runs: live off %.1f ms, on %.1f ms; worst run: off %.1f ms, on %.1f ms\n",
                median(offGaps), median(onGaps), *std::max_element(offGaps.begin(), offGaps.end()),
                *std::max_element(onGaps.begin(), onGaps.end()));
    std::printf("the same in the GUI thread's own processor time (what a busy machine does not inflate), median: "
                "off %.1f ms, on %.1f ms; worst run: off %.1f ms, on %.1f ms\n",
                median(offCpuGaps), median(onCpuGaps), *std::max_element(offCpuGaps.begin(), offCpuGaps.end()),
                *std::max_element(onCpuGaps.begin(), onCpuGaps.end()));
    return 0;
}
