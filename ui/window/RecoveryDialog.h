// The recovery offer after a crash: every recovery file that crashed sessions left, each with its design
// name, time and epoch, restored or discarded one by one; "Decide Later" keeps the rest for next time.
#pragma once

#include "document/RecoveredWork.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <functional>

class QLabel;
class QVBoxLayout;

namespace neurite::ui {

class RecoveryDialog : public QDialog {
    Q_OBJECT
public:
    // Loads an orphan into the window; false when that did not happen (the user kept the current design,
    // or the file could not be read), and the entry then stays offered.
    using Restorer = std::function<bool(const QString& orphan)>;

    RecoveryDialog(const QList<RecoveredWork>& orphans, Restorer restore, QWidget* parent);

    // The recovery files still waiting for a decision, in the order shown (newest first).
    QStringList undecided() const;

private:
    QWidget* entryFor(const RecoveredWork& work);
    // The user decided about `entry`: it goes, and the dialog closes once nothing is left to decide.
    void decided(QWidget* entry);
    void updateIntro();

    Restorer m_restore;
    QLabel* m_intro;
    QVBoxLayout* m_entries;
};

} // namespace neurite::ui
