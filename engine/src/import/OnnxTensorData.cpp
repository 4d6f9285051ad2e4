// Reading ONNX tensors behind OnnxTensorData.h.
#include "import/OnnxTensorData.h"

#include "neurite/Error.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;

namespace neurite {
namespace {

struct TensorProblem {
    const onnx::TensorProto& tensor;
    const TensorSource& source;
    [[noreturn]] void operator()(const std::string& what) const
    {
        throw NeuriteError(source.context + ": tensor '" + tensor.name() + "': " + what);
    }
};

std::size_t elementSize(int type)
{
    switch (type) {
    case onnx::TensorProto::FLOAT: return 4;
    case onnx::TensorProto::INT32: return 4;
    case onnx::TensorProto::INT64: return 8;
    case onnx::TensorProto::DOUBLE: return 8;
    default: return 0;
    }
}

std::size_t elementCount(const onnx::TensorProto& tensor, const TensorSource& source)
{
    const TensorProblem problem{tensor, source};
    std::size_t count = 1;
    for (const std::int64_t d : tensor.dims()) {
        if (d < 0)
            problem("negative dimension " + std::to_string(d));
        if (d > 0 && count > source.limits->maxTensorElements / std::size_t(d))
            problem("over the " + std::to_string(source.limits->maxTensorElements) +
                    " values Neurite reads in a tensor");
        count *= std::size_t(d);
    }
    if (count > source.limits->maxTensorElements)
        problem("over the " + std::to_string(source.limits->maxTensorElements) + " values Neurite reads in a tensor");
    return count;
}

// The file an external tensor names, refused unless it lies inside the model's folder.
fs::path externalFile(const std::string& location, const TensorProblem& problem, const TensorSource& source)
{
    const fs::path relative(location);
    if (source.folder.empty())
        problem("its data is in an external file, which Neurite reads only for a model opened from a file");
    if (location.empty() || relative.is_absolute() || relative.has_root_name())
        problem("external data must be a file beside the model, not '" + location + "'");
    for (const fs::path& part : relative)
        if (part == "..")
            problem("external data must be a file beside the model, not '" + location + "' (outside its folder)");
    std::error_code error;
    const fs::path folder = fs::weakly_canonical(source.folder, error);
    const fs::path file = fs::weakly_canonical(folder / relative, error);
    const std::string prefix = folder.string() + "/";
    if (error || file.string().compare(0, prefix.size(), prefix) != 0)
        problem("external data '" + location + "' leads outside the model's folder");
    return file;
}

std::string externalBytes(const onnx::TensorProto& tensor, std::size_t bytes, const TensorSource& source)
{
    const TensorProblem problem{tensor, source};
    std::string location;
    std::uint64_t offset = 0, length = bytes;
    for (const onnx::StringStringEntryProto& e : tensor.external_data()) {
        try {
            if (e.key() == "location")
                location = e.value();
            else if (e.key() == "offset")
                offset = std::stoull(e.value());
            else if (e.key() == "length")
                length = std::stoull(e.value());
        } catch (const std::exception&) {
            problem("external data " + e.key() + " '" + e.value() + "' is not a number");
        }
    }
    const fs::path file = externalFile(location, problem, source);
    std::error_code error;
    const std::uintmax_t size = fs::file_size(file, error);
    if (error)
        problem("cannot open its external data '" + location + "': " + error.message());
    if (length != bytes || offset > size || size - offset < length)
        problem("external data '" + location + "' holds " + std::to_string(size > offset ? size - offset : 0) +
                " bytes from offset " + std::to_string(offset) + " but the tensor needs " + std::to_string(bytes));
    std::ifstream in(file, std::ios::binary);
    std::string data(bytes, '\0');
    in.seekg(std::streamoff(offset));
    in.read(data.data(), std::streamsize(bytes));
    if (!in || std::size_t(in.gcount()) != bytes)
        problem("cannot read its external data '" + location + "'");
    return data;
}

template <class T>
std::vector<T> fromBytes(const std::string& bytes)
{
    std::vector<T> values(bytes.size() / sizeof(T));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T)); // ONNX stores little-endian, as x86 and ARM
    return values;
}

template <class To, class From>
std::vector<To> converted(const std::vector<From>& values)
{
    return {values.begin(), values.end()};
}

// The values stored in the typed fields (float_data, int64_data, ...), checked against `count`.
template <class T, class Field>
std::vector<T> fieldValues(const Field& field, std::size_t count, const TensorProblem& problem)
{
    if (std::size_t(field.size()) != count)
        problem("holds " + std::to_string(field.size()) + " values but its dims say " + std::to_string(count));
    return {field.begin(), field.end()};
}

} // namespace

OnnxConstant readTensor(const onnx::TensorProto& tensor, const TensorSource& source)
{
    const TensorProblem problem{tensor, source};
    const int type = tensor.data_type();
    const std::size_t size = elementSize(type);
    if (size == 0)
        problem("its element type (" + onnx::TensorProto::DataType_Name(onnx::TensorProto::DataType(type)) +
                ") is not one Neurite reads: float, double, int32 or int64");
    const std::size_t count = elementCount(tensor, source);
    OnnxConstant c;
    c.dims.assign(tensor.dims().begin(), tensor.dims().end());
    c.isFloat = type == onnx::TensorProto::FLOAT || type == onnx::TensorProto::DOUBLE;
    if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
        problem("its external data was not read");
    if (tensor.has_raw_data()) {
        const std::string& bytes = tensor.raw_data();
        if (bytes.size() != count * size)
            problem("holds " + std::to_string(bytes.size()) + " bytes but its dims and type say " +
                    std::to_string(count * size));
        if (type == onnx::TensorProto::FLOAT)
            c.floats = fromBytes<float>(bytes);
        else if (type == onnx::TensorProto::DOUBLE)
            c.floats = converted<float>(fromBytes<double>(bytes));
        else if (type == onnx::TensorProto::INT64)
            c.ints = fromBytes<std::int64_t>(bytes);
        else
            c.ints = converted<std::int64_t>(fromBytes<std::int32_t>(bytes));
    } else if (type == onnx::TensorProto::FLOAT) {
        c.floats = fieldValues<float>(tensor.float_data(), count, problem);
    } else if (type == onnx::TensorProto::DOUBLE) {
        c.floats = fieldValues<float>(tensor.double_data(), count, problem);
    } else if (type == onnx::TensorProto::INT64) {
        c.ints = fieldValues<std::int64_t>(tensor.int64_data(), count, problem);
    } else {
        c.ints = fieldValues<std::int64_t>(tensor.int32_data(), count, problem);
    }
    c.batch.assign(c.ints.size(), false);
    return c;
}

} // namespace neurite

namespace neurite {

void inlineExternalData(onnx::ModelProto& model, const TensorSource& source)
{
    std::vector<onnx::TensorProto*> tensors;
    for (onnx::TensorProto& t : *model.mutable_graph()->mutable_initializer())
        tensors.push_back(&t);
    for (onnx::NodeProto& node : *model.mutable_graph()->mutable_node())
        for (onnx::AttributeProto& a : *node.mutable_attribute())
            if (a.has_t())
                tensors.push_back(a.mutable_t());
    for (onnx::TensorProto* t : tensors) {
        if (t->data_location() != onnx::TensorProto::EXTERNAL)
            continue;
        const std::size_t size = elementSize(t->data_type());
        if (size == 0)
            TensorProblem{*t, source}("external data of a type Neurite does not read");
        t->set_raw_data(externalBytes(*t, elementCount(*t, source) * size, source));
        t->clear_external_data();
        t->set_data_location(onnx::TensorProto::DEFAULT);
    }
}

OnnxConstant constantNodeValue(const onnx::NodeProto& node, const TensorSource& source)
{
    for (const onnx::AttributeProto& a : node.attribute()) {
        OnnxConstant c;
        if (a.name() == "value" && a.has_t())
            return readTensor(a.t(), source);
        if (a.name() == "value_float" || a.name() == "value_floats") {
            c.floats = a.name() == "value_float" ? std::vector<float>{a.f()}
                                                 : std::vector<float>(a.floats().begin(), a.floats().end());
            if (a.name() == "value_floats")
                c.dims = {std::int64_t(c.floats.size())};
            return c;
        }
        if (a.name() == "value_int" || a.name() == "value_ints") {
            c.isFloat = false;
            c.ints = a.name() == "value_int" ? std::vector<std::int64_t>{a.i()}
                                             : std::vector<std::int64_t>(a.ints().begin(), a.ints().end());
            if (a.name() == "value_ints")
                c.dims = {std::int64_t(c.ints.size())};
            c.batch.assign(c.ints.size(), false);
            return c;
        }
    }
    throw NeuriteError(source.context + ": Constant node '" + node.name() +
                       "' holds no float or integer value Neurite reads");
}

} // namespace neurite
