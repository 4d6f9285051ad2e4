// Raw rows of a table for a trained model: streamed as text, or encoded with the model's schema for eval.
#include "neurite/TableData.h"
#include "neurite/TableEncoder.h"

#include "data/TableColumns.h"
#include "data/TableSource.h"
#include "neurite/Error.h"

namespace neurite {

void readTableRows(const std::string& nameOrPath, const TableHeaderHandler& onHeader, const TableRowHandler& onRow,
                   const PlaneDataOptions& plane)
{
    const TableSource source = tableSource(nameOrPath, plane);
    char delimiter = ',';
    std::size_t rows = 0;
    CsvRowCollector collector(
        [&](std::size_t row, const std::vector<std::string_view>& cells) {
            if (row > 1) {
                ++rows;
                onRow(row, cells);
                return;
            }
            std::vector<std::string> header;
            for (std::size_t i = 0; i < cells.size(); ++i)
                header.push_back(headerName(cells[i], i));
            onHeader(header, delimiter);
        },
        [&](const CsvFormat& format) { delimiter = format.delimiter; });
    readCsv(source.open(), source.name, collector);
    if (rows == 0)
        throw NeuriteError(source.name + " has a header but no rows of data");
}

Dataset loadTableWithSchema(const std::string& nameOrPath, const DataSchema& schema, std::size_t* droppedRows,
                            const PlaneDataOptions& plane)
{
    TableEncoder encoder(schema);
    Dataset data;
    data.name = nameOrPath;
    data.source = nameOrPath;
    data.schema = schema;
    const int target = schema.targetColumn();
    if (target < 0)
        throw NeuriteError("The model's data schema has no target column");
    if (schema.task == TaskKind::Classification)
        data.classNames = schema.columns[std::size_t(target)].categories;
    SampleSet& set = data.test;
    set.kind = data.train.kind = SampleKind::TableRow;
    set.channels = set.rows = data.train.channels = data.train.rows = 1;
    set.cols = data.train.cols = encoder.width();
    std::size_t dropped = 0;
    std::vector<float> encoded(std::size_t(encoder.width()));
    readTableRows(
        nameOrPath,
        [&](const std::vector<std::string>& header, char delimiter) {
            encoder.bindHeader(header, nameOrPath, delimiter);
            if (!encoder.hasTarget())
                throw NeuriteError(nameOrPath + " has no column '" + schema.columns[std::size_t(target)].name +
                                   "' (the target) to compare the predictions with");
        },
        [&](std::size_t row, const std::vector<std::string_view>& cells) {
            int label = 0;
            double value = 0;
            if (!encoder.readTarget(cells, row, label, value)) {
                ++dropped;
                return;
            }
            encoder.encodeRow(cells, row, encoded.data());
            set.values.insert(set.values.end(), encoded.begin(), encoded.end());
            if (schema.task == TaskKind::Classification)
                set.labels.push_back(std::uint8_t(label));
            else
                set.targets.push_back(encoder.standardisedTarget(value));
        },
        plane);
    if (set.count() == 0)
        throw NeuriteError(nameOrPath + ": the target '" + schema.columns[std::size_t(target)].name +
                           "' is empty in every row");
    if (droppedRows)
        *droppedRows = dropped;
    return data;
}

} // namespace neurite
