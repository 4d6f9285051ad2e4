// Tests that the chosen input features reach the network: circle, a disc inside a ring, is out of reach of a
// network without a hidden layer on x1 and x2 (a straight boundary), and within its reach on x1² and x2²
// (the boundary x1² + x2² = r² is straight in them); the design chosen for the data learns with extra features.
#include "neurite/DesignForData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <QtTest>

using namespace neurite;

namespace {

// Input -> Dense(classes, softmax) -> Output: logistic regression on the features.
NetworkSpec noHiddenLayer(int inputs)
{
    NetworkSpec spec;
    spec.layers.push_back({"input", "Input", {{"channels", double(inputs)}, {"height", 1.0}, {"width", 1.0}}});
    spec.layers.push_back(
        {"dense",
         "Dense",
         {{"units", 2.0}, {"activation", std::string("softmax")}, {"init", std::string("auto")}, {"bias", 1.0}}});
    spec.layers.push_back({"output", "Output", {{"loss", std::string("cross_entropy")}}});
    spec.connections = {{"input", "dense", 0}, {"dense", "output", 0}};
    return spec;
}

double accuracyOn(const char* name, PlaneFeatureSet features, bool chosenDesign)
{
    DataOptions options;
    options.plane.features = features;
    const Dataset data = loadTable(name, options);
    Network network(chosenDesign ? designForData(data) : noHiddenLayer(data.train.valuesPerSample()), 1);
    const TrainingResult result = train(network, data, settingsForData(data));
    qInfo("%s on %s, %s: test accuracy %.4f", name, planeFeaturesText(features).c_str(),
          chosenDesign ? "the chosen design" : "no hidden layer", result.history.testAccuracy);
    return result.history.testAccuracy;
}

constexpr PlaneFeatureSet kSquares = featureBit(PlaneFeature::X1Squared) | featureBit(PlaneFeature::X2Squared);

} // namespace

class TestPlaneFeatureTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aLinearModelLearnsCircleOnlyFromTheSquares()
    {
        QVERIFY(accuracyOn("circle", kDefaultPlaneFeatures, false) < 0.75);
        QVERIFY(accuracyOn("circle", kSquares, false) >= 0.95);
    }

    void aLinearModelLearnsXorFromTheProduct()
    {
        QVERIFY(accuracyOn("xor", kDefaultPlaneFeatures, false) < 0.75);
        QVERIFY(accuracyOn("xor", featureBit(PlaneFeature::X1TimesX2), false) >= 0.95);
    }

    void theChosenDesignLearnsWithEveryFeature()
    {
        QVERIFY(accuracyOn("circle", kAllPlaneFeatures, true) >= 0.95);
        QVERIFY(accuracyOn("spiral", kAllPlaneFeatures, true) >= 0.85);
    }
};

QTEST_APPLESS_MAIN(TestPlaneFeatureTraining)
#include "tst_planefeaturetraining.moc"
