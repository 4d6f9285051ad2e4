// `neurite runs FILE.neurite`: lists the runs a project keeps, ranked, and edits them: rename, star,
// annotate, delete, restore one as the project's design and settings.
#include "Arguments.h"
#include "Commands.h"
#include "ConsoleFormat.h"
#include "SweepTableText.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"
#include "neurite/ProjectRuns.h"

#include <iostream>

namespace neurite::cli {
namespace {

// "RUN=VALUE" -> {RUN, VALUE}. Run names may hold '=' themselves ("lr=0.01 batch=32"), so RUN is the first
// prefix before an '=' that names a run.
std::pair<std::string, std::string> splitAtRunName(const Project& project, const std::string& text,
                                                   const std::string& option)
{
    for (std::size_t equals = text.find('='); equals != std::string::npos; equals = text.find('=', equals + 1))
        if (findRun(project, text.substr(0, equals)) >= 0)
            return {text.substr(0, equals), text.substr(equals + 1)};
    throw UsageError("--" + option + " takes RUN=VALUE, and no run is called '" + text.substr(0, text.find('=')) +
                     "' (see `neurite runs FILE`)");
}

// Applies the editing options, renames first (so the other options may use the new names); returns whether
// anything changed.
bool editRuns(const Arguments& a, Project& project)
{
    bool changed = false;
    for (const std::string& text : a.all("rename")) {
        const auto [from, to] = splitAtRunName(project, text, "rename");
        renameRun(project, runIndex(project, from), to);
        changed = true;
    }
    for (const std::string& name : a.all("star"))
        setRunStarred(project, runIndex(project, name), true), changed = true;
    for (const std::string& name : a.all("unstar"))
        setRunStarred(project, runIndex(project, name), false), changed = true;
    for (const std::string& text : a.all("note")) {
        const auto [name, note] = splitAtRunName(project, text, "note");
        setRunNote(project, runIndex(project, name), note);
        changed = true;
    }
    for (const std::string& name : a.all("delete"))
        deleteRun(project, runIndex(project, name)), changed = true;
    if (a.has("restore")) {
        restoreRun(project, runIndex(project, a.text("restore")));
        changed = true;
    }
    return changed;
}

void printRunDetails(const Project& project)
{
    for (const RunRecord& run : project.runs) {
        std::cout << (run.starred ? "* " : "  ") << run.name << "  " << run.date << "  " << run.dataSetName << "  "
                  << runMetricText(run) << "  " << runTimeText(run.seconds) << "  " << runOutcomeName(run.outcome)
                  << (run.weights ? "  weights kept" : "") << "\n";
        if (!run.note.empty())
            std::cout << "    " << run.note << "\n";
    }
}

} // namespace

int runRuns(const Args& args)
{
    Arguments a("neurite runs FILE.neurite [options]",
                "Lists the runs a project keeps, best first (rank, swept values, test metric, best validation,\n"
                "epochs, duration), then each run's name, date, data set and whether it kept its weights. The\n"
                "options edit the runs and save the project.",
                {{"star", "RUN", "star a run (a starred run keeps its weights)"},
                 {"unstar", "RUN", "remove a run's star"},
                 {"note", "RUN=TEXT", "annotate a run"},
                 {"rename", "OLD=NEW", "rename a run"},
                 {"delete", "RUN", "delete a run"},
                 {"restore", "RUN", "make a run's design and settings (and weights, if kept) the project's"}},
                1, 1);
    a.parse(args);
    if (a.helpRequested()) {
        std::cout << a.helpText();
        return 0;
    }
    const std::string path = a.positional()[0];
    Project project = loadProject(path);
    if (editRuns(a, project)) {
        saveProject(project, path);
        std::cout << "Saved " << path << "\n";
    }
    if (project.runs.empty()) {
        std::cout << path << " keeps no runs yet (train with --project " << path << ")\n";
        return 0;
    }
    printRunTable(project.runs, std::cout);
    std::cout << "\n";
    printRunDetails(project);
    return 0;
}

} // namespace neurite::cli
