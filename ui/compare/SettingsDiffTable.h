// The settings two runs differ in, and only those: one row per setting (its project-file name), each run's
// value highlighted; the design's differences in one row of their own (DesignDiff.h).
#pragma once

#include <QTableWidget>

namespace neurite {
struct RunRecord;
} // namespace neurite

namespace neurite::ui {

class SettingsDiffTable : public QTableWidget {
    Q_OBJECT
public:
    explicit SettingsDiffTable(QWidget* parent = nullptr);

    void setRuns(const neurite::RunRecord& a, const neurite::RunRecord& b);
    // The settings listed, in order ("optimizer.learningRate", "batchSize", "design"); empty when none differ.
    QStringList differingKeys() const { return m_keys; }

    static QColor highlight() { return QColor(0xff, 0xf1, 0xc2); }

private:
    QStringList m_keys;
};

} // namespace neurite::ui
