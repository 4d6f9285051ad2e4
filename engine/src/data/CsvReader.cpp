// The CSV reader: libcsv does the quoting; this file detects the delimiter, checks the encoding and the
// limits as cells arrive, and turns libcsv's error codes into messages naming the row and column.
#include "data/CsvReader.h"

#include "data/TextChecks.h"
#include "neurite/Error.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <exception>
#include <memory>

namespace neurite {

namespace {

constexpr std::size_t kChunkBytes = std::size_t(1) << 20;
constexpr std::size_t kSniffBytes = std::size_t(64) << 10; // the start the delimiter is guessed from
// The first read: the sniffed start, a byte order mark and one byte more, which tells whether the file ended.
constexpr std::size_t kFirstChunkBytes = kSniffBytes + 8;
constexpr std::size_t kSniffRows = 20;
constexpr std::size_t kGrowBytes = 4096; // libcsv grows a cell's buffer by this much at a time
constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};

// libcsv has no limit of its own on a cell: it grows its buffer through this function, which refuses to
// go past the cap so that the parser stops with CSV_ENOMEM instead of allocating without bound.
thread_local std::size_t t_cellBufferCap = 0;

void* cappedRealloc(void* pointer, std::size_t size)
{
    return size > t_cellBufferCap ? nullptr : std::realloc(pointer, size);
}

int isSpace(unsigned char c)
{
    return c == ' ';
}

// An initialised libcsv parser, freed on every path. `cellBufferCap` bounds its cell buffer (see
// cappedRealloc); it is this thread's cap from here on, so that no parser runs with a cap some earlier
// one left (the delimiter sniffing once did: on a thread's first read the cap was 0, every cell failed
// and the file was taken as comma-separated whatever it was).
class Parser {
public:
    Parser(char delimiter, unsigned char options, std::size_t cellBufferCap)
    {
        t_cellBufferCap = cellBufferCap;
        if (csv_init(&m_parser, options) != 0)
            throw NeuriteError("cannot start the CSV parser");
        csv_set_delim(&m_parser, static_cast<unsigned char>(delimiter));
        // In a tab-separated file a tab is a delimiter, never padding to trim. (Otherwise libcsv's own test
        // for a space or a tab, which it inlines, applies.)
        if (delimiter == '\t')
            csv_set_space_func(&m_parser, isSpace);
        csv_set_realloc_func(&m_parser, cappedRealloc);
        csv_set_blk_size(&m_parser, kGrowBytes);
    }
    ~Parser() { csv_free(&m_parser); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    csv_parser* get() { return &m_parser; }

private:
    csv_parser m_parser{};
};

// Cells per row of the first rows of `sample` when split at `delimiter`.
struct SniffCounts {
    std::vector<std::size_t> rows; // complete rows
    std::size_t cells = 0;         // cells of the row being read
};

void sniffCell(void*, std::size_t, void* data)
{
    ++static_cast<SniffCounts*>(data)->cells;
}

void sniffRowEnd(int, void* data)
{
    auto* counts = static_cast<SniffCounts*>(data);
    if (counts->rows.size() < kSniffRows)
        counts->rows.push_back(counts->cells);
    counts->cells = 0;
}

SniffCounts sniff(std::string_view sample, char delimiter, bool wholeFile)
{
    SniffCounts counts;
    Parser parser(delimiter, 0, sample.size() + kGrowBytes); // no cell is longer than the sample
    csv_parse(parser.get(), sample.data(), sample.size(), sniffCell, sniffRowEnd, &counts);
    if (wholeFile)
        csv_fini(parser.get(), sniffCell, sniffRowEnd, &counts);
    return counts;
}

// The delimiter that splits the first rows into the same number (at least 2) of cells, the most cells
// winning; else the one giving the header the most cells; else a comma.
char detectDelimiter(std::string_view sample, bool wholeFile)
{
    char best = ',';
    std::size_t bestCells = 1;
    bool bestConsistent = false;
    for (char delimiter : kDelimiters) {
        const SniffCounts counts = sniff(sample, delimiter, wholeFile);
        const std::size_t header = counts.rows.empty() ? counts.cells : counts.rows.front();
        const bool consistent = !counts.rows.empty() &&
                                std::all_of(counts.rows.begin(), counts.rows.end(),
                                            [&](std::size_t n) { return n == counts.rows.front(); });
        const bool better = (consistent && !bestConsistent && header >= 2) ||
                            (consistent == bestConsistent && header > bestCells);
        if (better) {
            best = delimiter;
            bestCells = header;
            bestConsistent = consistent;
        }
    }
    return best;
}

// "1 MiB", "100 bytes".
std::string sizeText(std::size_t bytes)
{
    constexpr std::size_t kMiB = std::size_t(1) << 20;
    return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MiB" : std::to_string(bytes) + " bytes";
}

// The state the libcsv callbacks share while one file is read.
struct ReadState {
    CsvCellSink* sink = nullptr;
    const CsvLimits* limits = nullptr;
    std::string name;
    std::size_t row = 1;
    std::size_t column = 0;
    std::size_t rowBytes = 0;
    std::size_t headerColumns = 0;
    std::string error;         // a problem the reader found, reported once csv_parse returns
    std::exception_ptr thrown; // an exception of the sink, rethrown once csv_parse returns
    bool failed() const { return !error.empty() || thrown; }

    void fail(const std::string& what)
    {
        if (!failed())
            error = name + ", " + what;
    }
    std::string where() const { return "row " + std::to_string(row) + ", column " + std::to_string(column + 1); }
};

void checkCell(ReadState& s, std::string_view text)
{
    if (s.row > s.limits->maxRows + 1)
        return s.fail("row " + std::to_string(s.row) + ": more than " + std::to_string(s.limits->maxRows) +
                      " rows of data; a table may have at most " + std::to_string(s.limits->maxRows));
    if (s.column >= s.limits->maxColumns)
        return s.fail("row " + std::to_string(s.row) + ": more than " + std::to_string(s.limits->maxColumns) +
                      " columns; a table may have at most " + std::to_string(s.limits->maxColumns));
    if (s.row > 1 && s.column >= s.headerColumns)
        return s.fail("row " + std::to_string(s.row) + ": more cells than the " + std::to_string(s.headerColumns) +
                      " columns of the header (row 1)");
    // libcsv's buffer may grow a block past the cap (cappedRealloc); the limit itself is exact.
    if (text.size() > s.limits->maxCellBytes)
        return s.fail(s.where() + ": a cell longer than " + sizeText(s.limits->maxCellBytes));
    if (const TextProblem problem = checkText(text); problem != TextProblem::None)
        return s.fail(s.where() + ": " +
                      (problem == TextProblem::NulByte ? "a NUL byte" : "bytes that are not UTF-8 text") +
                      ": this is not a text table (a binary file, or text in another encoding)");
    s.rowBytes += text.size();
    if (s.rowBytes > s.limits->maxRowBytes)
        s.fail("row " + std::to_string(s.row) + ": longer than " + sizeText(s.limits->maxRowBytes));
}

void onCell(void* bytes, std::size_t size, void* data)
{
    auto& s = *static_cast<ReadState*>(data);
    if (s.failed())
        return;
    const std::string_view text(static_cast<const char*>(bytes), bytes ? size : 0);
    checkCell(s, text);
    if (s.failed())
        return;
    // No exception may unwind through libcsv's C frames: it is kept and rethrown after csv_parse.
    try {
        s.sink->onCell(s.row, s.column, text);
    } catch (...) {
        s.thrown = std::current_exception();
    }
    ++s.column;
}

void onRowEnd(int, void* data)
{
    auto& s = *static_cast<ReadState*>(data);
    if (s.failed())
        return;
    if (s.row == 1)
        s.headerColumns = s.column;
    else if (s.column != s.headerColumns)
        return s.fail("row " + std::to_string(s.row) + ": " + std::to_string(s.column) +
                      (s.column == 1 ? " cell" : " cells") + " but the header (row 1) has " +
                      std::to_string(s.headerColumns) + " columns");
    try {
        s.sink->onRowEnd(s.row, s.column);
    } catch (...) {
        s.thrown = std::current_exception();
        return;
    }
    ++s.row;
    s.column = 0;
    s.rowBytes = 0;
}

// Throws what the callbacks found, or libcsv's own error as a message naming the cell it stopped in.
void throwIfFailed(ReadState& s, csv_parser* parser, bool parsedAll, bool atEnd)
{
    if (s.thrown)
        std::rethrow_exception(s.thrown);
    if (!s.error.empty())
        throw NeuriteError(s.error);
    if (parsedAll)
        return;
    const int code = csv_error(parser);
    if (code == CSV_ENOMEM || code == CSV_ETOOBIG)
        throw NeuriteError(s.name + ", " + s.where() + ": a cell longer than " + sizeText(s.limits->maxCellBytes));
    if (atEnd)
        throw NeuriteError(s.name + ", " + s.where() +
                           ": a quoted cell is not closed before the end of the file (a missing \")");
    throw NeuriteError(s.name + ", " + s.where() +
                       ": a quote inside a cell that is not quoted, or text after a closing quote: quote the whole "
                       "cell and double each quote inside it (\"say \"\"hi\"\"\")");
}

// Reads until `buffer` holds `want` bytes or the source ends.
std::size_t fill(const ByteSource& source, char* buffer, std::size_t want)
{
    std::size_t size = 0;
    while (size < want) {
        const std::size_t got = source(buffer + size, want - size);
        if (got == 0)
            break;
        size += got;
    }
    return size;
}

// Skips a UTF-8 byte order mark; refuses UTF-16 (its NUL bytes would be reported as binary junk otherwise).
std::size_t skipByteOrderMark(const std::string& name, std::string_view start, CsvFormat& format)
{
    if (start.size() >= 2 && ((start[0] == '\xff' && start[1] == '\xfe') || (start[0] == '\xfe' && start[1] == '\xff')))
        throw NeuriteError(name + " is UTF-16 text: save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)");
    format.byteOrderMark = start.substr(0, 3) == "\xef\xbb\xbf";
    return format.byteOrderMark ? 3 : 0;
}

} // namespace

CsvFormat readCsv(const ByteSource& source, const std::string& name, CsvCellSink& sink, const CsvLimits& limits)
{
    // A small first buffer, and none of it cleared: a table is read two or three times, and clearing a
    // 1 MB buffer each time (mapping and unmapping it, under AddressSanitizer) was most of the time of
    // reading a small one. Only the `size` bytes read are ever looked at.
    std::size_t chunk = kFirstChunkBytes;
    std::unique_ptr<char[]> buffer = std::make_unique_for_overwrite<char[]>(chunk);
    std::size_t size = fill(source, buffer.get(), chunk);
    CsvFormat format;
    const std::size_t skip = skipByteOrderMark(name, std::string_view(buffer.get(), size), format);
    const std::string_view first(buffer.get() + skip, size - skip);
    const bool wholeFile = size < chunk;
    format.delimiter = detectDelimiter(first.substr(0, kSniffBytes), wholeFile && first.size() <= kSniffBytes);

    sink.onFormat(format);
    ReadState state;
    state.sink = &sink;
    state.limits = &limits;
    state.name = name;
    Parser parser(format.delimiter, CSV_STRICT | CSV_STRICT_FINI, limits.maxCellBytes + kGrowBytes);
    std::size_t offset = skip;
    while (size > offset) {
        const std::size_t length = size - offset;
        const std::size_t used = csv_parse(parser.get(), buffer.get() + offset, length, onCell, onRowEnd, &state);
        throwIfFailed(state, parser.get(), used == length, false);
        if (size == chunk && chunk < kChunkBytes) { // more to come: read the rest in larger pieces
            chunk = kChunkBytes;
            buffer = std::make_unique_for_overwrite<char[]>(chunk);
        }
        size = fill(source, buffer.get(), chunk);
        offset = 0;
    }
    const bool finished = csv_fini(parser.get(), onCell, onRowEnd, &state) == 0 && csv_error(parser.get()) == 0;
    throwIfFailed(state, parser.get(), finished, true);
    if (state.row == 1)
        throw NeuriteError(name + " is empty: a table needs a header row and at least one row of data");
    format.rows = state.row - 1;
    format.columns = state.headerColumns;
    return format;
}

void CsvRowCollector::onCell(std::size_t, std::size_t, std::string_view text)
{
    m_bytes.append(text);
    m_ends.push_back(m_bytes.size());
}

void CsvRowCollector::onRowEnd(std::size_t row, std::size_t)
{
    m_cells.clear();
    std::size_t start = 0;
    for (std::size_t end : m_ends) {
        m_cells.emplace_back(m_bytes.data() + start, end - start);
        start = end;
    }
    m_handler(row, m_cells);
    m_bytes.clear();
    m_ends.clear();
}

ByteSource memorySource(std::string_view bytes)
{
    return [bytes, offset = std::size_t(0)](char* buffer, std::size_t capacity) mutable {
        const std::size_t n = std::min(capacity, bytes.size() - offset);
        std::copy_n(bytes.data() + offset, n, buffer);
        offset += n;
        return n;
    };
}

} // namespace neurite
