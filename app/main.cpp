// Entry point: the designer with no arguments, the headless command line with a subcommand.
#include "Cli.h"

int main(int argc, char** argv)
{
    return neurite::cli::main(argc, argv);
}
