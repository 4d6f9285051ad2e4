// File > Import ONNX and an .onnx file dropped on the window: the model opens as a new, unsaved project
// with its design and weights (the Predict tab and training use them); a model that cannot be imported
// names its nodes and leaves the current design alone.
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "ExportDesigns.h"
#include "RecurrentOnnxModel.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"

#include <QAction>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

std::vector<std::string> layerIds(const NetworkSpec& spec)
{
    std::vector<std::string> ids;
    for (const LayerSpec& layer : spec.layers)
        ids.push_back(layer.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class ModelImportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    Weights m_weights;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateUserState(m_dir);
        Network net(*preset("resnet-small"), 4);
        test::setTrainedLikeWeights(net, 9);
        m_weights = net.weights();
        m_model = m_dir.filePath("residual.onnx");
        exportOnnx(net.spec(), m_weights, m_model.toStdString());
    }

    void fileMenuOffersImport()
    {
        MainWindow window;
        bool found = false;
        for (const QAction* action : window.fileMenu()->actions())
            found = found || action->text().remove('&') == "Import ONNX…";
        QVERIFY(found);
    }

    void importedModelOpensUnsavedWithItsWeights()
    {
        MainWindow window;
        QVERIFY(window.importModel(m_model));
        ProjectDocument* document = window.document();
        QCOMPARE(layerIds(document->spec()), layerIds(*preset("resnet-small")));
        QVERIFY(document->trainedWeights().has_value());
        QVERIFY(*document->trainedWeights() == m_weights);
        QVERIFY(document->isModified());
        QVERIFY(document->path().isEmpty());
        QVERIFY(document->positionsGuessed());          // laid out for the view, as a template is
        QVERIFY(document->settings().startFromWeights); // Train fine-tunes it
        QCOMPARE(document->designName(), QString("residual"));
    }

    void droppedModelOpens()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.document()->setModified(false); // the start-up template: nothing to ask about
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_model)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(layerIds(window.document()->spec()), layerIds(*preset("resnet-small")));
        QVERIFY(window.document()->trainedWeights().has_value());

        QMimeData text;
        text.setText("not a file");
        QDragEnterEvent other(QPoint(50, 50), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        other.ignore();
        QApplication::sendEvent(&window, &other);
        QVERIFY(!other.isAccepted());
    }

    void unimportableModelKeepsTheDesign()
    {
        const QString path = m_dir.filePath("lstm.onnx");
        QVERIFY(test::writeRecurrentOnnxModel(path));
        MainWindow window;
        const NetworkSpec before = window.document()->spec();
        QVERIFY(!window.importModel(path));
        QVERIFY2(window.lastError().contains("node 'lstm_1' (LSTM, opset 14): Neurite has no recurrent layers"),
                 qPrintable(window.lastError()));
        QVERIFY(window.document()->spec() == before);
    }
};

QTEST_MAIN(ModelImportTest)
#include "tst_modelimport.moc"
