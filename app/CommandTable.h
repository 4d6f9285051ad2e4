// The headless subcommands of `neurite` in one table: the help overview, the dispatch and `neurite help`
// are all generated from it, so a command cannot be listed without being runnable, or the reverse.
#pragma once

#include "Commands.h"

#include <span>
#include <string>
#include <string_view>

namespace neurite::cli {

struct Command {
    const char* name; // "train" for `neurite train`
    const char* help; // one line for the overview
    int (*run)(const Args& args);
};

// In the order the overview lists them.
std::span<const Command> commands();
// nullptr when there is no command of that name.
const Command* findCommand(std::string_view name);
// What `neurite --help` prints: usage, then one line per command.
std::string overviewText();

} // namespace neurite::cli
