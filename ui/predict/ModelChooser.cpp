// The Predict tab's model list. A new run replaces the model in use only while the user has not picked
// one: a better earlier run, or a file, is never swapped silently for a worse newer run.
#include "predict/ModelChooser.h"

#include "neurite/DataSets.h"
#include "neurite/Error.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace neurite::ui {

namespace {

QString accuracyText(double accuracy)
{
    return std::isnan(accuracy) ? QObject::tr("test accuracy unknown")
                                : QObject::tr("%1% test").arg(100.0 * accuracy, 0, 'f', 1);
}

QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list;
}

} // namespace

std::optional<ModelChoice> modelChoiceFromProject(const neurite::Project& project, ModelChoice::Kind kind,
                                                  const QString& name, QString* error)
{
    if (!project.weights) {
        if (error)
            *error = QObject::tr("%1 has not been trained yet").arg(name);
        return std::nullopt;
    }
    try {
        ModelChoice choice;
        choice.kind = kind;
        choice.network = std::make_shared<neurite::Network>(neurite::networkFromProject(project));
        choice.testAccuracy = project.history.testAccuracy;
        choice.name = name;
        choice.classNames = toQStringList(project.classNames);
        if (choice.classNames.isEmpty() && !project.dataSetName.empty())
            choice.classNames = toQStringList(
                neurite::classNamesFor(project.dataSetName, choice.network->outputSize()));
        choice.dataSetName = QString::fromStdString(project.dataSetName);
        choice.schema = project.schema;
        return choice;
    } catch (const neurite::NeuriteError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
}

ModelChooser::ModelChooser(QWidget* parent) : QWidget(parent), m_list(new QComboBox(this)), m_note(new QLabel(this))
{
    m_list->setToolTip(tr("The model the Predict tab uses: a run of this session, the project's weights, the "
                          "default model or a .neurite file"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Model:"), this));
    row->addWidget(m_list, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_note);
    // `activated` comes from the user only: programmatic selections do not count as a choice.
    connect(m_list, &QComboBox::activated, this, &ModelChooser::onActivated);
    rebuild();
}

void ModelChooser::addRun(const ModelChoice& run)
{
    ModelChoice entry = run;
    entry.kind = ModelChoice::Kind::Run;
    m_choices.push_back(entry);
    rebuild();
    if (!m_userChose || m_current < 0)
        select(int(m_choices.size()) - 1);
    updateNote();
}

void ModelChooser::setProjectModel(const std::optional<ModelChoice>& project)
{
    setSingle(ModelChoice::Kind::Project, project);
}

void ModelChooser::setDefaultModel(const std::optional<ModelChoice>& model)
{
    setSingle(ModelChoice::Kind::Default, model);
}

// Replaces the one entry of `kind` (project weights, default model), keeping what is in use when it stays.
void ModelChooser::setSingle(ModelChoice::Kind kind, const std::optional<ModelChoice>& choice)
{
    const int at = indexOf(kind);
    const bool wasCurrent = at >= 0 && at == m_current;
    if (at >= 0) {
        m_choices.erase(m_choices.begin() + at);
        if (m_current > at)
            --m_current;
        else if (wasCurrent)
            m_current = -1;
    }
    if (choice) {
        ModelChoice entry = *choice;
        entry.kind = kind;
        m_choices.push_back(entry);
    }
    rebuild();
    if (wasCurrent && choice)
        select(int(m_choices.size()) - 1);
}

void ModelChooser::resetChoice()
{
    m_userChose = false;
    int index = indexOf(ModelChoice::Kind::Project);
    if (index < 0)
        index = indexOf(ModelChoice::Kind::Default);
    if (index < 0) { // nothing of this document's own: no model until a run or a choice
        m_current = -1;
        rebuild();
    }
    select(index);
    updateNote();
}

bool ModelChooser::openModelFile(const QString& path)
{
    try {
        const neurite::Project project = neurite::loadProject(QFile::encodeName(path).toStdString());
        auto choice = modelChoiceFromProject(project, ModelChoice::Kind::File, QFileInfo(path).fileName(),
                                             &m_lastError);
        if (!choice)
            return false;
        m_choices.push_back(*choice);
    } catch (const neurite::NeuriteError& e) {
        m_lastError = QString::fromStdString(e.what());
        return false;
    }
    rebuild();
    m_userChose = true;
    select(int(m_choices.size()) - 1);
    updateNote();
    return true;
}

void ModelChooser::useModel(const ModelChoice& model)
{
    int at = -1;
    for (std::size_t i = 0; i < m_choices.size(); ++i)
        if (m_choices[i].kind == model.kind && m_choices[i].name == model.name)
            at = int(i);
    if (at >= 0)
        m_choices[std::size_t(at)] = model;
    else
        m_choices.push_back(model);
    rebuild();
    choose(at >= 0 ? at : int(m_choices.size()) - 1);
}

void ModelChooser::choose(int index)
{
    if (index < 0 || index >= int(m_choices.size()))
        return;
    m_userChose = true;
    select(index);
    updateNote();
}

const ModelChoice* ModelChooser::current() const
{
    return m_current >= 0 ? &m_choices[std::size_t(m_current)] : nullptr;
}

QString ModelChooser::noteText() const
{
    return m_note->text();
}

int ModelChooser::indexOf(ModelChoice::Kind kind) const
{
    for (std::size_t i = 0; i < m_choices.size(); ++i)
        if (m_choices[i].kind == kind)
            return int(i);
    return -1;
}

void ModelChooser::rebuild()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (ModelChoice& choice : m_choices) {
        choice.label = tr("%1 — %2").arg(choice.name, accuracyText(choice.testAccuracy));
        m_list->addItem(choice.label);
    }
    m_list->addItem(tr("Open a .neurite file…"));
    m_list->setCurrentIndex(m_current);
}

void ModelChooser::select(int index)
{
    if (index < 0 || index >= int(m_choices.size()))
        return;
    m_current = index;
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentIndex(index);
    Q_EMIT modelChosen(m_choices[std::size_t(index)]);
}

void ModelChooser::onActivated(int row)
{
    if (row < int(m_choices.size()))
        return choose(row);
    // The last row: a file chosen in a dialog; cancelling keeps the model in use.
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a trained model"), {},
                                                      tr("Neurite projects (*.neurite)"));
    if (path.isEmpty() || !openModelFile(path)) {
        rebuild();
        if (!m_lastError.isEmpty() && !path.isEmpty())
            m_note->setText(tr("Could not use %1: %2").arg(QFileInfo(path).fileName(), m_lastError));
    }
}

void ModelChooser::updateNote()
{
    if (m_choices.empty())
        m_note->setText(tr("No model yet: train one in the Train tab, or open a trained project."));
    else if (m_userChose)
        m_note->setText(tr("Kept until you choose another; new runs are added to the list."));
    else
        m_note->setText(tr("Follows the newest run until you choose a model."));
}

} // namespace neurite::ui
