// Train tab › Find… : the button opens the finder, which sweeps on its own thread from the weights training
// would start from (the same curve as the engine's sweep of that network), draws the curve and marks the
// suggestion; Apply puts the suggested rate into the settings (and so the project) and leaves the weights
// as they were; the button is disabled while a run trains.
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "insight/LearningRateChart.h"
#include "insight/LearningRateFinderDialog.h"
#include "insight/LearningRateFinderLauncher.h"
#include "insight/LearningRateSearch.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QLineSeries>
#include <QToolButton>
#include <QtTest>

#include <cstdio>
#include <cstdlib>

using namespace neurite;
using namespace neurite::ui;

namespace {

NetworkSpec blobSpec()
{
    return test::chainSpec(4, {test::dense("hidden", 16, "relu"), test::dense("out", 3, "softmax")});
}

} // namespace

class TestLrFinderDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_data = std::make_shared<const Dataset>(test::blobs(80, 3, 4, 11));
        m_document = std::make_unique<ProjectDocument>();
        m_document->newDesign(blobSpec());
        TrainingSettings settings = m_document->settings();
        settings.threads = 1; // the same sweep here and in the engine, step for step
        settings.startFromWeights = true;
        settings.epochs = 200;
        m_document->setSettings(settings);
        m_document->setTrainedWeights(Network(blobSpec(), 99).weights());
        m_panel = std::make_unique<TrainingPanel>(m_document.get());
        m_panel->setDataSetOverride(m_data);
        m_panel->resize(1024, 700);
        m_panel->show();
    }

    void cleanup()
    {
        m_panel.reset();
        m_document.reset();
    }

    void applyPutsTheSuggestionIntoTheSettings()
    {
        const Weights before = *m_document->trainedWeights();
        QToolButton* find = m_panel->settingsForm()->findLearningRateButton();
        QVERIFY(find->isVisible() && find->isEnabled());
        QTest::mouseClick(find, Qt::LeftButton);
        LearningRateFinderDialog* dialog = m_panel->learningRateFinder()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 60000 * test::kSanitizerSlowdown);
        const LearningRateFinderResult result = *dialog->result(); // a copy: Apply deletes the dialog
        QVERIFY2(result.suggestion.found, result.suggestion.reason.c_str());

        // The dialog swept the document's weights with its settings: the engine's sweep of them agrees exactly.
        Network network(blobSpec(), 1);
        network.setWeights(before);
        const LearningRateFinderResult expected = findLearningRate(network, *m_data, m_document->settings());
        QVERIFY(result.points == expected.points);
        QCOMPARE(result.suggestion.learningRate, expected.suggestion.learningRate);

        // The chart shows every point and the suggestion.
        QCOMPARE(dialog->chart()->pointCount(), int(result.points.size()));
        QCOMPARE(dialog->chart()->smoothedSeries()->count(), int(result.points.size()));
        QCOMPARE(dialog->chart()->suggestionSeries()->count(), 1);
        QCOMPARE(dialog->chart()->suggestionSeries()->at(0).x(), double(result.suggestion.learningRate));
        QVERIFY(dialog->messageLabel()->text().startsWith("Suggested learning rate: "));

        QVERIFY(dialog->applyButton()->isEnabled());
        const QString applyText = dialog->applyButton()->text();
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_panel->learningRateFinder()->dialog());
        // The rate as the dialog shows it: two significant digits.
        char shown[32];
        std::snprintf(shown, sizeof shown, "%.2g", double(result.suggestion.learningRate));
        QVERIFY2(applyText.endsWith(shown), qPrintable(applyText));
        const float applied = m_document->settings().optimizer.learningRate;
        QCOMPARE(applied, std::strtof(shown, nullptr));
        QVERIFY(std::abs(applied / result.suggestion.learningRate - 1.0f) < 0.05f);
        QCOMPARE(m_panel->settingsForm()->settings().optimizer.learningRate, applied);
        QVERIFY(*m_document->trainedWeights() == before); // bit for bit
    }

    void cancelKeepsTheCurveSoFar()
    {
        TrainingSettings settings = m_document->settings();
        settings.batchSize = 240; // the whole set each step: 100,000 steps take seconds, not a blink
        m_panel->settingsForm()->setSettings(settings);
        QTest::mouseClick(m_panel->settingsForm()->findLearningRateButton(), Qt::LeftButton);
        LearningRateFinderDialog* dialog = m_panel->learningRateFinder()->dialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 60000 * test::kSanitizerSlowdown);
        // Run again with a sweep long enough to be cancelled half way (a rate range that does not diverge).
        dialog->stepsBox()->setValue(100000);
        dialog->maximumEdit()->setText("1e-5");
        QVERIFY(dialog->runButton()->isVisible());
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog->chart()->pointCount() > 20);
        QVERIFY(dialog->cancelButton()->isVisible());
        QVERIFY(!dialog->applyButton()->isEnabled());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 60000 * test::kSanitizerSlowdown);
        QCOMPARE(dialog->result()->outcome, LearningRateFinderResult::Outcome::Cancelled);
        QVERIFY(int(dialog->result()->points.size()) < 100000);
        QCOMPARE(dialog->chart()->pointCount(), int(dialog->result()->points.size()));
        // Every point kept, every hundredth drawn (at most a thousand of a 100,000-step sweep).
        QCOMPARE(dialog->chart()->smoothedSeries()->count(), (dialog->chart()->pointCount() + 99) / 100);
        QVERIFY(dialog->result()->points.back().learningRate <= 1e-5f);
        dialog->reject();
    }

    void closingCancelsTheSweep()
    {
        QTest::mouseClick(m_panel->settingsForm()->findLearningRateButton(), Qt::LeftButton);
        QPointer<LearningRateFinderDialog> dialog = m_panel->learningRateFinder()->dialog();
        QTRY_VERIFY(dialog->search()->isRunning() || dialog->result());
        const float rate = m_document->settings().optimizer.learningRate;
        dialog->reject();
        QTRY_VERIFY(!dialog); // closed, deleted, its thread joined
        QCOMPARE(m_document->settings().optimizer.learningRate, rate);
    }

    void disabledWhileTraining()
    {
        m_panel->start();
        QTRY_VERIFY(m_panel->controller()->isRunning());
        QVERIFY(!m_panel->settingsForm()->findLearningRateButton()->isEnabled());
        m_panel->controller()->stop();
        QVERIFY(m_panel->controller()->waitUntilIdle(60000 * test::kSanitizerSlowdown));
        QTRY_VERIFY(m_panel->settingsForm()->findLearningRateButton()->isEnabled());
    }

private:
    std::shared_ptr<const Dataset> m_data;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

QTEST_MAIN(TestLrFinderDialog)
#include "tst_lrfinderdialog.moc"
