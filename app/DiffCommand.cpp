// `neurite diff A B`: the differences between two designs (projects, design files, ONNX models, presets or
// a project's run as FILE.neurite#RUN), and between two runs' settings; exit status 0 when equal, 1 when not.
#include "Arguments.h"
#include "Commands.h"
#include "neurite/DesignDiff.h"
#include "neurite/DesignFile.h"
#include "neurite/Error.h"
#include "neurite/ProjectRuns.h"
#include "neurite/SettingsDiff.h"

#include <filesystem>
#include <iostream>
#include <optional>

namespace neurite::cli {
namespace {

// One side of the comparison: a design, and the run it came from when it names one.
struct DiffSide {
    NetworkSpec design;
    std::optional<RunRecord> run;
};

// "preset:mlp", "FILE.neurite#run 3" (unless a file has that very name), or a file.
DiffSide loadSide(const std::string& text)
{
    if (text.rfind("preset:", 0) == 0) {
        const auto spec = preset(text.substr(7));
        if (!spec)
            throw UsageError("unknown preset '" + text.substr(7) + "' (choose mlp, logistic, lenet or resnet-small)");
        return {*spec, std::nullopt};
    }
    const std::size_t hash = text.rfind('#');
    if (hash != std::string::npos && !std::filesystem::exists(text)) {
        const std::string file = text.substr(0, hash);
        const Project project = loadProject(file);
        const RunRecord& run = project.runs[std::size_t(runIndex(project, text.substr(hash + 1)))];
        return {run.design, run};
    }
    return {loadProjectOrDesign(text).spec, std::nullopt};
}

std::string settingText(const std::string& value)
{
    return value.empty() ? "(none)" : value;
}

} // namespace

int runDiff(const Args& args)
{
    Arguments a("neurite diff A B",
                "Prints what differs between two designs: layers added (+), removed (-) and changed (~, with the\n"
                "options that differ), and wires added and removed. A and B are .neurite projects, design JSON\n"
                "files, ONNX models, preset:NAME, or FILE.neurite#RUN for the design a kept run trained (two runs\n"
                "also list their settings that differ). Layers are matched by id, then by type in design order.\n"
                "Exit status: 0 when equal, 1 when they differ, 2 on an error.",
                {}, 2, 2);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    DiffSide before, after;
    try {
        before = loadSide(a.positional()[0]);
        after = loadSide(a.positional()[1]);
    } catch (const NeuriteError& e) {
        // Like diff(1): 1 means "they differ", so a file that cannot be read is trouble (2).
        std::cerr << "neurite diff: " << e.what() << "\n";
        return 2;
    }
    const std::string designText = designDiffText(diffDesigns(before.design, after.design));
    std::cout << designText;
    bool differ = !designText.empty();
    if (before.run && after.run) {
        for (const SettingDifference& d : runSettingsDiff(*before.run, *after.run)) {
            if (d.key == "design")
                continue; // listed layer by layer above
            std::cout << "~ setting " << d.key << ": " << settingText(d.before) << " -> " << settingText(d.after)
                      << "\n";
            differ = true;
        }
    }
    return differ ? 1 : 0;
}

} // namespace neurite::cli
