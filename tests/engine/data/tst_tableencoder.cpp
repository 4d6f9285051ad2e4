// Tests the TableEncoder: raw rows encode exactly as loading encoded them, columns are found by name,
// unknown and missing categories, form rows, the target mapped back, and cells that cannot be encoded.
#include "FileBytes.h"
#include "ErrorCapture.h"
#include "neurite/TableData.h"
#include "neurite/TableEncoder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace neurite;
using neurite::test::errorOf;

namespace {

const char* const kTable = "id,age,colour,height,label\n"
                           "a1,31,red,1.62,yes\n"
                           "a2,,green,1.80,no\n"
                           "a3,45,,1.75,yes\n"
                           "a4,23,red,NA,no\n"
                           "a5,52,blue,1.69,yes\n"
                           "a6,38,green,1.71,no\n";

} // namespace

class TestTableEncoder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const std::string& name, const std::string& text)
    {
        return test::writeFileIn(m_dir.path().toStdString(), name, text);
    }

    DataSchema trainedSchema(Dataset* loaded = nullptr)
    {
        DataOptions options;
        options.testSplit = 0;
        options.columnRoles["id"] = ColumnRole::Ignored;
        Dataset data = loadTable(write("train.csv", kTable), options);
        if (loaded)
            *loaded = data;
        return data.schema;
    }

private Q_SLOTS:
    // The raw path (eval, predict) gives bit for bit the values the loading path (training) gave.
    void rawRowsEncodeAsLoadingDid()
    {
        Dataset loaded;
        const DataSchema schema = trainedSchema(&loaded);
        const Dataset raw = loadTableWithSchema(write("same.csv", kTable), schema);
        QCOMPARE(raw.test.count(), std::size_t(6));
        QCOMPARE(raw.test.values, loaded.train.values);
        QCOMPARE(raw.test.labels, loaded.train.labels);
        QCOMPARE(raw.classNames, (std::vector<std::string>{"no", "yes"}));
    }

    // Columns are found by name: another order and an extra column change nothing.
    void columnsAreFoundByName()
    {
        const DataSchema schema = trainedSchema();
        const Dataset plain = loadTableWithSchema(write("plain.csv", kTable), schema);
        const std::string shuffled = "label,extra,height,colour,age\n"
                                     "yes,1,1.62,red,31\n"
                                     "no,2,1.80,green,\n"
                                     "yes,3,1.75,,45\n"
                                     "no,4,NA,red,23\n"
                                     "yes,5,1.69,blue,52\n"
                                     "no,6,1.71,green,38\n";
        QCOMPARE(loadTableWithSchema(write("shuffled.csv", shuffled), schema).test.values, plain.test.values);
        const std::string path = write("lacking.csv", "age,colour,label\n30,red,yes\n");
        QCOMPARE(errorOf([&] { loadTableWithSchema(path, schema); }),
                 QString::fromStdString(path + " has no column 'height', which the model takes as input (the columns "
                                               "are found by their header names)"));
    }

    void formRowsAndUnknownCategories()
    {
        const DataSchema schema = trainedSchema();
        TableEncoder encoder(schema);
        QCOMPARE(encoder.width(), 1 + 3 + 1);
        QCOMPARE(encoder.inputColumns().size(), std::size_t(3));
        const ColumnEncoding& age = schema.columns[1];
        const ColumnEncoding& height = schema.columns[3];
        const std::vector<float> form = encoder.encodeNamed({{"age", "40"}, {"colour", "green"}, {"height", "1.7"}});
        const std::vector<float> expected = {float((40 - age.mean) / age.deviation), 0, 1, 0,
                                             float((1.7 - height.mean) / height.deviation)};
        QCOMPARE(form, expected);
        // Missing: the training median and the most frequent category; unseen: no category at all.
        const std::vector<float> missing = encoder.encodeNamed({{"colour", "purple"}});
        QCOMPARE(missing[0], float((age.fill - age.mean) / age.deviation));
        QCOMPARE(std::vector<float>(missing.begin() + 1, missing.begin() + 4), (std::vector<float>{0, 0, 0}));
        QCOMPARE(schema.columns[2].fillCategory, std::string("green")); // green and red tie at 2: sorted first
        const std::vector<float> blank = encoder.encodeNamed({});
        QCOMPARE(std::vector<float>(blank.begin() + 1, blank.begin() + 4), (std::vector<float>{0, 1, 0}));
    }

    void cellsThatCannotBeEncodedAreNamed()
    {
        const DataSchema schema = trainedSchema();
        const std::string path = write("bad.csv", "age,colour,height,label\n30,red,1.7,yes\ntall,red,1.7,no\n");
        QCOMPARE(errorOf([&] { loadTableWithSchema(path, schema); }),
                 QString::fromStdString(path + ", row 3, column 'age': 'tall' is not a number"));
        const std::string infinite = write("inf.csv", "age,colour,height,label\n30,red,inf,yes\n");
        QCOMPARE(errorOf([&] { loadTableWithSchema(infinite, schema); }),
                 QString::fromStdString(infinite + ", row 2, column 'height': inf is not a finite number"));
        const std::string huge = write("huge.csv", "age,colour,height,label\n1e300,red,1.7,yes\n");
        QCOMPARE(errorOf([&] { loadTableWithSchema(huge, schema); }),
                 QString::fromStdString(huge + ", row 2, column 'age': 1e300 is too far outside the training rows' "
                                               "values to encode"));
        const std::string unknown = write("class.csv", "age,colour,height,label\n30,red,1.7,maybe\n");
        QCOMPARE(errorOf([&] { loadTableWithSchema(unknown, schema); }),
                 QString::fromStdString(unknown + ", row 2, column 'label': the class 'maybe' is not one the model "
                                                  "was trained on"));
        DataSchema images;
        QCOMPARE(errorOf([&] { TableEncoder{images}; }),
                 QString("The model was trained on images, not on a table: it takes image files"));
    }

    void regressionTargetsMapBack()
    {
        DataOptions options;
        options.testSplit = 0;
        options.target = "height";
        options.columnRoles["id"] = ColumnRole::Ignored;
        const Dataset data = loadTable(write("heights.csv", kTable), options);
        QCOMPARE(data.task(), TaskKind::Regression);
        TableEncoder encoder(data.schema);
        QVERIFY(std::abs(encoder.targetValue(data.train.targets[0]) - 1.62) < 1e-6);
        QCOMPARE(encoder.standardisedTarget(1.62), data.train.targets[0]);
        const Dataset raw = loadTableWithSchema(write("heights2.csv", kTable), data.schema);
        QCOMPARE(raw.test.count(), std::size_t(5)); // the NA height is left out
        std::size_t dropped = 0;
        loadTableWithSchema(write("heights3.csv", kTable), data.schema, &dropped);
        QCOMPARE(dropped, std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestTableEncoder)
#include "tst_tableencoder.moc"
