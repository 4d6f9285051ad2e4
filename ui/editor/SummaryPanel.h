// The summary dock's content: per-layer output shape, parameters and multiply-adds, with totals (like Keras).
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace neurite::ui {

class ProjectDocument;

class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit SummaryPanel(ProjectDocument* document, QWidget* parent = nullptr);

    QTreeWidget* table() const { return m_table; }
    QString totalsText() const;

Q_SIGNALS:
    void layerClicked(const QString& layerId);

private:
    void refresh();

    ProjectDocument* m_document;
    QTreeWidget* m_table;
    QLabel* m_totals;
};

// "427.3 KiB": a byte count for people.
QString formatBytes(double bytes);

} // namespace neurite::ui
