// Where a table's bytes come from: a file (plain or gzip-compressed) or a built-in table compiled into the
// engine; each read opens the bytes afresh, so that a table can be read twice.
#pragma once

#include "data/CsvReader.h"

#include <functional>
#include <string>

namespace neurite {

struct TableSource {
    std::string name; // how messages name it: the path, or "iris"
    std::function<ByteSource()> open;
};

// Throws NeuriteError when `nameOrPath` is neither a built-in table nor a readable file.
TableSource tableSource(const std::string& nameOrPath);

} // namespace neurite
