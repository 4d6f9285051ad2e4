// Raw rows in, the same rows with predictions out: the path `neurite predict --csv` takes, through the same
// encoder as eval, so that predicting a row and evaluating it agree.
#include "neurite/TablePredictions.h"

#include "io/AtomicFile.h"
#include "neurite/Error.h"
#include "neurite/TableData.h"
#include "neurite/TableEncoder.h"

#include <array>
#include <charconv>
#include <sstream>

namespace neurite {

namespace {

// The shortest text that reads back as exactly the float the network gave.
std::string floatText(float value)
{
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return error == std::errc() ? std::string(buffer.data(), end) : std::string("nan");
}

std::string targetName(const DataSchema& schema)
{
    const int target = schema.targetColumn();
    return target < 0 ? std::string("target") : schema.columns[std::size_t(target)].name;
}

void writeHeader(const std::vector<std::string>& header, const DataSchema& schema,
                 const std::vector<std::string>& classNames, std::ostream& out)
{
    for (const std::string& name : header)
        out << csvField(name) << ',';
    out << csvField("predicted_" + targetName(schema));
    if (schema.task == TaskKind::Classification)
        for (const std::string& name : classNames)
            out << ',' << csvField("probability_" + name);
    out << '\n';
}

} // namespace

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        quoted += c;
        if (c == '"')
            quoted += '"';
    }
    return quoted + '"';
}

TablePrediction predictEncodedRow(Network& network, const DataSchema& schema, const float* encoded)
{
    TablePrediction prediction;
    std::vector<float> output(std::size_t(network.outputSize()));
    network.predictOne(encoded, output.data());
    if (schema.task == TaskKind::Regression) {
        prediction.value = double(output.front()) * schema.targetDeviation + schema.targetMean;
        return prediction;
    }
    prediction.probabilities = output;
    prediction.classIndex = int(std::max_element(output.begin(), output.end()) - output.begin());
    return prediction;
}

std::size_t predictTableRows(Network& network, const DataSchema& schema, const std::vector<std::string>& classNames,
                             const std::string& rowsFile, std::ostream& out)
{
    TableEncoder encoder(schema);
    if (network.inputShape().size() != encoder.width())
        throw NeuriteError("The network takes " + std::to_string(network.inputShape().size()) +
                           " inputs but its data schema encodes rows into " + std::to_string(encoder.width()));
    const int target = schema.targetColumn();
    std::vector<std::string> classes = classNames;
    if (classes.empty() && target >= 0)
        classes = schema.columns[std::size_t(target)].categories;
    std::vector<float> encoded(std::size_t(encoder.width()));
    std::size_t rows = 0;
    readTableRows(
        rowsFile,
        [&](const std::vector<std::string>& header, char delimiter) {
            encoder.bindHeader(header, rowsFile, delimiter);
            writeHeader(header, schema, classes, out);
        },
        [&](std::size_t row, const std::vector<std::string_view>& cells) {
            encoder.encodeRow(cells, row, encoded.data());
            const TablePrediction prediction = predictEncodedRow(network, schema, encoded.data());
            for (std::string_view cell : cells)
                out << csvField(cell) << ',';
            if (schema.task == TaskKind::Regression) {
                // The network computes in float: more digits than a float holds would be noise.
                out << floatText(float(prediction.value)) << '\n';
            } else {
                const std::size_t c = std::size_t(prediction.classIndex);
                out << csvField(c < classes.size() ? classes[c] : std::to_string(c));
                for (float p : prediction.probabilities)
                    out << ',' << floatText(p);
                out << '\n';
            }
            ++rows;
        });
    return rows;
}

std::size_t predictTableRowsToFile(Network& network, const DataSchema& schema,
                                   const std::vector<std::string>& classNames, const std::string& rowsFile,
                                   const std::string& outPath)
{
    std::ostringstream text;
    const std::size_t rows = predictTableRows(network, schema, classNames, rowsFile, text);
    writeFileAtomically(outPath, text.str());
    return rows;
}

} // namespace neurite
