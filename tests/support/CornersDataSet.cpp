// The corners data set's IDX files.
#include "CornersDataSet.h"

#include "neurite/IdxFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite::test {

void writeCornersDataSet(const QString& folder)
{
    for (const char* prefix : {"train", "t10k"}) {
        const int count = std::string(prefix) == "train" ? 60 : 20;
        IdxArray images{{std::uint32_t(count), 28, 28}, std::vector<std::uint8_t>(std::size_t(count) * 784, 0)};
        IdxArray labels{{std::uint32_t(count)}, std::vector<std::uint8_t>(std::size_t(count), 0)};
        for (int i = 0; i < count; ++i) {
            labels.data[std::size_t(i)] = std::uint8_t(i % 2);
            const int offset = i % 2 ? 15 : 3;
            for (int y = offset; y < offset + 10; ++y)
                for (int x = offset; x < offset + 10; ++x)
                    images.data[std::size_t(i) * 784 + std::size_t(y * 28 + x)] = 200;
        }
        writeIdx((folder + "/" + prefix + "-images-idx3-ubyte.gz").toStdString(), images);
        writeIdx((folder + "/" + prefix + "-labels-idx1-ubyte.gz").toStdString(), labels);
    }
}

} // namespace neurite::test
