// The Predict tab's model list: runs of this session, the project's weights, the default model and opened
// files; it follows the newest run only until the user picks a model, and says which of the two it does.
#pragma once

#include <neurite/DataSchema.h>
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;

namespace neurite::ui {

struct ModelChoice {
    enum class Kind { Run, Project, Default, File };
    Kind kind = Kind::Run;
    QString name;  // "Untitled (run 3)", "Project weights (a.neurite)", "Default model", "digits.neurite"
    QString label; // what the list shows: the name and the test accuracy (set by the chooser)
    std::shared_ptr<neurite::Network> network;
    double testAccuracy = 0; // NaN when unknown
    QStringList classNames;
    QString dataSetName;                       // empty when unknown
    std::optional<neurite::DataSchema> schema; // the preprocessing it was trained with, when known
};

// A choice from a trained project; nullopt (and why in `error`) when it has no weights or cannot be built.
std::optional<ModelChoice> modelChoiceFromProject(const neurite::Project& project, ModelChoice::Kind kind,
                                                  const QString& name, QString* error = nullptr);

class ModelChooser : public QWidget {
    Q_OBJECT
public:
    explicit ModelChooser(QWidget* parent = nullptr);

    // A newly trained model joins the list; it is used only while the user has not chosen a model.
    void addRun(const ModelChoice& run);
    // The open document's weights (nullopt: it has none) and the shipped default model.
    void setProjectModel(const std::optional<ModelChoice>& project);
    void setDefaultModel(const std::optional<ModelChoice>& model);
    // Another document: back to following, on the project's weights, else the default model, else none.
    void resetChoice();
    // Loads a .neurite file's model into the list and chooses it; false (and lastError()) when it cannot.
    bool openModelFile(const QString& path);
    // Chooses `model` as the user would (the Runs list's "use for prediction"): it replaces an entry of the
    // same kind and name, else joins the list.
    void useModel(const ModelChoice& model);
    // Chooses entry `index` of the list as the user does.
    void choose(int index);

    bool userHasChosen() const { return m_userChose; }
    const ModelChoice* current() const;
    QString noteText() const;
    QString lastError() const { return m_lastError; }
    QComboBox* list() const { return m_list; }

Q_SIGNALS:
    void modelChosen(const neurite::ui::ModelChoice& choice);

private:
    void setSingle(ModelChoice::Kind kind, const std::optional<ModelChoice>& choice);
    int indexOf(ModelChoice::Kind kind) const;
    void rebuild();
    void select(int index);
    void onActivated(int row);
    void updateNote();

    std::vector<ModelChoice> m_choices; // row i of the list; one more row opens a file
    int m_current = -1;
    bool m_userChose = false;
    QComboBox* m_list;
    QLabel* m_note;
    QString m_lastError;
};

} // namespace neurite::ui
