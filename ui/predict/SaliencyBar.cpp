// SaliencyBar: a check box, a method chooser and two lines of text; the panel does the work.
#include "predict/SaliencyBar.h"

#include "predict/SaliencyImage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace neurite::ui {

namespace {

constexpr int kIntegratedSteps = 16;

QString swatch(const QColor& colour)
{
    return QStringLiteral("<span style=\"color:%1\">■</span>").arg(colour.name());
}

} // namespace

SaliencyBar::SaliencyBar(QWidget* parent)
    : QWidget(parent), m_show(new QCheckBox(tr("Show why"))), m_method(new QComboBox), m_legend(new QLabel),
      m_explains(new QLabel)
{
    m_show->setChecked(true);
    m_show->setToolTip(tr("Colour the input by how much each pixel pushes the explained class up (red) or down "
                          "(blue)"));
    // Gradient x input is the default: one backward pass, so it follows the pen at every stroke.
    m_method->addItem(tr("Gradient × input"), int(SaliencyMethod::GradientTimesInput));
    m_method->addItem(tr("Integrated gradients"), int(SaliencyMethod::IntegratedGradients));
    m_method->setItemData(0,
                          tr("Each pixel times the class score's gradient there: one backward pass. A first-order "
                             "picture: exact for a linear model."),
                          Qt::ToolTipRole);
    m_method->setItemData(1,
                          tr("Each pixel times the mean gradient on the way from an empty canvas to the drawing "
                             "(%1 steps): the colours add up to the score's change from the empty canvas.")
                              .arg(kIntegratedSteps),
                          Qt::ToolTipRole);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setText(tr("%1 pushes it up  %2 pushes it down").arg(swatch(kSaliencyUp), swatch(kSaliencyDown)));
    m_explains->setTextFormat(Qt::RichText);
    m_explains->setWordWrap(true);
    connect(m_show, &QCheckBox::toggled, this, [this](bool shown) {
        m_method->setEnabled(shown);
        Q_EMIT changed();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, &SaliencyBar::changed);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_show);
    row->addWidget(m_method);
    row->addWidget(m_legend);
    row->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_explains);
}

bool SaliencyBar::isOverlayShown() const
{
    return m_show->isChecked();
}

void SaliencyBar::setOverlayShown(bool shown)
{
    m_show->setChecked(shown);
}

neurite::SaliencyOptions SaliencyBar::options() const
{
    return {SaliencyMethod(m_method->currentData().toInt()), kIntegratedSteps};
}

void SaliencyBar::setExplained(const QString& explained, const QString& answer)
{
    const QString what = explained.toHtmlEscaped(), said = answer.toHtmlEscaped();
    if (explained == answer)
        m_explains->setText(tr("Why <b>%1</b>? The colours show what speaks for and against it. Click another "
                               "class to ask why not that one.")
                                .arg(what));
    else
        m_explains->setText(tr("Why not <b>%1</b>? (The network says %2.) Red pushes towards %1, blue away from "
                               "it. Click %2 to go back.")
                                .arg(what, said));
}

void SaliencyBar::clearExplained()
{
    m_explains->clear();
}

QString SaliencyBar::explanationText() const
{
    return m_explains->text();
}

} // namespace neurite::ui
