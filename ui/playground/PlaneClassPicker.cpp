// The class (or value) that painted points take.
#include "playground/PlaneClassPicker.h"

#include "playground/PlaneColours.h"
#include "playground/PlanePoints.h"

#include <QButtonGroup>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QPainter>
#include <QToolButton>

namespace neurite::ui {

namespace {

constexpr int kNamedClasses = 4;
constexpr int kLongestName = 12;

QString elidedName(const QString& name)
{
    return name.size() <= kLongestName ? name : name.left(kLongestName - 1) + QChar(0x2026);
}

// A class's dot as the plane draws a training point, for its button.
QIcon classIcon(int index, int classes)
{
    const qreal ratio = 2; // drawn at twice the size so that it stays crisp on high-density screens
    QPixmap pixmap(QSize(14, 14) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paintPlanePoint(painter, QPointF(7, 7), 5, classColour(index, classes), false);
    painter.setPen(QPen(QColor(0, 0, 0, 60), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(7, 7), 6.6, 6.6); // keeps the white ring visible on a white button
    return QIcon(pixmap);
}

} // namespace

PlaneClassPicker::PlaneClassPicker(QWidget* parent) : QWidget(parent)
{
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(2);
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int index) {
        m_current = index;
        Q_EMIT classChosen(index);
    });
    m_add = new QToolButton(this);
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add a class to paint (up to %1)").arg(kMaxPaintedClasses));
    connect(m_add, &QToolButton::clicked, this, &PlaneClassPicker::addClass);
    m_value = new QDoubleSpinBox(this);
    m_value->setRange(-1e6, 1e6);
    m_value->setDecimals(2);
    m_value->setSingleStep(0.1);
    m_value->setValue(1);
    m_value->setPrefix(tr("Value "));
    m_value->setToolTip(tr("The value of the points you paint"));
    m_value->hide();
    connect(m_value, &QDoubleSpinBox::valueChanged, this, &PlaneClassPicker::valueChosen);
    setClasses({QStringLiteral("-1"), QStringLiteral("1")});
}

void PlaneClassPicker::setClasses(const QStringList& names)
{
    m_names = names;
    if (m_current >= m_names.size())
        m_current = 0;
    rebuildButtons();
}

void PlaneClassPicker::setCurrentClass(int index)
{
    if (index < 0 || index >= int(m_buttons.size()))
        return;
    m_current = index;
    m_buttons[std::size_t(index)]->setChecked(true);
}

void PlaneClassPicker::setRegression(bool regression)
{
    m_regression = regression;
    rebuildButtons();
}

double PlaneClassPicker::currentValue() const
{
    return m_value->value();
}

void PlaneClassPicker::setCurrentValue(double value)
{
    m_value->setValue(value);
}

QAbstractButton* PlaneClassPicker::classButton(int index) const
{
    return index >= 0 && index < int(m_buttons.size()) ? m_buttons[std::size_t(index)] : nullptr;
}

QAbstractButton* PlaneClassPicker::addButton() const
{
    return m_add;
}

void PlaneClassPicker::rebuildButtons()
{
    for (QToolButton* button : m_buttons) {
        m_group->removeButton(button);
        delete button;
    }
    m_buttons.clear();
    m_row->removeWidget(m_add);
    m_row->removeWidget(m_value);
    const int classes = int(m_names.size());
    for (int i = 0; !m_regression && i < classes; ++i) {
        auto* button = new QToolButton(this);
        button->setCheckable(true);
        button->setText(elidedName(m_names[i]));
        button->setIcon(classIcon(i, classes));
        // Many classes show only their colours (the names are in the tooltips and the plane's legend), so
        // that the row fits beside a small plane.
        button->setToolButtonStyle(classes > kNamedClasses ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
        button->setToolTip(tr("Paint points of class %1").arg(m_names[i]));
        m_group->addButton(button, i);
        m_row->addWidget(button);
        m_buttons.push_back(button);
    }
    m_row->addWidget(m_add);
    m_row->addWidget(m_value);
    m_add->setVisible(!m_regression);
    m_add->setEnabled(classes < kMaxPaintedClasses);
    m_value->setVisible(m_regression);
    if (!m_buttons.empty())
        m_buttons[std::size_t(m_current)]->setChecked(true);
}

QString PlaneClassPicker::nextClassName() const
{
    for (int number = int(m_names.size());; ++number)
        if (!m_names.contains(QString::number(number)))
            return QString::number(number);
}

void PlaneClassPicker::addClass()
{
    if (m_names.size() >= kMaxPaintedClasses)
        return;
    m_names << nextClassName();
    m_current = int(m_names.size()) - 1;
    rebuildButtons();
    Q_EMIT classAdded();
    Q_EMIT classChosen(m_current);
}

} // namespace neurite::ui
