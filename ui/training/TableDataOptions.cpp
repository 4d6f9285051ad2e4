// The engine's DataOptions for the data set a project's settings name.
#include "training/TableDataOptions.h"

namespace neurite::ui {

DataOptions dataOptionsFor(const TableSettings& table, const ImageSettings& image, const PlaneDataOptions& plane)
{
    DataOptions options;
    options.plane = plane; // a generated set's points, features and split
    options.target = table.target;
    options.testSplit = double(table.testSplit);
    // The target's role is said by `target`; a "target" entry for another column would mean two targets.
    for (const auto& [name, role] : table.columnRoles)
        if (role != ColumnRole::Target)
            options.columnRoles[name] = role;
    options.imageRows = image.rows;
    options.imageCols = image.cols;
    options.imageChannels = image.channels;
    return options;
}

} // namespace neurite::ui
