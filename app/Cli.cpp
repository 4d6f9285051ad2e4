// Dispatch: no arguments (or a project or design file) opens the designer; otherwise a headless subcommand
// from the command table.
#include "Cli.h"

#include "Arguments.h"
#include "CommandTable.h"
#include "ImageSamples.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <iostream>
#include <new>

namespace neurite::cli {
namespace {

// A first argument that names a file the designer opens: `neurite net.neurite`, `neurite design.json`,
// `neurite model.onnx`.
bool opensTheDesigner(int argc, char** argv)
{
    if (argc < 2)
        return true;
    const std::string first = argv[1];
    const auto isFile = [&](const std::string& suffix) {
        return first.size() > suffix.size() && first.ends_with(suffix);
    };
    return isFile(".neurite") || isFile(".json") || isFile(".onnx");
}

bool isVersionRequest(const std::string& argument)
{
    return argument == "--version" || argument == "-V" || argument == "version";
}

bool isHelpRequest(const std::string& argument)
{
    return argument == "--help" || argument == "-h" || argument == "help";
}

// `neurite help` prints the overview; `neurite help train` is `neurite train --help`.
int printHelp(int argc, char** argv)
{
    if (argc < 3) {
        std::cout << overviewText();
        return 0;
    }
    const Command* command = findCommand(argv[2]);
    if (!command) {
        std::cerr << "neurite: unknown command '" << argv[2] << "'\n\n" << overviewText();
        return 2;
    }
    return command->run({"--help"});
}

// Runs `command`, turning the errors a user can cause into a message and an exit status.
int runReportingErrors(const Command& command, const Args& args)
{
    try {
        return command.run(args);
    } catch (const UsageError& e) {
        std::cerr << "neurite " << command.name << ": " << e.what() << "\n";
        return 2;
    } catch (const NeuriteError& e) {
        std::cerr << "neurite " << command.name << ": " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "neurite " << command.name << ": out of memory\n";
        return 1;
    }
}

} // namespace

int main(int argc, char** argv)
{
    // Image files (data folders, predict, the Predict tab) are read by Qt's readers in every command.
    render::installImageDecoder();
    if (opensTheDesigner(argc, argv))
        return runGui(argc, argv);
    const std::string name = argv[1];
    if (isVersionRequest(name)) {
        // The version CMake's project() declares, as the About box shows it.
        std::cout << "neurite " << neuriteVersion() << "\n";
        return 0;
    }
    if (isHelpRequest(name))
        return printHelp(argc, argv);
    const Command* command = findCommand(name);
    if (!command) {
        std::cerr << "neurite: unknown command '" << name << "'\n\n" << overviewText();
        return 2;
    }
    return runReportingErrors(*command, Args(argv + 2, argv + argc));
}

} // namespace neurite::cli
