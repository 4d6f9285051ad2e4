// How well trained MNIST models read digits they were not trained on: digits printed in every font
// installed on this machine, and synthetic pen strokes drawn as on the Predict tab's canvas (both through
// the Predict tab's own preprocessing, see DigitRendering.h), plus the mnist-10k test accuracy. Used to
// decide whether a retrained default model (resources/models/default-mnist.neurite) is better. Run by hand;
// never a CTest test.
// Usage: QT_QPA_PLATFORM=offscreen default_model_robustness MODEL.neurite [MODEL.neurite ...]
#include "DigitRendering.h"
#include "neurite/DataSets.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"

#include <QGuiApplication>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <optional>

using namespace neurite;

namespace {

struct Score {
    std::array<int, 10> right{}, total{};

    double accuracy() const
    {
        int r = 0, t = 0;
        for (int d = 0; d < 10; ++d)
            r += right[std::size_t(d)], t += total[std::size_t(d)];
        return t ? 100.0 * r / t : 0.0;
    }
};

Score score(Network& network, const std::vector<bench::DigitSample>& samples)
{
    Score s;
    std::vector<float> out(std::size_t(network.outputSize()));
    for (const bench::DigitSample& sample : samples) {
        network.predictOne(sample.input.data(), out.data());
        const int predicted = int(std::max_element(out.begin(), out.end()) - out.begin());
        ++s.total[std::size_t(sample.label)];
        s.right[std::size_t(sample.label)] += predicted == sample.label ? 1 : 0;
    }
    return s;
}

void printScore(const char* name, const Score& s)
{
    std::printf("  %-16s %6.2f%%   per digit:", name, s.accuracy());
    for (int d = 0; d < 10; ++d)
        std::printf(" %d:%3.0f", d, 100.0 * s.right[std::size_t(d)] / std::max(1, s.total[std::size_t(d)]));
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL.neurite [MODEL.neurite ...]\n", argv[0]);
        return 2;
    }
    const std::vector<bench::DigitSample> printed = bench::printedDigits();
    const std::vector<bench::DigitSample> drawn = bench::strokeDigits(40, 2024);
    std::printf("Printed digits: %zu (%lld font families x regular/bold/italic/bold italic x 24/48/96 px x 0-9)\n",
                printed.size(), static_cast<long long>(bench::digitFontFamilies().size()));
    std::printf("  fonts: %s\n", qPrintable(bench::digitFontFamilies().join(", ")));
    std::printf("Drawn digits: %zu (synthetic pen strokes, 40 jittered drawings of each digit variant)\n",
                drawn.size());
    std::optional<Dataset> mnist;
    try {
        mnist = loadDataset("mnist-10k");
    } catch (const std::exception& e) {
        std::printf("mnist-10k not available: %s\n", e.what());
    }
    for (int i = 1; i < argc; ++i) {
        try {
            const Project project = loadProject(argv[i]);
            Network network = networkFromProject(project);
            std::printf("\n%s\n", argv[i]);
            printScore("printed digits", score(network, printed));
            printScore("drawn digits", score(network, drawn));
            if (mnist)
                std::printf("  mnist-10k test   %6.2f%% of %zu images\n",
                            100.0 * evaluate(network, mnist->test, 10).accuracy, mnist->test.count());
        } catch (const std::exception& e) {
            std::printf("%s: %s\n", argv[i], e.what());
            return 1;
        }
    }
    return 0;
}
