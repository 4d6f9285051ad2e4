// Parsing the data options; the roles' names are the data schema's.
#include "DataArguments.h"

#include <limits>

namespace neurite::cli {

std::vector<OptionSpec> dataOptionSpecs()
{
    return {{"data-dir", "DIR", "where named data sets live (default $NEURITE_DATA_DIR or ~/.local/share/neurite)"},
            {"target", "COLUMN", "tables: the column to predict (default: the last column)"},
            {"test-split", "X", "tables: the share of rows held out for testing, stratified by class (default 0.2)"},
            {"split-seed", "N", "tables: the seed that chooses the test rows (default 1)"},
            {"column", "NAME=ROLE", "tables: a column's role, numeric, categorical or ignored (repeat for more)"}};
}

DataOptions dataOptions(const Arguments& a)
{
    DataOptions options;
    options.dataDir = a.text("data-dir");
    options.target = a.text("target");
    options.testSplit = a.real("test-split", options.testSplit, 0, 0.9);
    options.splitSeed = std::uint64_t(
        a.integer("split-seed", long(options.splitSeed), 0, std::numeric_limits<long>::max()));
    for (const std::string& setting : a.all("column")) {
        // Roles hold no '=', so a column name may.
        const std::size_t equals = setting.rfind('=');
        if (equals == std::string::npos || equals == 0)
            throw UsageError("--column expects NAME=ROLE (numeric, categorical or ignored), not '" + setting + "'");
        const std::string name = setting.substr(0, equals), role = setting.substr(equals + 1);
        if (role == "numeric")
            options.columnRoles[name] = ColumnRole::Numeric;
        else if (role == "categorical")
            options.columnRoles[name] = ColumnRole::Categorical;
        else if (role == "ignored")
            options.columnRoles[name] = ColumnRole::Ignored;
        else
            throw UsageError("--column " + setting + ": the role must be numeric, categorical or ignored");
    }
    return options;
}

} // namespace neurite::cli
