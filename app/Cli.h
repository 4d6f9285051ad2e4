// The command line: `neurite` alone opens the designer; `neurite <command> ...` runs headless.
#pragma once

namespace neurite::cli {

// Dispatches to the GUI or a subcommand; returns the process exit status (2 for bad arguments).
int main(int argc, char** argv);

} // namespace neurite::cli
