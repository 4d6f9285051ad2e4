// Stop asks which weights to keep once an epoch has finished: the last batch's or the best epoch's, each
// named by its epoch and accuracy; Keep training goes on. The Results tab switches between them later, and
// Predict, Save, the saved history and the run list follow.
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "results/TrainingResultsView.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/StopQuestion.h"
#include "training/TrainingPanel.h"

#include <neurite/Trainer.h>

#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

NetworkSpec mlpSpec()
{
    return test::chainSpec(784, {test::dense("hidden", 32, "relu"), test::dense("out", 10, "softmax")});
}

// Long enough that Stop lands in the middle of it: 200 epochs of 24 batches of 20 images.
TrainingSettings longRun()
{
    TrainingSettings s;
    s.dataSet = "synthetic";
    s.epochs = 200;
    s.batchSize = 20;
    s.optimizer.learningRate = 0.002f;
    s.validationSplit = 0.2f;
    return s;
}

EpochReport epoch(int number, float validationAccuracy, bool best, float validationLoss = 1.0f)
{
    EpochReport e;
    e.epoch = number;
    e.epochs = 20;
    e.trainAccuracy = 0.5f;
    e.validationLoss = validationLoss;
    e.validationAccuracy = validationAccuracy;
    e.best = best;
    return e;
}

BatchReport batch(int epochNumber, int number, int perEpoch)
{
    BatchReport b;
    b.epoch = epochNumber;
    b.batch = number;
    b.batchesPerEpoch = perEpoch;
    return b;
}

// The answers a test gives instead of the user, with the offers it was asked about.
struct ScriptedAnswers {
    std::vector<StopChoice> answers;
    std::vector<StopOffer> offers;
    StopQuestion question()
    {
        return [this](const StopOffer& offer) {
            offers.push_back(offer);
            const StopChoice answer = answers.empty() ? StopChoice::KeepLast : answers.front();
            if (!answers.empty())
                answers.erase(answers.begin());
            return answer;
        };
    }
};

float accuracyOf(const TrainingOutcome& outcome, const Weights& weights, const Dataset& data)
{
    Network network(outcome.spec);
    network.setWeights(weights);
    return neurite::evaluate(network, data.test, data.classCount()).accuracy;
}

} // namespace

class TestStopQuestion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theOfferNamesEpochsAndAccuracies();
    void theDialogHasBothButtonsAndKeepTraining();
    void stopKeepsTheBestEpochWhenAskedTo();
    void keepTrainingGoesOn();
    void noQuestionBeforeTheFirstEpoch();
    void theRealDialogComesUpOnStop();
    void theResultsTabSwitchesTheKeptWeights();

private:
    void startAndWaitForEpochs(int epochs);
    // Pauses, steps to the end of an epoch and one batch on: paused in the middle of an epoch, where the
    // last and the best epoch's weights always differ (a stop right at the best epoch's end has no choice).
    void pauseMidEpoch();

    DataSetHandle m_data;
    ScriptedAnswers m_script;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

void TestStopQuestion::initTestCase()
{
    m_data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 60, 30, 5, 0.6f));
}

void TestStopQuestion::init()
{
    m_script = {};
    m_document = std::make_unique<ProjectDocument>();
    m_document->newDesign(mlpSpec());
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    m_panel->setDataSetOverride(m_data);
    m_panel->setStopQuestion(m_script.question());
    m_document->setSettings(longRun());
}

void TestStopQuestion::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

void TestStopQuestion::startAndWaitForEpochs(int epochs)
{
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(m_panel->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lossChart()->validationPointCount() >= epochs, 60000);
}

void TestStopQuestion::pauseMidEpoch()
{
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
    const int epochs = m_panel->lossChart()->validationPointCount();
    QTest::mouseClick(m_panel->stepEpochButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->lossChart()->validationPointCount(), epochs + 1, 20000);
    const auto batches = m_panel->lossChart()->rawBatches().points().size();
    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->lossChart()->rawBatches().points().size(), batches + 1, 20000);
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Paused);
}

void TestStopQuestion::theOfferNamesEpochsAndAccuracies()
{
    // Epoch 3 has the higher accuracy, but the best epoch is the one of lowest loss: the texts show both.
    const std::vector<EpochReport> epochs = {epoch(1, 0.80f, true, 0.5f), epoch(2, 0.85f, true, 0.4f),
                                             epoch(3, 0.86f, false, 0.45f)};
    const StopOffer mid = makeStopOffer(batch(4, 12, 30), epochs);
    QVERIFY(mid.hasChoice());
    QCOMPARE(mid.bestEpoch, 2);
    QCOMPARE(mid.lastText(), QStringLiteral("Keep the last weights (epoch 4, batch 12 of 30; after epoch 3: "
                                            "validation loss 0.4500, accuracy 86.00%)"));
    QCOMPARE(mid.bestText(), QStringLiteral("Keep the best epoch's weights (epoch 2 (lowest validation loss): "
                                            "validation loss 0.4000, accuracy 85.00%)"));
    // Stopped right at the end of an epoch, the last weights are that epoch's.
    const StopOffer atEnd = makeStopOffer(batch(3, 30, 30), epochs);
    QCOMPARE(atEnd.lastText(),
             QStringLiteral("Keep the last weights (epoch 3: validation loss 0.4500, accuracy 86.00%)"));
    QVERIFY(atEnd.hasChoice());
    // ... and when that epoch is the best, there is nothing to choose.
    QVERIFY(!makeStopOffer(batch(2, 30, 30), {epochs[0], epochs[1]}).hasChoice());
    QVERIFY(!makeStopOffer(batch(1, 5, 30), {}).hasChoice());
    // Without a validation split the accuracies are the training ones, and say so.
    EpochReport noValidation = epoch(1, kNoValue, true);
    noValidation.trainAccuracy = 0.625f;
    noValidation.validationLoss = kNoValue;
    noValidation.trainLoss = 0.75f;
    QCOMPARE(makeStopOffer(batch(2, 3, 30), {noValidation}).bestText(),
             QStringLiteral("Keep the best epoch's weights (epoch 1 (lowest training loss): training loss 0.7500, "
                            "accuracy 62.50%)"));
}

void TestStopQuestion::theDialogHasBothButtonsAndKeepTraining()
{
    const StopOffer offer = makeStopOffer(batch(7, 12, 30), {epoch(5, 0.962f, true), epoch(6, 0.951f, false)});
    using Button = QAbstractButton* (*)(const StopQuestionDialog&);
    const std::vector<std::pair<Button, StopChoice>> clicks = {
        {[](const StopQuestionDialog& d) -> QAbstractButton* { return d.keepLastButton(); }, StopChoice::KeepLast},
        {[](const StopQuestionDialog& d) -> QAbstractButton* { return d.keepBestButton(); }, StopChoice::KeepBest},
        {[](const StopQuestionDialog& d) -> QAbstractButton* { return d.keepTrainingButton(); },
         StopChoice::KeepTraining},
        {nullptr, StopChoice::KeepTraining}, // Escape
    };
    for (const auto& [button, expected] : clicks) {
        StopQuestionDialog dialog(offer);
        QCOMPARE(dialog.keepLastButton()->text(), QStringLiteral("Keep the last weights"));
        QCOMPARE(dialog.keepLastButton()->description(),
                 QStringLiteral("epoch 7, batch 12 of 30; after epoch 6: validation loss 1.0000, accuracy 95.10%"));
        QCOMPARE(dialog.keepBestButton()->text(), QStringLiteral("Keep the best epoch's weights"));
        QCOMPARE(dialog.keepBestButton()->description(),
                 QStringLiteral("epoch 5 (lowest validation loss): validation loss 1.0000, accuracy 96.20%"));
        QCOMPARE(dialog.keepTrainingButton()->text(), QStringLiteral("Keep training"));
        QVERIFY(dialog.keepBestButton()->isDefault());
        QCOMPARE(dialog.choice(), StopChoice::KeepTraining); // nothing clicked yet
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (button)
            QTest::mouseClick(button(dialog), Qt::LeftButton);
        else
            QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.choice(), expected);
        QCOMPARE(dialog.result(), expected == StopChoice::KeepTraining ? QDialog::Rejected : QDialog::Accepted);
    }
}

// Asked mid-run, the question names where the paused run is and its best epoch; the answer Best leaves
// the run with that epoch's weights, and everything downstream has them.
void TestStopQuestion::stopKeepsTheBestEpochWhenAskedTo()
{
    m_script.answers = {StopChoice::KeepBest};
    QSignalSpy trained(m_panel.get(), &TrainingPanel::modelTrained);
    startAndWaitForEpochs(3);
    pauseMidEpoch();
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QCOMPARE(int(m_script.offers.size()), 1);

    const TrainingOutcome& outcome = *m_panel->lastOutcome();
    QCOMPARE(outcome.outcome, TrainingResult::Outcome::Stopped);
    const StopOffer& offer = m_script.offers.front();
    // The run held still while the question was open: the offer is exactly where it stopped.
    const BatchReport& last = outcome.history.batches.back();
    QCOMPARE(offer.lastEpoch, last.epoch);
    QCOMPARE(offer.lastBatch, last.batch);
    QCOMPARE(offer.lastFinishedEpoch, int(outcome.history.epochs.size()));
    QCOMPARE(offer.bestEpoch, outcome.history.bestEpoch);
    QCOMPARE(offer.bestAccuracy, outcome.history.epochs[std::size_t(offer.bestEpoch - 1)].validationAccuracy);
    QVERIFY(outcome.keptBest);
    QCOMPARE(outcome.keptWeights, outcome.bestWeights);
    QCOMPARE(*m_document->trainedWeights(), outcome.bestWeights);
    QCOMPARE(m_panel->results()->keptWeights(), TrainingResultsView::KeptWeights::Best);
    const float expected = accuracyOf(outcome, outcome.bestWeights, *m_data);
    QCOMPARE(m_panel->testAccuracy(), double(expected));
    QCOMPARE(m_document->history().testAccuracy, expected);
    QCOMPARE(trained.count(), 1);
    QCOMPARE(trained.first().at(2).toDouble(), double(expected));
}

// Keep training leaves the run as it was: running goes on running, paused stays paused.
void TestStopQuestion::keepTrainingGoesOn()
{
    m_script.answers = {StopChoice::KeepTraining, StopChoice::KeepTraining};
    startAndWaitForEpochs(2);
    pauseMidEpoch();
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QCOMPARE(int(m_script.offers.size()), 1);
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Paused);
    // Running, held to a batch a second: Stop lands while the run waits for its next batch, mid-epoch.
    m_panel->controller()->setPace(1.0);
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton); // Resume
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Running);
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QCOMPARE(int(m_script.offers.size()), 2);
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Running);
    // 100 batches a second: two epochs take half a second, the whole run 48 s, so on a loaded machine the
    // run cannot reach its end between the wait below and the next Pause (at full speed it could).
    m_panel->controller()->setPace(100.0);
    const int epochs = m_panel->lossChart()->validationPointCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lossChart()->validationPointCount() >= epochs + 2, 60000);
    m_script.answers = {StopChoice::KeepLast};
    pauseMidEpoch();
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QCOMPARE(int(m_script.offers.size()), 3);
    const TrainingOutcome& outcome = *m_panel->lastOutcome();
    QVERIFY(!outcome.keptBest);
    QCOMPARE(outcome.keptWeights, outcome.lastWeights);
    QCOMPARE(*m_document->trainedWeights(), outcome.lastWeights);
    QCOMPARE(m_panel->results()->keptWeights(), TrainingResultsView::KeptWeights::Last);
}

// Before any epoch has finished there are only the last weights: Stop stops without asking.
void TestStopQuestion::noQuestionBeforeTheFirstEpoch()
{
    TrainingSettings s = longRun();
    s.batchSize = 1; // 480 batches an epoch
    m_document->setSettings(s);
    // Held to 100 batches a second, the first epoch lasts about 5 s: at full speed on an idle machine it
    // could end before Stop is pressed, and then the question rightly comes.
    m_panel->controller()->setPace(100.0);
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->lossChart()->rawBatches().points().empty(), 30000);
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QVERIFY(m_script.offers.empty());
    QCOMPARE(m_panel->lastOutcome()->outcome, TrainingResult::Outcome::Stopped);
}

// The panel's own question is the dialog: it comes up modal with both buttons naming the paused run's epochs.
void TestStopQuestion::theRealDialogComesUpOnStop()
{
    m_panel->setStopQuestion([this](const StopOffer& offer) { return askWhichWeightsToKeep(m_panel.get(), offer); });
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    startAndWaitForEpochs(2);
    pauseMidEpoch();
    QString lastText, bestText;
    int shownEpochs = -1;
    QTimer answerer; // looks for the dialog until it is up, reads it and answers Best
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto* dialog = qobject_cast<StopQuestionDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        answerer.stop();
        lastText = dialog->keepLastButton()->description();
        bestText = dialog->keepBestButton()->description();
        shownEpochs = m_panel->lossChart()->validationPointCount();
        QTest::mouseClick(dialog->keepBestButton(), Qt::LeftButton);
    });
    answerer.start(50);
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY2(shownEpochs >= 2, "the dialog came up and was answered");
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    const TrainingOutcome& outcome = *m_panel->lastOutcome();
    QCOMPARE(int(outcome.history.epochs.size()), shownEpochs); // paused while the dialog was up
    const StopOffer expected = makeStopOffer(outcome.history);
    QCOMPARE(lastText, expected.lastDetails());
    QCOMPARE(bestText, expected.bestDetails());
    QVERIFY2(bestText.startsWith(QStringLiteral("epoch %1 (lowest validation loss): ").arg(outcome.history.bestEpoch)),
             qPrintable(bestText));
    QVERIFY(outcome.keptBest);
}

// After a stop that kept the last weights, the Results tab offers the best epoch's (in Stop's words); the
// switch is re-evaluated on the worker and Save, Predict, the saved history and the run list follow.
void TestStopQuestion::theResultsTabSwitchesTheKeptWeights()
{
    m_script.answers = {StopChoice::KeepLast};
    startAndWaitForEpochs(3);
    pauseMidEpoch();
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    const TrainingOutcome outcome = *m_panel->lastOutcome();
    QVERIFY(outcome.bestWeights != outcome.lastWeights);

    QComboBox* box = m_panel->results()->weightsBox();
    QVERIFY(!box->isHidden());
    const StopOffer offer = makeStopOffer(outcome.history);
    QCOMPARE(box->itemText(0), offer.lastText());
    QCOMPARE(box->itemText(1), offer.bestText());

    QSignalSpy evaluated(m_panel->controller(), &TrainingController::evaluated);
    QSignalSpy trained(m_panel.get(), &TrainingPanel::modelTrained);
    m_panel->results()->setKeptWeights(TrainingResultsView::KeptWeights::Best);
    QVERIFY(evaluated.wait(10000));
    const float best = accuracyOf(outcome, outcome.bestWeights, *m_data);
    QCOMPARE(*m_document->trainedWeights(), outcome.bestWeights);
    QCOMPARE(m_panel->testAccuracy(), double(best));
    QCOMPARE(m_document->history().testAccuracy, best);
    QCOMPARE(m_panel->runComparison()->run(0).history->testAccuracy, best);
    QVERIFY(m_panel->results()->summaryText().contains(QString::number(100.0 * best, 'f', 2)));
    QCOMPARE(trained.count(), 1);

    m_panel->results()->setKeptWeights(TrainingResultsView::KeptWeights::Last);
    QVERIFY(evaluated.wait(10000));
    const float last = accuracyOf(outcome, outcome.lastWeights, *m_data);
    QCOMPARE(*m_document->trainedWeights(), outcome.lastWeights);
    QCOMPARE(m_document->history().testAccuracy, last);
    QVERIFY(RunComparison::runLabel(m_panel->runComparison()->run(0))
                .contains(QStringLiteral("test %1%").arg(100.0 * double(last), 0, 'f', 2)));
}

QTEST_MAIN(TestStopQuestion)
#include "tst_stopquestion.moc"
