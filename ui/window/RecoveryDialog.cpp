// The recovery offer after a crash: every recovery file that crashed sessions left, each with its design
// name, time and epoch, restored or discarded one by one; "Decide Later" keeps the rest for next time.
#include "window/RecoveryDialog.h"

#include "document/RecoveryFile.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

const char* const kOrphanProperty = "orphan";

// "12 layers · mnist-10k · the weights of epoch 37 …" or "… · unsaved design changes"; an unreadable file says why.
QString detailsOf(const RecoveredWork& work)
{
    if (!work.error.isEmpty())
        return QObject::tr("Cannot be read: %1").arg(work.error.toHtmlEscaped());
    const QString dataSet = work.dataSet.contains(QLatin1Char('/')) ? QFileInfo(work.dataSet).fileName() : work.dataSet;
    const QString layers = work.layers == 1 ? QObject::tr("1 layer") : QObject::tr("%1 layers").arg(work.layers);
    QStringList parts{layers, dataSet.toHtmlEscaped()};
    parts.append(
        work.checkpointEpoch > 0
            ? QObject::tr("<b>the weights of epoch %1</b> of the run that was training").arg(work.checkpointEpoch)
            : QObject::tr("unsaved design changes"));
    return parts.join(QStringLiteral(" · "));
}

QString titleOf(const RecoveredWork& work)
{
    const QString time = QLocale().toString(work.savedAt, QLocale::ShortFormat);
    return QObject::tr("<b>%1</b> &nbsp;<span style='color:gray'>saved %2</span>")
        .arg(work.designName().toHtmlEscaped(), time);
}

} // namespace

RecoveryDialog::RecoveryDialog(const QList<RecoveredWork>& orphans, Restorer restore, QWidget* parent)
    : QDialog(parent), m_restore(std::move(restore))
{
    setWindowTitle(tr("Recover Unsaved Work"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    auto* list = new QWidget;
    m_entries = new QVBoxLayout(list);
    for (const RecoveredWork& work : orphans)
        m_entries->addWidget(entryFor(work));
    m_entries->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(list);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("decideLater"));
    later->setToolTip(tr("Keep the files not decided yet: they are offered again at the next start and "
                         "from File > Recover Unsaved Work"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    updateIntro();
    // As tall as the entries need at the dialog's width (word-wrapped labels: height for width), up to
    // what a 700-pixel screen leaves; more entries scroll.
    constexpr int kWidth = 640;
    const QMargins margins = layout->contentsMargins();
    const int inner = kWidth - margins.left() - margins.right();
    const int height = m_intro->heightForWidth(inner) + m_entries->totalHeightForWidth(inner) +
                       buttons->sizeHint().height() + 2 * layout->spacing() + margins.top() + margins.bottom();
    resize(kWidth, qMin(height, 520));
}

QWidget* RecoveryDialog::entryFor(const RecoveredWork& work)
{
    auto* entry = new QFrame;
    entry->setFrameShape(QFrame::StyledPanel);
    entry->setProperty(kOrphanProperty, work.file);
    auto* text = new QLabel(titleOf(work) + QStringLiteral("<br>") + detailsOf(work), entry);
    text->setWordWrap(true);
    text->setToolTip(work.originalPath.isEmpty() ? tr("Never saved; recovery file %1").arg(work.file)
                                                 : tr("%1\nrecovery file %2").arg(work.originalPath, work.file));
    auto* restore = new QPushButton(tr("&Restore"), entry);
    restore->setObjectName(QStringLiteral("restore"));
    restore->setEnabled(work.error.isEmpty());
    restore->setToolTip(tr("Open this design in the window, marked unsaved"));
    auto* discard = new QPushButton(tr("&Discard"), entry);
    discard->setObjectName(QStringLiteral("discard"));
    discard->setToolTip(tr("Delete this recovery file"));
    connect(restore, &QPushButton::clicked, this, [this, entry, file = work.file] {
        if (m_restore(file))
            decided(entry);
    });
    connect(discard, &QPushButton::clicked, this, [this, entry, file = work.file] {
        RecoveryFile::remove(file);
        decided(entry);
    });
    auto* row = new QHBoxLayout(entry);
    row->addWidget(text, 1);
    row->addWidget(restore);
    row->addWidget(discard);
    return entry;
}

void RecoveryDialog::decided(QWidget* entry)
{
    m_entries->removeWidget(entry);
    entry->hide();
    entry->deleteLater();
    if (undecided().isEmpty())
        accept();
    else
        updateIntro();
}

void RecoveryDialog::updateIntro()
{
    const int count = int(undecided().size());
    m_intro->setText(count == 1 ? tr("Neurite did not close properly last time. This work was not saved:")
                                : tr("Neurite did not close properly. These %1 sessions left work that was not "
                                     "saved; restore the ones you want (one at a time: each opens in this "
                                     "window) and discard the others:")
                                      .arg(count));
}

QStringList RecoveryDialog::undecided() const
{
    QStringList files; // decided entries have left the layout; the stretch at its end has no widget
    for (int i = 0; i < m_entries->count(); ++i) {
        if (const QWidget* entry = m_entries->itemAt(i)->widget())
            files.append(entry->property(kOrphanProperty).toString());
    }
    return files;
}

} // namespace neurite::ui
