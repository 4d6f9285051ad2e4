// Tests what the designer tells the desktop: its window icon is packaging/'s SVG, its desktop entry's name
// matches the installed entry, its version is the project's, and its settings follow the XDG folders.
#include "document/RecoveryFile.h"
#include "window/ApplicationIdentity.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSettings>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite::ui;

namespace {

QString sourceFile(const QString& relative)
{
    return QDir(qEnvironmentVariable("NEURITE_SOURCE_DIR")).filePath(relative);
}

// The icon as an independent renderer draws it from the file in the source tree.
QImage referenceIcon(int size)
{
    QSvgRenderer svg(sourceFile("packaging/icons/org.neurite.Neurite.svg"));
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    svg.render(&painter);
    return image;
}

int pixelsNear(const QImage& image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) <
                30)
                ++count;
        }
    return count;
}

} // namespace

class TestApplicationIdentity : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;
    QTemporaryDir m_data;

private Q_SLOTS:
    // Before anything reads a setting: Qt fixes the settings folder the first time it needs it.
    void initTestCase()
    {
        QVERIFY(m_config.isValid() && m_data.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        applyApplicationIdentity();
    }

    void windowIconIsThePackagedSvg()
    {
        MainWindow window;
        QVERIFY(!window.windowIcon().isNull());
        const QImage shown =
            window.windowIcon().pixmap(QSize(64, 64)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(shown.size(), QSize(64, 64));
        const QImage reference = referenceIcon(64);
        QVERIFY(!reference.isNull());
        QCOMPARE(shown, reference);
        // A real drawing: the input, hidden and output nodes' colours are all there, and the corners are clear.
        for (QColor node : {QColor(0x2f, 0x74, 0xc0), QColor(0x1e, 0xa4, 0x8f), QColor(0xf0, 0xa0, 0x30)})
            QVERIFY2(pixelsNear(shown, node) > 20, qPrintable(node.name()));
        QCOMPARE(shown.pixelColor(0, 0).alpha(), 0);
    }

    void desktopEntryNameMatchesTheInstalledEntry()
    {
        const QString entry = QGuiApplication::desktopFileName();
        QVERIFY(entry.count('.') >= 2);
        QVERIFY2(QFile::exists(sourceFile("packaging/" + entry + ".desktop.in")), qPrintable(entry));
        QVERIFY2(QFile::exists(sourceFile("packaging/icons/" + entry + ".svg")), qPrintable(entry));
    }

    void versionIsTheProjectsVersion()
    {
        // The top-level CMakeLists.txt's project(... VERSION x.y.z ...), read independently of the build.
        QFile cmake(sourceFile("CMakeLists.txt"));
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QRegularExpression project(QStringLiteral("project\\(Neurite VERSION ([0-9.]+)"));
        const QRegularExpressionMatch match = project.match(QString::fromUtf8(cmake.readAll()));
        QVERIFY(match.hasMatch());
        QCOMPARE(QApplication::applicationVersion(), match.captured(1));
    }

    // QSettings and the recovery folder live under $XDG_CONFIG_HOME and $XDG_DATA_HOME, not in the
    // working directory or a fixed path.
    void settingsAndRecoveryFollowXdg()
    {
        {
            QSettings settings;
            settings.setValue("identityTest", 1);
        }
        QVERIFY(QFile::exists(m_config.filePath("Neurite/Neurite.conf")));
        qunsetenv("NEURITE_RECOVERY_DIR");
        QCOMPARE(RecoveryFile::directory(), m_data.filePath("Neurite/Neurite/recovery"));
    }
};

QTEST_MAIN(TestApplicationIdentity)
#include "tst_applicationidentity.moc"
