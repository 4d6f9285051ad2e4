// What in the design does not fit the chosen data, and the button that adapts it.
#include "training/DesignFitBar.h"

#include "document/ProjectDocument.h"
#include "editor/GraphCommands.h"

#include <neurite/DataFit.h>
#include <neurite/DesignForData.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace neurite::ui {

bool adaptDocumentToData(ProjectDocument& document, const Dataset& data)
{
    if (document.isDesignLocked())
        return false;
    const NetworkSpec before = document.spec();
    const NetworkSpec after = adaptDesignToData(before, data);
    if (after == before)
        return false;
    QUndoStack* stack = document.undoStack();
    stack->beginMacro(QObject::tr("Adapt the design to %1").arg(QString::fromStdString(data.name)));
    // adaptDesignToData changes options only (the Input's shape, the last layer's units, the loss): one
    // option command each, so that undo restores exactly what was there.
    for (const LayerSpec& layer : after.layers) {
        const LayerSpec* old = before.find(layer.id);
        if (!old)
            continue;
        for (const auto& [key, value] : layer.options) {
            const auto it = old->options.find(key);
            if (it == old->options.end() || it->second != value)
                document.execute(new SetOptionCommand(document.model(), QString::fromStdString(layer.id), key, value));
        }
    }
    stack->endMacro();
    return true;
}

DesignFitBar::DesignFitBar(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_problems(new QLabel(this)),
      m_adapt(new QPushButton(tr("Adapt the design to this data"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
    m_adapt->setToolTip(tr("Set the Input to the data's shape and the last layer to its classes (or to one value "
                           "for a regression); undo takes it back"));
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_adapt);
    connect(m_adapt, &QPushButton::clicked, this, &DesignFitBar::adapt);
    connect(document, &ProjectDocument::validationChanged, this, &DesignFitBar::refresh);
    connect(document, &ProjectDocument::designLockedChanged, this, &DesignFitBar::refresh);
    refresh();
}

void DesignFitBar::setData(const DataSetHandle& data)
{
    m_data = data;
    refresh();
}

bool DesignFitBar::adapt()
{
    return m_data && adaptDocumentToData(*m_document, *m_data);
}

QString DesignFitBar::problemsText() const
{
    return m_problems->text();
}

// Only the data-fit problems of a design that itself compiles: the Problems list has the others.
void DesignFitBar::refresh()
{
    QStringList problems;
    if (m_data) {
        DataFacts facts = dataFactsOf(*m_data);
        for (const ValidationIssue& issue : checkDesignAgainstData(m_document->spec(), facts))
            if (issue.severity == ValidationIssue::Severity::Error)
                problems << QString::fromStdString(issue.message);
    }
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_adapt->setEnabled(!m_document->isDesignLocked());
    setVisible(!problems.isEmpty());
}

} // namespace neurite::ui
