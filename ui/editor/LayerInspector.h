// The inspector dock's content: edits the selected layer's options with widgets built from the registry.
#pragma once

#include <neurite/LayerRegistry.h>

#include <QHash>
#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace neurite::ui {

class ProjectDocument;

// Generic: every layer type gets its widgets from its OptionDescriptors (spin boxes with the option's range,
// combo boxes for choices, check boxes for booleans). Each change is one undoable command.
class LayerInspector : public QWidget {
    Q_OBJECT
public:
    explicit LayerInspector(ProjectDocument* document, QWidget* parent = nullptr);

    void setNode(const QString& nodeId); // empty shows a hint
    QString nodeId() const { return m_nodeId; }
    // The editor widget of option `key` (for tests), or null.
    QWidget* editor(const QString& key) const { return m_editors.value(key); }

private:
    void rebuild();
    void refreshValues();
    void refreshFacts();
    QWidget* makeEditor(const OptionDescriptor& option);
    void commit(const std::string& key, const OptionValue& value);

    ProjectDocument* m_document;
    QString m_nodeId;
    QLabel* m_title;
    QLabel* m_description;
    QWidget* m_form;
    QFormLayout* m_formLayout;
    QLabel* m_facts;
    QLabel* m_issues;
    QHash<QString, QWidget*> m_editors;
    bool m_updating = false;
};

} // namespace neurite::ui
