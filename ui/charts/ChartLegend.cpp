// A chart legend under the plot that wraps onto more lines rather than cut names short ("Traini…").
#include "charts/ChartLegend.h"

#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QXYSeries>

#include <algorithm>

namespace neurite::ui {

namespace {
constexpr int kGap = 4; // between the legend and the chart's edge
}

ChartLegend::ChartLegend(QChartView* view) : QLabel(view->viewport()), m_view(view)
{
    setObjectName(QStringLiteral("chartLegend"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setAttribute(Qt::WA_TransparentForMouseEvents); // the hover label reads the mouse over the whole view
    setStyleSheet(QStringLiteral("QLabel { background: transparent; color: #404040; }"));
    m_chartMargins = view->chart()->margins();
    view->chart()->legend()->hide();
    view->viewport()->installEventFilter(this);
}

// Installed on the viewport (this label's parent) alone; the view is not asked which object `watched` is, for
// the viewport's last events come while the view is part way through its destructor.
bool ChartLegend::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize)
        layOut();
    return QLabel::eventFilter(watched, event);
}

// Series without a name (the learning-rate marks) are left out.
void ChartLegend::refresh()
{
    m_entries.clear();
    m_colors.clear();
    for (QAbstractSeries* series : m_view->chart()->series()) {
        if (series->name().isEmpty() || !series->isVisible())
            continue;
        QColor color = Qt::gray;
        if (auto* xy = qobject_cast<QXYSeries*>(series))
            color = xy->color();
        color.setAlpha(std::max(color.alpha(), 110)); // a faint line still gets a visible square
        m_entries << series->name();
        m_colors << color.name(QColor::HexArgb);
    }
    layOut();
}

// Spaces inside a name do not break (an entry stays on one line) unless the name alone is wider than the
// legend.
QString ChartLegend::entryHtml(int index, int width) const
{
    QString name = m_entries[index].toHtmlEscaped();
    if (fontMetrics().horizontalAdvance(m_entries[index]) + fontMetrics().height() * 2 < width)
        name.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(m_colors[index], name);
}

void ChartLegend::layOut()
{
    const QRect area = m_view->viewport()->rect().adjusted(kGap, kGap, -kGap, -kGap);
    QStringList parts;
    for (int i = 0; i < m_entries.size(); ++i)
        parts << entryHtml(i, area.width());
    setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
    const int height = m_entries.isEmpty() ? 0 : heightForWidth(area.width());
    setGeometry(area.left(), area.bottom() - height, area.width(), height);
    setVisible(!m_entries.isEmpty());
    QMargins margins = m_chartMargins;
    margins.setBottom(m_chartMargins.bottom() + height + (height > 0 ? kGap : 0));
    if (m_view->chart()->margins() != margins)
        m_view->chart()->setMargins(margins);
}

bool ChartLegend::showsWhole() const
{
    return isVisible() && heightForWidth(width()) <= height() && m_view->viewport()->rect().contains(geometry());
}

} // namespace neurite::ui
