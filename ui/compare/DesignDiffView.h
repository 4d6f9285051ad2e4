// The design diff in the editor's place: a banner saying what is compared with what (and a button to leave),
// the union graph with its marks, and a panel listing every difference; clicking one shows its layer.
#pragma once

#include <neurite/NetworkSpec.h>

#include <QGraphicsView>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace neurite::ui {

class DesignDiffScene;

// Fits the whole diff on show and on resize (never enlarging past 1:1); the wheel zooms, dragging pans.
class DiffGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiffGraphView(QGraphicsScene* scene, QWidget* parent = nullptr);
    void fitToContents();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    bool m_fitted = true; // until the user zooms, a resize fits again
};

class DesignDiffView : public QWidget {
    Q_OBJECT
public:
    // `before` is the design compared with (a run's, another file's), `after` the one shown as it is.
    DesignDiffView(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName,
                   const QString& afterName, QWidget* parent = nullptr);

    DesignDiffScene* scene() const { return m_scene; }
    DiffGraphView* view() const { return m_view; }
    QTreeWidget* panel() const { return m_panel; }
    QLabel* banner() const { return m_banner; }
    QPushButton* leaveButton() const { return m_leave; }
    QSize sizeHint() const override { return {900, 600}; }

Q_SIGNALS:
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fillPanel();
    QTreeWidgetItem* addEntry(const QString& text, const QString& nodeId, int status);
    QString bannerText(const QString& beforeName, const QString& afterName) const;

    DesignDiffScene* m_scene;
    DiffGraphView* m_view;
    QLabel* m_banner;
    QPushButton* m_leave;
    QTreeWidget* m_panel;
};

} // namespace neurite::ui
