// Raw float32 files behind FloatFiles.h.
#include "FloatFiles.h"

#include <QFile>

#include <cstring>
#include <vector>

namespace neurite::test {

void writeFloats(const QString& path, const Matrix& m)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(reinterpret_cast<const char*>(m.data()), qint64(m.size() * sizeof(float)));
}

Matrix readFloats(const QString& path, Eigen::Index rows, Eigen::Index cols)
{
    QFile file(path);
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    Matrix m(rows, cols);
    if (std::size_t(bytes.size()) != std::size_t(m.size()) * sizeof(float))
        return Matrix();
    std::memcpy(m.data(), bytes.data(), std::size_t(bytes.size()));
    return m;
}

Matrix allSamples(const SampleSet& set)
{
    std::vector<std::uint32_t> indices(set.count());
    for (std::size_t i = 0; i < indices.size(); ++i)
        indices[i] = std::uint32_t(i);
    Matrix x;
    gatherBatch(set, indices.data(), int(indices.size()), x);
    return x;
}

} // namespace neurite::test
