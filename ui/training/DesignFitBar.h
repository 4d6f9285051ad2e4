// Under the design summary in the Train tab: what in the design does not fit the chosen data (the engine's
// checkDesignAgainstData) and a button that adapts the Input and the output layer to it, in one undoable
// step of the document's undo stack.
#pragma once

#include "training/TrainingProgress.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace neurite::ui {

class ProjectDocument;

class DesignFitBar : public QWidget {
    Q_OBJECT
public:
    explicit DesignFitBar(ProjectDocument* document, QWidget* parent = nullptr);

    // The data set loaded for the settings' data (null: none known yet).
    void setData(const DataSetHandle& data);
    QPushButton* adaptButton() const { return m_adapt; }
    QString problemsText() const;
    // Adapts the design to the data (what the button does); false when the design is locked or unchanged.
    bool adapt();

private:
    void refresh();

    ProjectDocument* m_document;
    DataSetHandle m_data;
    QLabel* m_problems;
    QPushButton* m_adapt;
};

// Pushes onto `document`'s undo stack, as one macro, the option changes that make its design take `data`
// (adaptDesignToData). False when nothing changes or the design is locked.
bool adaptDocumentToData(ProjectDocument& document, const Dataset& data);

} // namespace neurite::ui
