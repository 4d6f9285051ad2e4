// Reads CSV/TSV text with libcsv (RFC 4180 quoting, CRLF or LF, UTF-8 with or without a BOM), detecting the
// delimiter among ',', ';' and tab, and checking limits and encoding as it reads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace neurite {

// Fills `buffer` with up to `capacity` bytes and returns how many; 0 at the end of the data.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t capacity)>;

// What the reader accepts before it refuses a file, checked while reading (never after allocating).
struct CsvLimits {
    std::size_t maxColumns = 10000;
    std::size_t maxCellBytes = std::size_t(1) << 20; // 1 MiB
    std::size_t maxRowBytes = std::size_t(16) << 20; // 16 MiB
    std::size_t maxRows = 100000000;
};

// Receives the cells of each row as the reader meets them; the text is valid only during the call.
// Rows are numbered as a spreadsheet numbers them: the header is row 1.
struct CsvFormat {
    char delimiter = ',';
    bool byteOrderMark = false;
    std::size_t rows = 0;    // rows read, the header included
    std::size_t columns = 0; // cells in the header
};

class CsvCellSink {
public:
    virtual ~CsvCellSink() = default;
    // Before the first cell: the delimiter found and whether there was a byte order mark.
    virtual void onFormat(const CsvFormat&) {}
    virtual void onCell(std::size_t row, std::size_t column, std::string_view text) = 0;
    virtual void onRowEnd(std::size_t row, std::size_t cells) = 0;
};

// Reads all of `source`, handing every cell to `sink`. Every row must have as many cells as the header
// (row 1). Throws NeuriteError naming `name` (the file), the row and the column for: an empty file, UTF-16
// text, NUL bytes or invalid UTF-8 (not a text table), broken quoting, ragged rows, more than the limits
// allow. Exceptions thrown by the sink pass through unchanged.
CsvFormat readCsv(const ByteSource& source, const std::string& name, CsvCellSink& sink, const CsvLimits& limits = {});

// A sink that gathers each row's cells and hands them on whole: for small tables and previews.
class CsvRowCollector : public CsvCellSink {
public:
    using RowHandler = std::function<void(std::size_t row, const std::vector<std::string_view>& cells)>;
    using FormatHandler = std::function<void(const CsvFormat&)>;
    explicit CsvRowCollector(RowHandler handler, FormatHandler format = {})
        : m_handler(std::move(handler)), m_format(std::move(format))
    {
    }
    void onFormat(const CsvFormat& format) override
    {
        if (m_format)
            m_format(format);
    }
    void onCell(std::size_t row, std::size_t column, std::string_view text) override;
    void onRowEnd(std::size_t row, std::size_t cells) override;

private:
    RowHandler m_handler;
    FormatHandler m_format;
    std::string m_bytes;
    std::vector<std::size_t> m_ends;
    std::vector<std::string_view> m_cells;
};

// A ByteSource over bytes in memory (which must outlive it).
ByteSource memorySource(std::string_view bytes);

} // namespace neurite
