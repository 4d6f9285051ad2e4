// Tests checkDesignAgainstData: a design that does not fit the data set is told what to change.
#include "neurite/DataFit.h"
#include "neurite/NetworkSpec.h"
#include "TestSupport.h"

#include <QtTest>

using namespace neurite;

namespace {

const DataFacts kMnist{"mnist-10k", {1, 28, 28}, 10};

QString messages(const std::vector<ValidationIssue>& issues)
{
    QStringList lines;
    for (const ValidationIssue& issue : issues)
        lines << QString::fromStdString(issue.message);
    return lines.join('\n');
}

int errorCount(const std::vector<ValidationIssue>& issues)
{
    return int(std::count_if(issues.begin(), issues.end(),
                             [](const ValidationIssue& i) { return i.severity == ValidationIssue::Severity::Error; }));
}

} // namespace

class TestDataFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theReferenceDesignFitsMnist();
    void inputChannelsThatDifferAreNamed();
    void aFlatInputOfTheRightSizeFits();
    void tooFewOutputsForTheClassesIsAnError();
    void moreOutputsThanClassesIsAnError();
    void mseOnTenClassesIsAWarning();
    void aBrokenDesignIsLeftToValidation();
    void namedDataSetsAreKnownFoldersAreNot();
};

void TestDataFit::theReferenceDesignFitsMnist()
{
    const auto issues = checkDesignAgainstData(*preset("mlp"), kMnist);
    QVERIFY2(issues.empty(), qPrintable(messages(issues)));
}

void TestDataFit::inputChannelsThatDifferAreNamed()
{
    NetworkSpec spec = *preset("mlp");
    spec.layers.front().options["channels"] = 3.0;
    const auto issues = checkDesignAgainstData(spec, kMnist);
    QCOMPARE(errorCount(issues), 1);
    QCOMPARE(issues.front().layerId, spec.layers.front().id);
    const QString expected = QString("Input '%1' is 3x28x28 but mnist-10k has 1x28x28 images: set Channels to 1")
                                 .arg(QString::fromStdString(spec.layers.front().id));
    QCOMPARE(QString::fromStdString(issues.front().message), expected);
    // Two fields wrong: both are named.
    spec.layers.front().options["channels"] = 1.0;
    spec.layers.front().options["height"] = 32.0;
    spec.layers.front().options["width"] = 32.0;
    QVERIFY(messages(checkDesignAgainstData(spec, kMnist)).endsWith("set Height to 28 and Width to 28"));
}

void TestDataFit::aFlatInputOfTheRightSizeFits()
{
    const NetworkSpec spec = test::chainSpec(784, {test::dense("out", 10, "softmax")});
    QCOMPARE(errorCount(checkDesignAgainstData(spec, kMnist)), 0);
    const NetworkSpec small = test::chainSpec(64, {test::dense("out", 10, "softmax")});
    QCOMPARE(errorCount(checkDesignAgainstData(small, kMnist)), 1);
}

void TestDataFit::tooFewOutputsForTheClassesIsAnError()
{
    NetworkSpec spec = *preset("mlp");
    spec.find("dense3")->options["units"] = 4.0;
    const auto issues = checkDesignAgainstData(spec, kMnist);
    QCOMPARE(errorCount(issues), 1);
    QCOMPARE(issues.front().layerId, std::string("dense3"));
    QCOMPARE(QString::fromStdString(issues.front().message),
             QString("The Output receives 4 values from 'dense3' but mnist-10k has 10 classes: "
                     "set Units of 'dense3' to 10"));
}

// The new user's case: a last Dense of 128 before a cross-entropy Output on ten classes.
void TestDataFit::moreOutputsThanClassesIsAnError()
{
    NetworkSpec spec = *preset("mlp");
    spec.find("dense3")->options["units"] = 128.0;
    const auto issues = checkDesignAgainstData(spec, kMnist);
    QCOMPARE(issues.size(), size_t(1));
    QCOMPARE(issues.front().severity, ValidationIssue::Severity::Error);
    QCOMPARE(QString::fromStdString(issues.front().message),
             QString("The Output receives 128 values from 'dense3' but mnist-10k has 10 classes: "
                     "set Units of 'dense3' to 10"));
    // A layer without units before the Output: the advice is a Dense layer.
    NetworkSpec flat = test::chainSpec(784, {});
    QVERIFY2(messages(checkDesignAgainstData(flat, kMnist)).endsWith("end the design with a Dense layer of 10 units"),
             qPrintable(messages(checkDesignAgainstData(flat, kMnist))));
}

void TestDataFit::mseOnTenClassesIsAWarning()
{
    const NetworkSpec spec = test::chainSpec(784, {test::dense("out", 10, "linear")}, "mse");
    const auto issues = checkDesignAgainstData(spec, kMnist);
    QCOMPARE(errorCount(issues), 0);
    QVERIFY2(messages(issues).contains("Cross-entropy"), qPrintable(messages(issues)));
}

void TestDataFit::aBrokenDesignIsLeftToValidation()
{
    QVERIFY(checkDesignAgainstData(NetworkSpec{}, kMnist).empty());
}

void TestDataFit::namedDataSetsAreKnownFoldersAreNot()
{
    QCOMPARE(knownDataFacts("mnist-10k"), std::optional<DataFacts>(kMnist));
    QCOMPARE(knownDataFacts("fashion-mnist")->classes, 10);
    QVERIFY(!knownDataFacts("/some/folder"));
}

QTEST_APPLESS_MAIN(TestDataFit)
#include "tst_datafit.moc"
