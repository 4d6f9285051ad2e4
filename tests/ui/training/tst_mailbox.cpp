// The mailbox between the training thread and the GUI: letters arrive in order, one notification per empty
// box (urgent ones always), and the GUI's tryTakeAll() never waits while the sender holds the box.
#include "training/Mailbox.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace neurite::ui;

class TestMailbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lettersArriveInOrderWithOneNotificationPerEmptyBox()
    {
        Mailbox<int> box;
        int notifications = 0;
        for (int i = 1; i <= 3; ++i)
            box.post(i, false, [&] { ++notifications; });
        QCOMPARE(notifications, 1);
        QVERIFY(!box.hasUrgent());
        box.post(4, true, [&] { ++notifications; });
        QCOMPARE(notifications, 2);
        QVERIFY(box.hasUrgent());
        const std::optional<std::vector<int>> letters = box.tryTakeAll();
        QVERIFY(letters.has_value());
        QCOMPARE(*letters, (std::vector<int>{1, 2, 3, 4}));
        QVERIFY(!box.hasUrgent());
        QVERIFY(box.tryTakeAll()->empty()); // free and empty: an empty list, not "ask again"
    }

    void mergedLettersJoinTheNewest()
    {
        Mailbox<int> box;
        int notifications = 0;
        const auto addToNewest = [](int& newest) {
            newest += 10;
            return true;
        };
        box.postOrMerge(
            addToNewest, [] { return 1; }, [&] { ++notifications; }); // empty: posted
        box.postOrMerge(
            addToNewest, [] { return 2; }, [&] { ++notifications; }); // merged into 1
        QCOMPARE(notifications, 1);
        QCOMPARE(box.takeAll(), std::vector<int>{11});
    }

    void urgentStaysUntilTheLastLetterIsTaken()
    {
        Mailbox<int> box;
        box.post(1, true, [] {});
        box.post(2, false, [] {});
        QCOMPARE(box.takeOne(), std::optional<int>(1));
        QVERIFY(box.hasUrgent()); // may stay a little longer than needed, never shorter
        QCOMPARE(box.takeOne(), std::optional<int>(2));
        QVERIFY(!box.hasUrgent());
        QCOMPARE(box.takeOne(), std::nullopt);
    }

    // The sender's notify runs under the lock: while a sender is held inside it, the receiver's
    // tryTakeAll() and hasUrgent() return at once; once the sender lets go, the letter is there.
    void tryTakeAllDoesNotWaitForABusySender()
    {
        Mailbox<int> box;
        std::atomic<bool> insideNotify = false;
        std::atomic<bool> release = false;
        std::thread sender([&] {
            box.post(7, true, [&] {
                insideNotify = true;
                // Let go after two seconds regardless, so that a receiver that waits fails instead of hanging.
                const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(2);
                while (!release && std::chrono::steady_clock::now() < giveUp)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            });
        });
        while (!insideNotify)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const auto start = std::chrono::steady_clock::now();
        const std::optional<std::vector<int>> whileBusy = box.tryTakeAll();
        const bool urgent = box.hasUrgent();
        const auto waited = std::chrono::steady_clock::now() - start;
        release = true;
        sender.join();
        QVERIFY(!whileBusy.has_value());
        QVERIFY(urgent); // set before notify ran
        QVERIFY2(waited < std::chrono::seconds(1), "tryTakeAll or hasUrgent waited for the sender");
        const std::optional<std::vector<int>> afterwards = box.tryTakeAll();
        QVERIFY(afterwards.has_value());
        QCOMPARE(*afterwards, std::vector<int>{7});
    }
};

QTEST_GUILESS_MAIN(TestMailbox)
#include "tst_mailbox.moc"
