// Before a run starts: its settings are checked, its data set is loaded (on the worker) and checked against
// the design, so that a start refused for its data says why and leaves no run behind.
#pragma once

#include "training/TrainingProgress.h"

#include <QObject>
#include <QString>

#include <optional>

namespace neurite::ui {

class TrainingController;

class RunPreflight : public QObject {
    Q_OBJECT
public:
    explicit RunPreflight(TrainingController* controller, QObject* parent = nullptr);

    // Checks `settings` and their data set for `spec`: at once with `data` (or the controller's data set of
    // that name, loaded before), else once the controller has loaded it. Answers with passed or refused,
    // maybe before it returns. A check still going is replaced.
    void check(const NetworkSpec& spec, const TrainingSettings& settings, const DataSetHandle& data = {});
    bool isChecking() const { return m_pending.has_value(); }
    // Forgets the check going on: it answers nothing.
    void cancel() { m_pending.reset(); }

    // Why a run of `spec` cannot train on `data` with `settings` (one problem a line), or empty when it can.
    static QString problemsWith(const NetworkSpec& spec, const TrainingSettings& settings, const Dataset& data);

Q_SIGNALS:
    void passed(const neurite::ui::DataSetHandle& data);
    void refused(const QString& message);

private:
    struct Pending {
        NetworkSpec spec;
        TrainingSettings settings;
    };
    void judge(const DataSetHandle& data);
    void onLoaded(const QString& name, const DataSetHandle& data);
    void onFailed(const QString& name, const QString& message);

    TrainingController* m_controller;
    std::optional<Pending> m_pending;
};

} // namespace neurite::ui
