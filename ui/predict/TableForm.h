// The Predict tab's form for a table model: one field per input column of the model's schema (a spin box
// for a numeric column, a combo box of its categories for a categorical one), prefilled with the values
// the training split fills missing cells with, encoded exactly as training encoded its rows (TableEncoder).
#pragma once

#include <neurite/DataSchema.h>
#include <neurite/TableEncoder.h>
#include <neurite/TableSaliency.h>

#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;

namespace neurite::ui {

class ColumnShareBar;

class TableForm : public QWidget {
    Q_OBJECT
public:
    // A numeric field spans the training mean ± this many deviations (the schema keeps no minimum or
    // maximum), and never less than the value it was filled with.
    static constexpr double kDeviations = 4.0;

    explicit TableForm(QWidget* parent = nullptr);
    ~TableForm() override;

    // Builds the fields for a table schema (throws NeuriteError for another kind), filled with the fills.
    void setSchema(const DataSchema& schema);
    bool hasSchema() const { return bool(m_encoder); }
    const TableEncoder* encoder() const { return m_encoder.get(); }

    // Sets fields by column name (a raw row as in the file); unknown names are skipped. Emits rowChanged once.
    void setRow(const std::map<std::string, std::string>& cells);
    // The fields as raw cells, by column name.
    std::map<std::string, std::string> cells() const;
    // The fields encoded for the network: encoder()->width() values.
    std::vector<float> encodedRow() const;

    QDoubleSpinBox* numberField(const QString& column) const;
    QComboBox* categoryField(const QString& column) const;

    // Shows each column's share of the explanation beside its field (`what`: "'yes'" or the target's name,
    // for the tooltips); an empty list hides the bars.
    void setColumnSaliency(const std::vector<ColumnAttribution>& columns, const QString& what);
    ColumnShareBar* shareBar(const QString& column) const;

Q_SIGNALS:
    void rowChanged();

private:
    void clearFields();
    QWidget* makeField(const ColumnEncoding& column);
    QWidget* withShareBar(const ColumnEncoding& column, QWidget* field);

    std::unique_ptr<TableEncoder> m_encoder;
    QFormLayout* m_form;
    std::map<std::string, QDoubleSpinBox*> m_numbers;
    std::map<std::string, QComboBox*> m_categories;
    std::map<std::string, ColumnShareBar*> m_shareBars;
    bool m_filling = false;
};

} // namespace neurite::ui
