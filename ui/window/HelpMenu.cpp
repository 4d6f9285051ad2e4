// The Help menu: About (version and licences), Keyboard Shortcuts and the User Guide (the README).
#include "window/HelpMenu.h"

#include "window/ShortcutToolTips.h"
#include "window/ShortcutsDialog.h"

#include <neurite/ModelExport.h>

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

// Shortcut tooltips for actions the workspace adds after the menu is built (Train and Predict tabs):
// brought up to date whenever the window is shown.
class ToolTipRefresher : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show)
            showShortcutsInToolTips(static_cast<QWidget*>(watched));
        return QObject::eventFilter(watched, event);
    }
};

// A closable, non-blocking dialog around `content`, replacing an earlier one of the same name.
QDialog* openDialog(QMainWindow* window, const QString& name, const QString& title, QWidget* content, QSize size)
{
    delete window->findChild<QDialog*>(name);
    auto* dialog = new QDialog(window);
    dialog->setObjectName(name);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    content->setParent(dialog);
    layout->addWidget(content);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(size);
    dialog->show();
    return dialog;
}

void showAbout(QMainWindow* window)
{
    auto* text = new QLabel(aboutText());
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    openDialog(window, QStringLiteral("aboutDialog"), QObject::tr("About Neurite"), text, QSize(520, 420));
}

void showUserGuide(QMainWindow* window)
{
    auto* browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuideText"));
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(userGuideMarkdown());
    openDialog(window, QStringLiteral("userGuide"), QObject::tr("Neurite User Guide"), browser, QSize(820, 760));
}

void showShortcuts(QMainWindow* window)
{
    delete window->findChild<ShortcutsDialog*>();
    auto* dialog = new ShortcutsDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace

QString aboutText()
{
    const QString version = QString::fromStdString(neuriteVersion());
    return QObject::tr("<p><img src=\":/icons/neurite.svg\" width=\"64\" height=\"64\"></p>"
                       "<h2>Neurite %1</h2>"
                       "<p>A visual designer for neural networks, with its own training engine.</p>"
                       "<p>Built on, with thanks:</p>"
                       "<table cellspacing=4>"
                       "<tr><td>Qt %2</td><td>LGPLv3</td></tr>"
                       "<tr><td>Eigen</td><td>MPL2</td></tr>"
                       "<tr><td>oneTBB</td><td>Apache 2.0</td></tr>"
                       "<tr><td>zlib</td><td>zlib licence</td></tr>"
                       "<tr><td>nlohmann-json</td><td>MIT</td></tr>"
                       "<tr><td>ONNX (model format)</td><td>Apache 2.0</td></tr>"
                       "<tr><td>protobuf (wire format)</td><td>BSD-3-Clause</td></tr>"
                       "</table>")
        .arg(version, QString::fromLatin1(qVersion()));
}

QString userGuideMarkdown()
{
    QFile file(QStringLiteral(":/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QMenu* installHelpMenu(QMainWindow* window)
{
    QMenu* help = window->menuBar()->addMenu(QObject::tr("&Help"));
    QAction* guide = help->addAction(QObject::tr("&User Guide"), window, [window] { showUserGuide(window); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(QObject::tr("&Keyboard Shortcuts"), window, [window] { showShortcuts(window); });
    help->addSeparator();
    QAction* about = help->addAction(QObject::tr("&About Neurite"), window, [window] { showAbout(window); });
    about->setMenuRole(QAction::AboutRole);
    window->installEventFilter(new ToolTipRefresher(window));
    return help;
}

} // namespace neurite::ui
