// The network diagram: layout by depth, captions and shapes in the SVG, box colours in the PNG.
#include "NetworkDiagram.h"
#include "neurite/Error.h"
#include "neurite/NetworkSpec.h"

#include <QtTest>

using namespace neurite;
using neurite::render::NetworkDiagram;

class TestNetworkDiagram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chainIsOneRowOfColumns()
    {
        // mlp: Input, 3 Dense, Output = 5 columns of one row (190 wide, 58 high, gaps 56, margins 20).
        const NetworkDiagram diagram(*preset("mlp"));
        QCOMPARE(diagram.size(), QSizeF(20 + 5 * 190 + 4 * 56 + 20, 20 + 58 + 20));
    }

    void branchesStack()
    {
        NetworkSpec spec = *preset("logistic");
        spec.layers.push_back({"side", "ReLU", {}});
        spec.connections.push_back({"input", "side", 0});
        // input -> dense1 and input -> side share depth 1: two rows.
        const NetworkDiagram diagram(spec);
        QCOMPARE(diagram.size().height(), qreal(20 + 2 * 58 + 24 + 20));
    }

    void svgHasCaptionsIdsAndShapes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("mlp.svg");
        NetworkDiagram(*preset("mlp")).writeSvg(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        QVERIFY(svg.startsWith("<?xml"));
        for (const QString& text : {QStringLiteral("Dense 128 \u00b7 ReLU"), QStringLiteral("Dense 10 \u00b7 Softmax"),
                                    QStringLiteral("dense2 \u2192 (64)"), QStringLiteral("Input (1, 28, 28)"),
                                    QStringLiteral("Output \u00b7 Cross-entropy")})
            QVERIFY2(svg.contains(text.toHtmlEscaped()), qPrintable(text));
    }

    void pngHasBoxesAtTheirPlaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("mlp.png");
        NetworkDiagram(*preset("mlp")).writePng(path, 1.0);
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1214, 98));
        // The Input box (green) near its top-left corner, the gap between columns white.
        QCOMPARE(image.pixelColor(30, 30), QColor(0xd8, 0xf0, 0xdc));
        QCOMPARE(image.pixelColor(20 + 190 + 28, 25), QColor(Qt::white));
        QCOMPARE(image.pixelColor(20 + 190 + 56 + 10, 30), QColor(0xd6, 0xe6, 0xfa)); // dense1: Core, blue
    }

    void unwritablePathNamesTheFile()
    {
        try {
            NetworkDiagram(*preset("mlp")).writeSvg("/nonexistent-dir/x.svg");
            QFAIL("no error");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("/nonexistent-dir/x.svg"), e.what());
        }
    }
};

QTEST_MAIN(TestNetworkDiagram)
#include "tst_networkdiagram.moc"
