// The class that painting adds: a row of toggle buttons in the classes' colours with their names, and "+"
// to add a class (up to 8); for a regression, the value that painted points take instead.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

class QAbstractButton;
class QButtonGroup;
class QDoubleSpinBox;
class QHBoxLayout;
class QToolButton;

namespace neurite::ui {

class PlaneClassPicker : public QWidget {
    Q_OBJECT
public:
    explicit PlaneClassPicker(QWidget* parent = nullptr);

    // One button per class, in order; keeps the current class when it still exists (else the first).
    void setClasses(const QStringList& names);
    const QStringList& classes() const { return m_names; }
    int currentClass() const { return m_current; }
    // Checks that class's button without emitting classChosen.
    void setCurrentClass(int index);

    // A regression shows the value box instead of the classes.
    void setRegression(bool regression);
    bool isRegression() const { return m_regression; }
    double currentValue() const;
    void setCurrentValue(double value);

    QAbstractButton* classButton(int index) const;
    QAbstractButton* addButton() const;

Q_SIGNALS:
    void classChosen(int index);
    // A class was added (named by the next free number) and chosen; classes() has it.
    void classAdded();
    void valueChosen(double value);

private:
    void rebuildButtons();
    void addClass();
    QString nextClassName() const;

    QStringList m_names;
    int m_current = 0;
    bool m_regression = false;
    QHBoxLayout* m_row = nullptr;
    QButtonGroup* m_group = nullptr;
    std::vector<QToolButton*> m_buttons;
    QToolButton* m_add = nullptr;
    QDoubleSpinBox* m_value = nullptr;
};

} // namespace neurite::ui
