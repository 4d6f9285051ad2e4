// The line at the top of the Train tab that says which design a run will train: its name, layers and
// parameters (or that it has problems), with a link back to the Design tab.
#pragma once

#include <QWidget>

class QLabel;

namespace neurite::ui {

class ProjectDocument;

class DesignSummary : public QWidget {
    Q_OBJECT
public:
    explicit DesignSummary(ProjectDocument* document, QWidget* parent = nullptr);

    QString text() const;

Q_SIGNALS:
    // The user followed the link to the Design tab.
    void editRequested();

private:
    void refresh();

    ProjectDocument* m_document;
    QLabel* m_label;
};

} // namespace neurite::ui
