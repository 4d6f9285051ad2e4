// The built-in design template of a preset, for the tests that start from one.
#pragma once

#include "neurite/BuiltinTemplates.h"

#include <stdexcept>
#include <string>

namespace neurite::test {

// The template of `preset` ("playground", ...); throws when there is none.
inline const BuiltinTemplate& builtinTemplate(const std::string& preset)
{
    for (const BuiltinTemplate& t : builtinTemplates())
        if (t.preset == preset)
            return t;
    throw std::runtime_error("no built-in template of preset " + preset);
}

} // namespace neurite::test
