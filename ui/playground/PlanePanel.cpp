// The decision plane with its paint tools and caption, for the Train tab.
#include "playground/PlanePanel.h"

#include "playground/DecisionPlaneView.h"
#include "playground/PaintToolbar.h"
#include "playground/PlaneClassPicker.h"
#include "training/LiveTextLabel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace neurite::ui {

PlanePanel::PlanePanel(QWidget* parent)
    : QWidget(parent), m_toolbar(new PaintToolbar(this)), m_view(new DecisionPlaneView(this)),
      m_caption(new LiveTextLabel(this)), m_showTest(new QCheckBox(tr("Test points"), this)),
      m_showTraining(new QCheckBox(tr("Training points"), this)), m_live(new QCheckBox(tr("Live"), this))
{
    setObjectName(QStringLiteral("planePanel"));
    m_caption->setObjectName(QStringLiteral("planeCaption"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildOptions());

    PlaneClassPicker* picker = m_toolbar->picker();
    connect(picker, &PlaneClassPicker::classChosen, m_view, &DecisionPlaneView::setCurrentClass);
    connect(picker, &PlaneClassPicker::valueChosen, m_view, &DecisionPlaneView::setCurrentValue);
    connect(picker, &PlaneClassPicker::classAdded, this, [this, picker] {
        m_view->setSamples(m_view->samples(), picker->classes(), m_view->isRegression());
        m_view->setCurrentClass(picker->currentClass());
    });
    connect(m_toolbar, &PaintToolbar::paintToggled, m_view, &DecisionPlaneView::setPaintingEnabled);
    connect(m_toolbar, &PaintToolbar::undoRequested, m_view, &DecisionPlaneView::undoEdit);
    connect(m_view, &DecisionPlaneView::undoAvailable, m_toolbar, &PaintToolbar::setUndoEnabled);
    connect(m_toolbar, &PaintToolbar::clearRequested, this,
            [this, picker] { Q_EMIT pointsEdited({}, picker->classes()); });
    connect(m_toolbar, &PaintToolbar::saveRequested, this, &PlanePanel::saveRequested);
    connect(m_toolbar, &PaintToolbar::openRequested, this, &PlanePanel::openRequested);
    connect(m_view, &DecisionPlaneView::pointsEdited, this, [this, picker](const std::vector<PlaneSample>& samples) {
        Q_EMIT pointsEdited(samples, picker->classes());
    });
}

QWidget* PlanePanel::buildOptions()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_showTest->setChecked(true);
    m_showTraining->setChecked(true);
    m_showTest->setToolTip(tr("Show the test points (outlined): the network never trains on them"));
    connect(m_showTest, &QCheckBox::toggled, m_view, &DecisionPlaneView::setShowTest);
    connect(m_showTraining, &QCheckBox::toggled, m_view, &DecisionPlaneView::setShowTraining);
    m_live->setChecked(true);
    m_live->setObjectName(QStringLiteral("livePlane"));
    m_live->setToolTip(tr("Redraw the plane and the neurons' maps about 10 times a second while training "
                          "(off: only when a run ends, for the last bit of speed)"));
    connect(m_live, &QCheckBox::toggled, this, &PlanePanel::liveToggled);
    layout->addWidget(m_caption, 1);
    layout->addWidget(m_live);
    layout->addWidget(m_showTraining);
    layout->addWidget(m_showTest);
    return row;
}

bool PlanePanel::setData(const DataSetHandle& data)
{
    m_inputs = data ? PlaneInputs::of(data->schema) : std::nullopt;
    if (!m_inputs)
        return false;
    const bool regression = data->task() == TaskKind::Regression;
    const QStringList names = classNamesOf(*data);
    // Undo goes back through the strokes of this set; another set starts a new history.
    if (data->name != m_dataName && data->name != kPaintedDataSet)
        m_view->clearEditHistory();
    m_dataName = data->name;
    m_view->setBounds(planeBounds(*data, *m_inputs));
    m_view->setAxisNames(QString::fromStdString(m_inputs->x1Name()), QString::fromStdString(m_inputs->x2Name()));
    m_view->setSamples(planeSamples(*data, *m_inputs), names, regression);
    m_toolbar->picker()->setRegression(regression);
    m_toolbar->picker()->setClasses(names);
    m_view->setCurrentClass(m_toolbar->picker()->currentClass());
    return true;
}

QStringList PlanePanel::classNamesOf(const Dataset& data) const
{
    QStringList names;
    for (const std::string& name : data.classNames)
        names << QString::fromStdString(name);
    return names;
}

void PlanePanel::setSnapshot(const PlaneSnapshot& snapshot, const QString& caption)
{
    m_view->setGrid(snapshot.grid);
    m_caption->setText(caption);
}

void PlanePanel::clearSnapshot(const QString& caption)
{
    m_view->setGrid(nullptr);
    m_caption->setText(caption);
}

void PlanePanel::setEditable(bool editable)
{
    m_toolbar->setEnabled(editable);
    if (!editable)
        m_toolbar->setPainting(false);
}

QString PlanePanel::captionText() const
{
    return m_caption->text();
}

} // namespace neurite::ui
