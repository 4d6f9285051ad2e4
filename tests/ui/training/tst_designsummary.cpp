// The Train tab says which design it will train (name, layers, parameters) and links back to the Design tab.
#include "Workspace.h"
#include "document/ProjectDocument.h"
#include "training/DesignSummary.h"
#include "training/TrainingPanel.h"
#include "window/MainWindow.h"

#include <neurite/NetworkSpec.h>
#include <neurite/Validation.h>

#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

QString parameters(const NetworkSpec& spec)
{
    return QLocale().toString(qlonglong(validate(spec).totalParameters()));
}

} // namespace

class TestDesignSummary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesTheDesignAndItsParameters()
    {
        ProjectDocument document;
        document.newDesign(*preset("mlp"));
        document.setDesignInfo(QStringLiteral("Reference MLP"), {});
        DesignSummary summary(&document);
        QVERIFY2(summary.text().contains(QStringLiteral("Reference MLP")), qPrintable(summary.text()));
        QVERIFY2(summary.text().contains(parameters(*preset("mlp")) + QStringLiteral(" parameters")),
                 qPrintable(summary.text()));

        // Another design: the line follows it.
        document.newDesign(*preset("logistic"));
        QVERIFY2(summary.text().contains(parameters(*preset("logistic")) + QStringLiteral(" parameters")),
                 qPrintable(summary.text()));
    }

    void saysWhenTheDesignCannotTrain()
    {
        ProjectDocument document;
        NetworkSpec broken = *preset("mlp");
        broken.connections.pop_back(); // the Output loses its input
        document.newDesign(broken);
        DesignSummary summary(&document);
        QVERIFY2(summary.text().contains(QStringLiteral("has problems")), qPrintable(summary.text()));
    }

    void theLinkGoesBackToTheDesignTab()
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        QTabWidget* tabs = window.workspaceTabs();
        tabs->setCurrentIndex(1); // Train
        auto* summary = window.findChild<DesignSummary*>();
        QVERIFY(summary);
        Q_EMIT summary->findChild<QLabel*>()->linkActivated(QStringLiteral("design"));
        QCOMPARE(tabs->currentIndex(), 0);
    }
};

QTEST_MAIN(TestDesignSummary)
#include "tst_designsummary.moc"
