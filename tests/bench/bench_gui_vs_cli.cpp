// Whether the window's training dashboard taxes training: the same design and settings trained through the
// real Train tab (TrainingPanel in a shown window, its charts and log updating) and by the command line
// (`neurite train` in its own process), in alternating rounds; the samples/s of each run's epochs after the
// first (the trainer's own figure on both sides), medians. Target: the GUI at 90% of the command line or more.
// Prints figures; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_gui_vs_cli [ROUNDS] [PRESET] [DATA] [EPOCHS] [BATCH]
#include "BenchTiming.h"
#include "document/ProjectDocument.h"
#include "training/PaceBox.h"
#include "training/TrainingPanel.h"

#include <neurite/MachineDescription.h>
#include <neurite/NetworkSpec.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTabWidget>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace neurite;
using namespace neurite::ui;

namespace {

struct Setup {
    QString preset = QStringLiteral("mlp");
    QString data = QStringLiteral("mnist-10k");
    int epochs = 3;
    int batch = 32;
};

// The median samples/s of the epochs after the first.
double afterWarmUp(std::vector<double> rates)
{
    if (rates.size() > 1)
        rates.erase(rates.begin());
    return bench::median(rates);
}

double trainInPanel(TrainingPanel& panel)
{
    QElapsedTimer clock;
    clock.start();
    panel.start(); // the data is checked first; the run starts after that
    while (!panel.isTraining() && clock.elapsed() < 120000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    panel.controller()->waitUntilIdle(3600000);
    std::vector<double> rates;
    if (panel.lastOutcome())
        for (const EpochReport& epoch : panel.lastOutcome()->history.epochs)
            rates.push_back(epoch.samplesPerSecond);
    return afterWarmUp(rates);
}

double trainOnCommandLine(const QString& neurite, const Setup& s)
{
    QProcess process;
    process.start(neurite, {"train", "--preset", s.preset, "--data", s.data, "--epochs", QString::number(s.epochs),
                            "--batch", QString::number(s.batch)});
    process.waitForFinished(3600000);
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    static const QRegularExpression epochLine(QStringLiteral("^Epoch \\d+/\\d+ .* ([\\d,]+) samples/s"),
                                              QRegularExpression::MultilineOption);
    std::vector<double> rates;
    for (auto it = epochLine.globalMatch(output); it.hasNext();)
        rates.push_back(it.next().captured(1).remove(',').toDouble());
    if (rates.empty())
        std::fprintf(stderr, "no epoch lines from %s:\n%s\n", qPrintable(neurite), qPrintable(output));
    return afterWarmUp(rates);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    Setup s;
    if (argc > 2)
        s.preset = QString::fromLocal8Bit(argv[2]);
    if (argc > 3)
        s.data = QString::fromLocal8Bit(argv[3]);
    if (argc > 4)
        s.epochs = std::max(2, std::atoi(argv[4]));
    if (argc > 5)
        s.batch = std::max(1, std::atoi(argv[5]));
    const QString neurite = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../neurite"));

    ProjectDocument document;
    document.newDesign(*preset(s.preset.toStdString()));
    TrainingSettings settings;
    settings.dataSet = s.data.toStdString();
    settings.epochs = s.epochs;
    settings.batchSize = s.batch;
    document.setSettings(settings);
    QTabWidget window; // the Train tab shown, as a user watching the dashboard sees it
    window.setDocumentMode(true);
    TrainingPanel& panel = *new TrainingPanel(&document);
    window.addTab(&panel, QStringLiteral("Train"));
    window.resize(1400, 900);
    window.show();
    panel.paceBox()->setBatchesPerSecond(0); // full speed, as the panel starts for image data
    Q_EMIT panel.paceBox()->activated(0);

    const MachineDescription machine = describeMachine();
    std::printf("Machine: %s, %d hardware threads; %s\n", machine.cpuModel.c_str(), machine.cores,
                machine.simd.c_str());
    std::printf("preset %s on %s, batch %d, %d epochs (the first not counted), default threads; %d rounds\n",
                qPrintable(s.preset), qPrintable(s.data), s.batch, s.epochs, rounds);
    std::vector<double> gui, cli;
    for (int r = 0; r < rounds; ++r)
        for (bool inPanel : r % 2 == 0 ? std::vector<bool>{true, false} : std::vector<bool>{false, true}) {
            const double rate = inPanel ? trainInPanel(panel) : trainOnCommandLine(neurite, s);
            (inPanel ? gui : cli).push_back(rate);
            std::printf("round %d %-13s %10.0f samples/s\n", r + 1, inPanel ? "window" : "command line", rate);
            std::fflush(stdout);
        }
    const double ratio = bench::median(gui) / bench::median(cli);
    std::printf("median: window %.0f samples/s, command line %.0f samples/s: %.1f%% (target >= 90%%: %s)\n",
                bench::median(gui), bench::median(cli), 100 * ratio, ratio >= 0.9 ? "met" : "not met");
    return 0;
}
