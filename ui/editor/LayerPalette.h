// The palette dock's content: every layer type from the engine's registry, grouped, with a filter box.
#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace neurite::ui {

class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget* parent = nullptr);

    void setFilter(const QString& text);
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    // Double-click or Enter on a type: add it where the user is looking.
    void layerActivated(const QString& type);

private:
    void populate();
    void onItemActivated(QTreeWidgetItem* item);

    QLineEdit* m_filter;
    QTreeWidget* m_tree;
};

} // namespace neurite::ui
