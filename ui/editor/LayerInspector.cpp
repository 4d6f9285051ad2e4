// The inspector dock's content: edits the selected layer's options with widgets built from the registry.
#include "editor/LayerInspector.h"

#include "editor/GraphCommands.h"
#include "document/ProjectDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

// "cross_entropy" -> "cross entropy": choice keys shown as words, stored unchanged.
QString choiceLabel(const std::string& key)
{
    QString text = QString::fromStdString(key);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    return text;
}

double numberOf(const LayerOptions& options, const OptionDescriptor& option)
{
    auto it = options.find(option.key);
    const double* value = it == options.end() ? nullptr : std::get_if<double>(&it->second);
    return value ? *value : option.defaultNumber;
}

std::string choiceOf(const LayerOptions& options, const OptionDescriptor& option)
{
    auto it = options.find(option.key);
    const std::string* value = it == options.end() ? nullptr : std::get_if<std::string>(&it->second);
    return value ? *value : option.defaultChoice;
}

} // namespace

LayerInspector::LayerInspector(ProjectDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_title = new QLabel(this);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_title->setFont(font);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    m_form = new QWidget(this);
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 6, 0, 6);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Every text wraps: the dock can be as narrow as its minimum width, and a clipped sentence
    // ("Output shape unknown until the layer's inp…") says nothing.
    m_title->setWordWrap(true);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("layerFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_issues = new QLabel(this);
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_form);
    layout->addWidget(m_facts);
    layout->addWidget(m_issues);
    layout->addStretch();

    connect(document->model(), &GraphModel::nodeUpdated, this, [this](const QString& id) {
        if (id == m_nodeId)
            refreshValues();
    });
    connect(document->model(), &GraphModel::nodeRemoved, this, [this](const QString& id) {
        if (id == m_nodeId)
            setNode({});
    });
    connect(document->model(), &GraphModel::modelReset, this, [this] { setNode({}); });
    connect(document, &ProjectDocument::validationChanged, this, &LayerInspector::refreshFacts);
    connect(document, &ProjectDocument::designLockedChanged, this,
            [this](bool locked) { m_form->setEnabled(!locked); });
    rebuild();
}

void LayerInspector::setNode(const QString& nodeId)
{
    m_nodeId = m_document->model()->hasNode(nodeId) ? nodeId : QString();
    rebuild();
}

void LayerInspector::rebuild()
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_editors.clear();
    if (m_nodeId.isEmpty()) {
        m_title->setText(tr("No layer selected"));
        m_description->setText(tr("Select a layer on the canvas to edit its options."));
        m_facts->clear();
        m_issues->clear();
        return;
    }
    const Node& node = m_document->model()->node(m_nodeId);
    const LayerTypeInfo* info = findLayerType(node.type.toStdString());
    m_title->setText(
        QStringLiteral("%1  <span style='color:#8a94a3; font-weight:normal'>%2</span>").arg(node.type, m_nodeId));
    m_description->setText(info ? QString::fromStdString(info->description) : tr("Unknown layer type."));
    if (info) {
        for (const OptionDescriptor& option : info->options) {
            QWidget* editor = makeEditor(option);
            editor->setToolTip(QString::fromStdString(option.help));
            m_editors.insert(QString::fromStdString(option.key), editor);
            m_formLayout->addRow(QString::fromStdString(option.label) + QLatin1Char(':'), editor);
        }
        if (info->options.empty())
            m_formLayout->addRow(new QLabel(tr("This layer has no options."), m_form));
    }
    m_form->setEnabled(!m_document->isDesignLocked());
    refreshValues();
    refreshFacts();
}

QWidget* LayerInspector::makeEditor(const OptionDescriptor& option)
{
    const std::string key = option.key;
    switch (option.kind) {
    case OptionKind::Integer: {
        auto* box = new QSpinBox(m_form);
        box->setRange(int(option.minimum), int(option.maximum));
        box->setKeyboardTracking(false);
        box->setGroupSeparatorShown(true);
        connect(box, &QSpinBox::valueChanged, this, [this, key](int v) { commit(key, double(v)); });
        return box;
    }
    case OptionKind::Real: {
        auto* box = new QDoubleSpinBox(m_form);
        box->setDecimals(3);
        box->setRange(option.minimum, option.maximum);
        box->setSingleStep(option.maximum - option.minimum <= 1 ? 0.01 : 0.1);
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, key](double v) { commit(key, v); });
        return box;
    }
    case OptionKind::Boolean: {
        auto* box = new QCheckBox(m_form);
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) { commit(key, on ? 1.0 : 0.0); });
        return box;
    }
    case OptionKind::Choice: break;
    }
    auto* box = new QComboBox(m_form);
    for (const std::string& choice : option.choices)
        box->addItem(choiceLabel(choice), QString::fromStdString(choice));
    connect(box, &QComboBox::activated, this,
            [this, key, box](int index) { commit(key, box->itemData(index).toString().toStdString()); });
    return box;
}

void LayerInspector::refreshValues()
{
    if (m_nodeId.isEmpty())
        return;
    const Node& node = m_document->model()->node(m_nodeId);
    const LayerTypeInfo* info = findLayerType(node.type.toStdString());
    if (!info)
        return;
    m_updating = true; // setting widgets from the model must not create commands
    for (const OptionDescriptor& option : info->options) {
        QWidget* editor = m_editors.value(QString::fromStdString(option.key));
        if (auto* spin = qobject_cast<QSpinBox*>(editor))
            spin->setValue(int(numberOf(node.options, option)));
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor))
            real->setValue(numberOf(node.options, option));
        else if (auto* check = qobject_cast<QCheckBox*>(editor))
            check->setChecked(numberOf(node.options, option) != 0);
        else if (auto* combo = qobject_cast<QComboBox*>(editor))
            combo->setCurrentIndex(combo->findData(QString::fromStdString(choiceOf(node.options, option))));
    }
    m_updating = false;
}

void LayerInspector::refreshFacts()
{
    if (m_nodeId.isEmpty() || !m_document->model()->hasNode(m_nodeId))
        return;
    const ValidationReport& report = m_document->validation();
    auto facts = report.layers.find(m_nodeId.toStdString());
    const QLocale locale;
    if (facts != report.layers.end()) {
        m_facts->setText(tr("<table cellspacing=3><tr><td>Output shape</td><td align=right><b>%1</b></td></tr>"
                            "<tr><td>Parameters</td><td align=right><b>%2</b></td></tr>"
                            "<tr><td>Multiply-adds</td><td align=right><b>%3</b></td></tr></table>")
                             .arg(QString::fromStdString(facts->second.outputShape.toString()),
                                  locale.toString(qlonglong(facts->second.parameters)),
                                  locale.toString(qlonglong(facts->second.multiplyAdds))));
    } else {
        m_facts->setText(tr("<i>Output shape unknown until the layer's input is wired and valid.</i>"));
    }
    QString issues;
    for (const ValidationIssue& issue : report.issues) {
        if (issue.layerId != m_nodeId.toStdString())
            continue;
        const bool error = issue.severity == ValidationIssue::Severity::Error;
        issues += QStringLiteral("<p style='color:%1'>%2 %3</p>")
                      .arg(error ? QStringLiteral("#d93025") : QStringLiteral("#b36b00"),
                           error ? QStringLiteral("✖") : QStringLiteral("⚠"),
                           QString::fromStdString(issue.message).toHtmlEscaped());
    }
    m_issues->setText(issues);
}

void LayerInspector::commit(const std::string& key, const OptionValue& value)
{
    if (m_updating || m_nodeId.isEmpty())
        return;
    const LayerOptions& current = m_document->model()->node(m_nodeId).options;
    auto it = current.find(key);
    if (it != current.end() && it->second == value)
        return;
    if (!m_document->execute(new SetOptionCommand(m_document->model(), m_nodeId, key, value)))
        refreshValues(); // locked: show the unchanged value again
}

} // namespace neurite::ui
