// Where a table's bytes come from: a file (plain or gzip-compressed), a built-in table compiled into the
// engine, or a generated two-dimensional set; each read opens the bytes afresh, so that a table can be read
// twice.
#pragma once

#include "data/CsvReader.h"
#include "neurite/PlaneData.h"

#include <functional>
#include <string>

namespace neurite {

struct TableSource {
    std::string name; // how messages name it: the path, or "iris"
    std::function<ByteSource()> open;
};

// Throws NeuriteError when `nameOrPath` is neither a built-in table nor a readable file. A generated set
// (circle, spiral, ...) is generated here, once, with `plane`, which it validates.
TableSource tableSource(const std::string& nameOrPath, const PlaneDataOptions& plane = {});

} // namespace neurite
