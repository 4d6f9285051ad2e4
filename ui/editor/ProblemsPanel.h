// The Problems dock's content: the engine's validation issues, one row each; a click selects the layer.
#pragma once

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace neurite::ui {

class ProjectDocument;

class ProblemsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(ProjectDocument* document, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    int problemCount() const { return m_count; }

Q_SIGNALS:
    void layerClicked(const QString& layerId);
    void countChanged(int errors, int warnings);

private:
    void refresh();
    void onItemClicked(QTreeWidgetItem* item);

    ProjectDocument* m_document;
    QTreeWidget* m_list;
    int m_count = 0;
};

} // namespace neurite::ui
