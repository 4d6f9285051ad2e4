// The painting tools above the decision plane.
#include "playground/PaintToolbar.h"

#include "playground/PlaneClassPicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace neurite::ui {

PaintToolbar::PaintToolbar(QWidget* parent) : QWidget(parent)
{
    m_paint = new QToolButton(this);
    m_paint->setText(tr("Paint"));
    m_paint->setCheckable(true);
    m_paint->setToolTip(tr("Add and erase points on the plane with the mouse"));
    m_undo = new QToolButton(this);
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(tr("Take back the last click, spray or erasing stroke"));
    m_undo->setEnabled(false);
    m_picker = new PlaneClassPicker(this);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setToolTip(tr("Remove every point, to paint a data set from scratch"));
    m_save = new QPushButton(tr("Save points…"), this);
    m_save->setToolTip(tr("Save the points as a CSV file (x1, x2 and the class or value)"));
    m_open = new QPushButton(tr("Open points…"), this);
    m_open->setToolTip(tr("Open a CSV file with two numeric columns as a two-dimensional data set"));
    m_hint = new QLabel(tr("Click: add a point · drag: spray · right button: erase"), this);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_paint);
    tools->addWidget(m_undo);
    tools->addWidget(m_hint, 1);
    auto* classes = new QHBoxLayout;
    classes->addWidget(m_picker);
    classes->addStretch();
    auto* files = new QHBoxLayout;
    files->addWidget(m_clear);
    files->addWidget(m_save);
    files->addWidget(m_open);
    files->addStretch();
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(tools);
    column->addLayout(classes);
    column->addLayout(files);

    connect(m_paint, &QToolButton::toggled, this, [this](bool painting) {
        m_hint->setEnabled(painting); // greyed while painting is off
        Q_EMIT paintToggled(painting);
    });
    // Choosing a colour means painting with it.
    connect(m_picker, &PlaneClassPicker::classChosen, this, [this] { setPainting(true); });
    connect(m_undo, &QToolButton::clicked, this, &PaintToolbar::undoRequested);
    connect(m_clear, &QPushButton::clicked, this, &PaintToolbar::clearRequested);
    connect(m_save, &QPushButton::clicked, this, &PaintToolbar::saveRequested);
    connect(m_open, &QPushButton::clicked, this, &PaintToolbar::openRequested);
}

bool PaintToolbar::isPainting() const
{
    return m_paint->isChecked();
}

void PaintToolbar::setUndoEnabled(bool enabled)
{
    m_undo->setEnabled(enabled);
}

void PaintToolbar::setPainting(bool painting)
{
    m_paint->setChecked(painting);
}

} // namespace neurite::ui
