// The user's two-dimensional points as CSV files: written with exact numbers, and read from any table of two
// numeric columns and a target through the table reader (its limits, quoting and encoding checks).
#include "neurite/PlanePointsCsv.h"

#include "data/TableCells.h"
#include "data/TableColumns.h"
#include "io/AtomicFile.h"
#include "neurite/Error.h"
#include "neurite/TableData.h"
#include "neurite/TablePredictions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace neurite {

namespace {

// Columns that name the target, in order of preference.
constexpr const char* kTargetNames[] = {"label", "class", "target", "value", "y"};
// Distinct targets remembered: one more than the classes allowed, to tell that there are too many.
constexpr std::size_t kTrackedTargets = std::size_t(kMaxPaintedClasses) + 1;

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

std::size_t findTarget(const std::vector<std::string>& header)
{
    std::vector<std::string> names;
    for (const std::string& name : header)
        names.push_back(lowerCase(name));
    // Beside an x column, y is the second coordinate rather than the target.
    const bool hasX = std::find(names.begin(), names.end(), "x") != names.end();
    for (const char* name : kTargetNames)
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name && !(hasX && names[i] == "y"))
                return i;
    return header.size() - 1;
}

// One data row as read: its point, its target as a number (NaN when it is text), and the index of its text
// among the distinct texts (-1 past the ones remembered).
struct ReadRow {
    double x1 = 0;
    double x2 = 0;
    double number = 0;
    int text = -1;
};

class PointsReader {
public:
    explicit PointsReader(std::string file) : m_file(std::move(file)) {}

    void readHeader(const std::vector<std::string>& header, char delimiter);
    void readRow(std::size_t row, const std::vector<std::string_view>& cells);
    PaintedPoints points() const;

private:
    std::string at(std::size_t row, std::size_t column) const
    {
        return m_file + ", row " + std::to_string(row) + ", column '" + m_header[column] + "': ";
    }
    double coordinate(std::size_t row, std::size_t column, std::string_view text) const;
    void readTarget(std::size_t row, std::string_view text, ReadRow& read);
    PaintedPoints classesByText() const;
    PaintedPoints classesByNumber() const;

    std::string m_file;
    std::vector<std::string> m_header;
    std::size_t m_x1 = 0, m_x2 = 1, m_target = 2;
    bool m_decimalComma = false;
    std::vector<ReadRow> m_rows;
    std::vector<std::string> m_texts; // distinct target texts, up to kTrackedTargets
    std::vector<double> m_numbers;    // distinct target numbers, up to kTrackedTargets
    bool m_allNumbers = true;
    bool m_allWhole = true;
    std::size_t m_tooManyRow = 0; // the row whose text was one class too many
};

void PointsReader::readHeader(const std::vector<std::string>& header, char delimiter)
{
    m_header = header;
    m_decimalComma = delimiter == ';';
    const std::string expected = ": a set of points has two numeric input columns (x1, x2) and a target (a column "
                                 "named label, class, target, value or y, else the last one)";
    if (header.size() < 3)
        throw NeuriteError(m_file + " has " + std::to_string(header.size()) + " column" +
                           (header.size() == 1 ? "" : "s") + expected);
    m_target = findTarget(header);
    std::vector<std::size_t> inputs;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (i != m_target)
            inputs.push_back(i);
    if (inputs.size() > 2)
        throw NeuriteError(m_file + ", column '" + header[inputs[2]] + "' (column " + std::to_string(inputs[2] + 1) +
                           ") is a third input column" + expected);
    m_x1 = inputs[0];
    m_x2 = inputs[1];
}

double PointsReader::coordinate(std::size_t row, std::size_t column, std::string_view text) const
{
    const CellValue cell = parseCell(text, m_decimalComma);
    switch (cell.kind) {
    case CellKind::Number: return cell.number;
    case CellKind::Missing: throw NeuriteError(at(row, column) + "empty, but every point needs both coordinates");
    case CellKind::NonFinite:
        throw NeuriteError(at(row, column) + "'" + std::string(categoryText(text)) + "' is not a finite number");
    case CellKind::Text:
        throw NeuriteError(at(row, column) + "'" + std::string(categoryText(text)) +
                           "' is not a number (a point's coordinates are numbers)");
    }
    return 0;
}

void PointsReader::readTarget(std::size_t row, std::string_view text, ReadRow& read)
{
    const CellValue cell = parseCell(text, m_decimalComma);
    if (cell.kind == CellKind::Missing)
        throw NeuriteError(at(row, m_target) + "empty, but every point needs a class or a value (the target)");
    if (cell.kind == CellKind::NonFinite)
        throw NeuriteError(at(row, m_target) + "'" + std::string(categoryText(text)) + "' is not a finite number");
    read.number = cell.kind == CellKind::Number ? cell.number : std::numeric_limits<double>::quiet_NaN();
    if (cell.kind == CellKind::Number) {
        m_allWhole &= cell.number == std::floor(cell.number);
        if (m_numbers.size() < kTrackedTargets &&
            std::find(m_numbers.begin(), m_numbers.end(), cell.number) == m_numbers.end())
            m_numbers.push_back(cell.number);
    } else {
        m_allNumbers = false;
    }
    const std::string_view name = categoryText(text);
    const auto found = std::find(m_texts.begin(), m_texts.end(), name);
    if (found != m_texts.end()) {
        read.text = int(found - m_texts.begin());
    } else if (m_texts.size() < kTrackedTargets) {
        read.text = int(m_texts.size());
        m_texts.emplace_back(name);
        if (m_texts.size() == kTrackedTargets)
            m_tooManyRow = row;
    }
}

void PointsReader::readRow(std::size_t row, const std::vector<std::string_view>& cells)
{
    if (m_rows.size() == kMaxPaintedPoints)
        throw NeuriteError(m_file + ", row " + std::to_string(row) + ": more than " +
                           std::to_string(kMaxPaintedPoints) + " points; a set of points may have at most that many");
    ReadRow read;
    read.x1 = coordinate(row, m_x1, cells[m_x1]);
    read.x2 = coordinate(row, m_x2, cells[m_x2]);
    readTarget(row, cells[m_target], read);
    m_rows.push_back(read);
}

// Text classes, in the order of their bytes.
PaintedPoints PointsReader::classesByText() const
{
    if (m_texts.size() > std::size_t(kMaxPaintedClasses))
        throw NeuriteError(at(m_tooManyRow, m_target) + "a 9th class ('" + m_texts.back() + "'); a set of points " +
                           "may have at most " + std::to_string(kMaxPaintedClasses) + " classes");
    std::vector<int> order(m_texts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return m_texts[std::size_t(a)] < m_texts[std::size_t(b)]; });
    PaintedPoints painted;
    std::vector<int> indexOfText(m_texts.size());
    for (std::size_t c = 0; c < order.size(); ++c) {
        indexOfText[std::size_t(order[c])] = int(c);
        painted.classes.push_back(m_texts[std::size_t(order[c])]);
    }
    for (const ReadRow& row : m_rows)
        painted.points.push_back({row.x1, row.x2, double(indexOfText[std::size_t(row.text)])});
    return painted;
}

// Whole-number classes, in the order of their values and named by their shortest spelling.
PaintedPoints PointsReader::classesByNumber() const
{
    std::vector<double> values = m_numbers;
    std::sort(values.begin(), values.end());
    PaintedPoints painted;
    for (double value : values)
        painted.classes.push_back(classNameOfNumber(value));
    for (const ReadRow& row : m_rows) {
        const auto index = std::lower_bound(values.begin(), values.end(), row.number) - values.begin();
        painted.points.push_back({row.x1, row.x2, double(index)});
    }
    return painted;
}

PaintedPoints PointsReader::points() const
{
    PaintedPoints painted;
    if (!m_allNumbers) {
        painted = classesByText();
    } else if (m_allWhole && m_numbers.size() <= std::size_t(kMaxPaintedClasses)) {
        painted = classesByNumber();
    } else {
        painted.regression = true;
        for (const ReadRow& row : m_rows)
            painted.points.push_back({row.x1, row.x2, row.number});
    }
    try {
        checkPaintedPoints(painted); // the class names
    } catch (const NeuriteError& e) {
        throw NeuriteError(m_file + ", column '" + m_header[m_target] + "': " + e.what());
    }
    return painted;
}

} // namespace

std::string planePointsCsv(const PaintedPoints& painted)
{
    checkPaintedPoints(painted);
    const std::vector<std::string> names = paintedClassNames(painted);
    std::string csv = painted.regression ? "x1,x2,value\n" : "x1,x2,label\n";
    csv.reserve(csv.size() + painted.points.size() * 48);
    for (const PlanePoint& point : painted.points) {
        csv += numberText(point.x1) + ',' + numberText(point.x2) + ',';
        csv += painted.regression ? numberText(point.target) : csvField(names[std::size_t(point.target)]);
        csv += '\n';
    }
    return csv;
}

void writePlanePointsCsv(const std::string& path, const PaintedPoints& painted)
{
    writeFileAtomically(path, planePointsCsv(painted));
}

PaintedPoints readPlanePointsCsv(const std::string& path)
{
    // A file named like a built-in table ("spiral") is still the file.
    const std::string file = isBuiltinTable(path) ? "./" + path : path;
    PointsReader reader(path);
    readTableRows(
        file, [&](const std::vector<std::string>& header, char delimiter) { reader.readHeader(header, delimiter); },
        [&](std::size_t row, const std::vector<std::string_view>& cells) { reader.readRow(row, cells); });
    return reader.points();
}

} // namespace neurite
