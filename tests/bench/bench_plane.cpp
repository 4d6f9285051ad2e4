// What the live two-dimensional views cost: evaluatePlane over a 100x100 grid for the design a generated set
// gets without one (2 -> 16 tanh -> 16 tanh -> 2 softmax), with and without the neurons' 24x24 maps, on one
// thread and on all; then how much the views slow training down when the training thread refreshes them at
// most every 100 ms (or 50 ms) as the GUI's worker does: copy the weights into a second network, evaluate
// the plane and the neurons. Plain and viewed runs alternate, so that a busy machine slows both alike. Run by
// hand; never a CTest test. Usage: bench_plane [EPOCHS] [REPETITIONS]
#include "BenchTiming.h"
#include "neurite/DesignForData.h"
#include "neurite/PlaneView.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

using namespace neurite;
using neurite::bench::Clock;
using neurite::bench::median;
using neurite::bench::millisecondsSince;

namespace {

// The median time of one evaluatePlane call, in ms, over `runs` calls after a few to warm up.
double planeMilliseconds(Network& network, const PlaneInputs& inputs, int resolution, int neuronResolution, int runs)
{
    for (int i = 0; i < 5; ++i)
        evaluatePlane(network, inputs, PlaneBounds{}, resolution, neuronResolution);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        const PlaneGrid grid = evaluatePlane(network, inputs, PlaneBounds{}, resolution, neuronResolution);
        times.push_back(millisecondsSince(start));
        if (grid.output.empty())
            std::abort(); // keeps the call from being optimised away
    }
    return median(times);
}

void printPlaneCost(const Dataset& data, const PlaneInputs& inputs, int cores)
{
    Network network(designForData(data), 1);
    std::printf("evaluatePlane, the default plane design (%ld parameters), median ms of 300 calls\n",
                network.parameterCount());
    std::printf("  %-34s %10s %10s\n", "", "1 thread", std::to_string(cores).append(" threads").c_str());
    const struct {
        const char* name;
        int resolution, neurons;
    } cases[] = {{"100x100 plane", 100, 0}, {"100x100 plane + 24x24 neuron maps", 100, 24}, {"200x200 plane", 200, 0}};
    double plane = 0; // the 100x100 plane at the default thread count, as the playground draws it
    for (const auto& c : cases) {
        network.setThreads(1);
        const double one = planeMilliseconds(network, inputs, c.resolution, c.neurons, 300);
        network.setThreads(0);
        const double all = planeMilliseconds(network, inputs, c.resolution, c.neurons, 300);
        std::printf("  %-34s %10.3f %10.3f\n", c.name, one, all);
        plane = plane > 0 ? plane : all;
    }
    std::printf("Decision plane 100x100, default design, default threads: %.3f ms (target < 2 ms: %s)\n", plane,
                plane < 2.0 ? "met" : "not met");
}

// Refreshes the views from the training thread at most every `interval`, as the GUI's worker does.
class LiveViews : public ProgressSink {
public:
    LiveViews(Network& trained, const NetworkSpec& spec, const PlaneInputs& inputs, double intervalMs)
        : m_trained(trained), m_view(spec, 1), m_inputs(inputs), m_interval(intervalMs), m_last(Clock::now())
    {
    }
    void onBatch(const BatchReport&) override
    {
        if (millisecondsSince(m_last) < m_interval)
            return;
        m_last = Clock::now();
        m_view.setWeights(m_trained.weights());
        const PlaneGrid grid = evaluatePlane(m_view, m_inputs, PlaneBounds{}, 100, 24);
        m_refreshes += grid.output.empty() ? 0 : 1;
        m_spentMs += millisecondsSince(m_last);
    }
    int refreshes() const { return m_refreshes; }
    double spentMs() const { return m_spentMs; }

private:
    Network& m_trained;
    Network m_view;
    const PlaneInputs& m_inputs;
    double m_interval;
    Clock::time_point m_last;
    int m_refreshes = 0;
    double m_spentMs = 0;
};

// CPU seconds used by the whole process so far: on a machine shared with other work, less noisy than the
// wall clock, which counts the time other processes hold the cores.
double processCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

struct Run {
    double seconds = 0;    // the whole train() call
    double cpuSeconds = 0; // the CPU time it took (every thread of the process)
    int refreshes = 0;     // of the views
    double viewShare = 0;  // of the run's time spent refreshing the views
};

// Trains the default design for `epochs` epochs of the default settings, with views refreshed every
// `intervalMs` (0: none).
Run timedTraining(const Dataset& data, const PlaneInputs& inputs, int epochs, double intervalMs)
{
    const NetworkSpec spec = designForData(data);
    Network network(spec, 1);
    TrainingSettings settings = settingsForData(data);
    settings.epochs = epochs;
    LiveViews views(network, spec, inputs, intervalMs);
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuSeconds();
    train(network, data, settings, intervalMs > 0 ? &views : nullptr);
    const double ms = millisecondsSince(start);
    return {ms / 1000, processCpuSeconds() - cpuStart, views.refreshes(), views.spentMs() / ms};
}

// The median of one figure over runs.
template <typename Figure>
double medianOf(const std::vector<Run>& runs, Figure figure)
{
    std::vector<double> values;
    for (const Run& run : runs)
        values.push_back(figure(run));
    return median(values);
}

void printTrainingSlowdown(const Dataset& data, const PlaneInputs& inputs, int epochs, int repetitions)
{
    std::printf("\nTraining spiral (default design and settings, %d epochs of %zu points, batch 10), medians of %d\n"
                "interleaved runs; views: weights copied + 100x100 plane + 24x24 neuron maps on the training thread\n",
                epochs, data.train.count(), repetitions);
    const double intervals[] = {0, 100, 50};
    std::vector<Run> runs[3];
    for (int r = 0; r < repetitions; ++r)
        for (int i = 0; i < 3; ++i)
            runs[i].push_back(timedTraining(data, inputs, epochs, intervals[i]));
    const auto wall = [](const Run& run) { return run.seconds; };
    const auto cpu = [](const Run& run) { return run.cpuSeconds; };
    const auto share = [](const Run& run) { return run.viewShare; };
    const double plainWall = medianOf(runs[0], wall), plainCpu = medianOf(runs[0], cpu);
    std::printf("  %-20s %8s %8s %10s %10s %10s\n", "", "wall s", "CPU s", "wall ratio", "CPU ratio", "in views");
    for (int i = 0; i < 3; ++i) {
        const std::string name = i == 0 ? "no views" : "views every " + std::to_string(int(intervals[i])) + " ms";
        std::printf("  %-20s %8.3f %8.3f %10.3f %10.3f %9.2f%%  (%d refreshes)\n", name.c_str(),
                    medianOf(runs[i], wall), medianOf(runs[i], cpu), medianOf(runs[i], wall) / plainWall,
                    medianOf(runs[i], cpu) / plainCpu, 100 * medianOf(runs[i], share), runs[i].back().refreshes);
    }
    std::printf("  (each run, wall s:");
    for (int i = 0; i < 3; ++i)
        for (const Run& run : runs[i])
            std::printf(" %.3f", run.seconds);
    std::printf(")\n");
}

} // namespace

int main(int argc, char** argv)
{
    const int epochs = argc > 1 && std::atoi(argv[1]) > 0 ? std::atoi(argv[1]) : 20000;
    const int repetitions = argc > 2 && std::atoi(argv[2]) > 0 ? std::atoi(argv[2]) : 5;
    const Dataset data = loadTable("spiral", DataOptions{});
    const PlaneInputs inputs = *PlaneInputs::of(data.schema);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    printPlaneCost(data, inputs, cores);
    printTrainingSlowdown(data, inputs, epochs, repetitions);
    return 0;
}
