// `neurite eval`: accuracy, per-class precision/recall/F1 and the confusion matrix of a trained project.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"

#include <iomanip>
#include <iostream>

namespace neurite::cli {

int runEval(const Args& args)
{
    Arguments a("neurite eval FILE.neurite [--data NAME|DIR]",
                "Evaluates a trained project on a data set's test images (default: the set it was trained on).",
                {{"data", "NAME|DIR", "mnist-10k, fashion-mnist, mnist, or a folder of IDX files"},
                 {"data-dir", "DIR", "where named data sets live"},
                 {"threads", "N", "worker threads (0 = all cores)"}},
                1, 1);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string path = a.positional()[0];
    const Project project = loadProject(path);
    if (!project.weights)
        throw NeuriteError(path + " has no trained weights: train it first (neurite train --design " + path +
                           " --out " + path + ").");
    const std::string dataName = a.text("data",
                                        project.dataSetName.empty() ? project.settings.dataSet : project.dataSetName);
    const Dataset data = loadDataset(dataName, a.text("data-dir"));
    Network network = networkFromProject(project);
    network.setThreads(int(a.integer("threads", 0, 0, 1024)));
    checkDataFitsNetwork(network, data);
    const int classes = data.classCount();
    const Evaluation e = evaluate(network, data.test, classes);

    std::cout << "Test accuracy: " << percent(e.accuracy) << "  loss " << fixed(e.loss, 4) << "  ("
              << withThousands(double(data.test.count())) << " images of " << data.name << ")\n\n";
    std::cout << std::left << std::setw(14) << "class" << std::right << std::setw(10) << "precision" << std::setw(10)
              << "recall" << std::setw(10) << "F1" << std::setw(10) << "images"
              << "\n";
    for (int c = 0; c < classes; ++c) {
        int count = 0;
        for (int k = 0; k < classes; ++k)
            count += e.confusion[c][k];
        std::cout << std::left << std::setw(14) << data.classNames[c] << std::right << std::setw(10)
                  << fixed(e.precision[c], 3) << std::setw(10) << fixed(e.recall[c], 3) << std::setw(10)
                  << fixed(e.f1[c], 3) << std::setw(10) << count << "\n";
    }
    std::cout << "\nConfusion matrix (rows: true class, columns: predicted)\n      ";
    for (int c = 0; c < classes; ++c)
        std::cout << std::setw(6) << c;
    std::cout << "\n";
    for (int r = 0; r < classes; ++r) {
        std::cout << std::setw(6) << r;
        for (int c = 0; c < classes; ++c)
            std::cout << std::setw(6) << e.confusion[r][c];
        std::cout << "\n";
    }
    return 0;
}

} // namespace neurite::cli
