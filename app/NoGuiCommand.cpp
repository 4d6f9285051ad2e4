// The designer's entry point in a build without the widgets (NEURITE_BUILD_UI=OFF): says so, and how to
// use the command line instead.
#include "Commands.h"

#include <iostream>

namespace neurite::cli {

int runGui(int, char**)
{
    std::cerr << "neurite: this build has no designer (configured with -DNEURITE_BUILD_UI=OFF).\n"
                 "Run `neurite --help` for the headless commands, or rebuild with -DNEURITE_BUILD_UI=ON.\n";
    return 2;
}

} // namespace neurite::cli
