// Tables (CSV or TSV files, and the built-in iris) as data sets: loading one into encoded rows with the
// column roles inferred, the report of what loading found (for previews and the command line), and reading
// raw rows for a trained model.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/DataSets.h"
#include "neurite/Dataset.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace neurite {

constexpr int kHistogramBins = 10;
// A categorical column may have at most this many categories (one input value each).
constexpr std::size_t kMaxCategories = 1000;
// A numeric target with at most this many distinct whole numbers is read as classes ("0", "1", "2").
constexpr std::size_t kMaxNumberClasses = 20;

// What a column's filled cells hold.
enum class ValueType { Number, Text };

// One column as loading saw it, over the rows kept (those with a target value).
struct ColumnSummary {
    std::string name;
    ColumnRole role = ColumnRole::Numeric;
    ValueType type = ValueType::Number;
    std::string reason;       // why it has its role: "numbers", "3 categories", "identifier-like: ..."
    std::size_t missing = 0;  // empty, NA, NaN, ? cells
    std::size_t distinct = 0; // distinct filled values
    // Number columns: the range and mean of the filled cells, and kHistogramBins equal bins from min to max.
    double min = 0, max = 0, mean = 0;
    std::vector<std::size_t> histogram;
    // Text columns: the categories (the encoding's order; for an ignored column its first values) and how
    // many rows hold each.
    std::vector<std::string> categories;
    std::vector<std::size_t> categoryCounts;
};

struct TableReport {
    std::string file;
    char delimiter = ',';
    bool byteOrderMark = false;
    std::size_t rows = 0;         // data rows in the file (the header not counted)
    std::size_t droppedRows = 0;  // rows whose target is missing: left out
    std::size_t trainRows = 0;    // the training split
    std::size_t testRows = 0;     // the test split
    std::size_t imputedCells = 0; // missing input cells, filled from the training split
    std::string target;
    TaskKind task = TaskKind::Classification;
    int encodedWidth = 0;                 // values per encoded row: the network's input size
    std::vector<ColumnSummary> columns;   // file order, the target included
    std::vector<std::string> classNames;  // classification
    std::vector<std::size_t> classCounts; // kept rows per class
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> firstRows; // up to 10 data rows as they are in the file

    const ColumnSummary* column(const std::string& name) const;
};

// Built-in tables that load like files: "iris" (150 flowers, 4 measurements, 3 species), then the generated
// two-dimensional sets of neurite/PlaneData.h (circle, xor, gauss, spiral, blobs, plane, gauss-regression).
std::vector<std::string> builtinTableNames();
bool isBuiltinTable(const std::string& name);
// Whether loadDataset reads `nameOrPath` as a table: a built-in table or a file (not a folder).
bool isTable(const std::string& nameOrPath);

// Loads a table: the target is options.target (default: the last column), roles are inferred unless
// options.columnRoles sets them, rows are split (stratified for classes) by options.testSplit and
// options.splitSeed, missing values are imputed and numbers standardised with the training split's
// statistics (kept in the returned schema). A generated set is generated from options.plane, its target
// read as classes or as a value as the set says, and split by its test ratio and seed. `report` (optional) receives
// what was found. Throws NeuriteError naming the file, row and column for every problem (see the README's "Your own
// tables").
Dataset loadTable(const std::string& nameOrPath, const DataOptions& options, TableReport* report = nullptr);

// Reads a table's header and rows as text, streaming: `onHeader` once with the column names and the
// delimiter found, then `onRow` per data row (numbered as a spreadsheet does: the first data row is row 2).
// Checks the file as loadTable does; a header without rows is an error. A generated set is generated with
// `plane`.
using TableHeaderHandler = std::function<void(const std::vector<std::string>& header, char delimiter)>;
using TableRowHandler = std::function<void(std::size_t row, const std::vector<std::string_view>& cells)>;
void readTableRows(const std::string& nameOrPath, const TableHeaderHandler& onHeader, const TableRowHandler& onRow,
                   const PlaneDataOptions& plane = {});

// Every row of a table whose target is filled, encoded with a trained schema, as the test set (the training
// set stays empty): what `neurite eval --data FILE.csv` measures. Columns are found by name; extra ones are
// ignored, a missing input or target column is an error naming it. `droppedRows` (optional) receives the
// number of rows without a target. A generated set is generated with `plane`.
Dataset loadTableWithSchema(const std::string& nameOrPath, const DataSchema& schema, std::size_t* droppedRows = nullptr,
                            const PlaneDataOptions& plane = {});

// "comma", "semicolon", "tab".
std::string delimiterName(char delimiter);

} // namespace neurite
