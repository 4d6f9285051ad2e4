// The Train tab's design line, kept current as the design changes or another document opens.
#include "training/DesignSummary.h"

#include "document/ProjectDocument.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace neurite::ui {

DesignSummary::DesignSummary(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_label(new QLabel(this))
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    connect(m_label, &QLabel::linkActivated, this, &DesignSummary::editRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    connect(document, &ProjectDocument::validationChanged, this, &DesignSummary::refresh);
    connect(document, &ProjectDocument::documentReset, this, &DesignSummary::refresh);
    refresh();
}

QString DesignSummary::text() const
{
    return m_label->text();
}

void DesignSummary::refresh()
{
    const auto& report = m_document->validation();
    const QString name = m_document->designName().toHtmlEscaped();
    const QString facts = report.ok() ? tr("%1 layers · %2 parameters")
                                            .arg(m_document->spec().layers.size())
                                            .arg(QLocale().toString(qlonglong(report.totalParameters())))
                                      : tr("has problems to fix before it can train");
    m_label->setText(tr("<b>Trains:</b> %1 — %2 · <a href=\"design\">Edit in the Design tab</a>").arg(name, facts));
}

} // namespace neurite::ui
