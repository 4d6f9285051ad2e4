// The Neurite version, as CMake's project() declares it, for files the engine writes.
#include "neurite/ModelExport.h"

#ifndef NEURITE_VERSION_STRING
#define NEURITE_VERSION_STRING "0.0.0"
#endif

namespace neurite {

std::string neuriteVersion()
{
    return NEURITE_VERSION_STRING;
}

} // namespace neurite
