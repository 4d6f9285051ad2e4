// A gallery of test images with their true and predicted labels and the model's confidence.
#include "results/MisclassifiedGallery.h"

#include "training/DataSetPreview.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// A wrong prediction made with 99.97% confidence must not read "100%": whole percentages below 99, then
// one decimal, rounded down.
QString confidenceText(float confidence)
{
    const double percent = 100.0 * double(confidence);
    if (percent < 99.0)
        return QString::number(percent, 'f', 0);
    return QString::number(std::floor(percent * 10.0) / 10.0, 'f', 1);
}

constexpr int kThumb = 56;
constexpr int kCellPadding = 16;             // the view's spacing and the delegate's text margins, with room to spare
constexpr int kMaxCaptionWidth = 3 * kThumb; // longer class names wrap within this

// A caption on three lines, none of which has to break: the true class, the predicted one, the confidence.
QString caption(const QString& trueName, const QString& predictedName, float confidence)
{
    return QStringLiteral("%1\n→ %2\n%3%").arg(trueName, predictedName, confidenceText(confidence));
}
} // namespace

MisclassifiedGallery::MisclassifiedGallery(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_list(new QListWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_list, 1);
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumb, kThumb));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setWordWrap(true);
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &MisclassifiedGallery::fillSlice);
    fitCellsToNames();
    clear();
}

void MisclassifiedGallery::clear()
{
    m_data.reset();
    m_evaluation = {};
    m_matching.clear();
    m_fillTimer.stop();
    m_list->clear();
    m_caption->setText(tr("Misclassified test images appear here after training."));
}

void MisclassifiedGallery::setResults(const DataSetHandle& data, const TestEvaluation& evaluation,
                                      const QStringList& classNames)
{
    m_data = data;
    m_evaluation = evaluation;
    m_names = classNames;
    fitCellsToNames();
    showCell(-1, -1);
}

QString MisclassifiedGallery::className(int index) const
{
    return index >= 0 && index < m_names.size() ? m_names[index] : QString::number(index);
}

void MisclassifiedGallery::showCell(int trueClass, int predictedClass)
{
    m_trueClass = trueClass;
    m_predictedClass = predictedClass;
    m_matching.clear();
    if (!m_data || !m_evaluation.valid) {
        m_fillTimer.stop();
        m_list->clear();
        return;
    }
    const SampleSet& test = m_data->test;
    for (std::size_t i = 0; i < m_evaluation.predicted.size() && i < test.count(); ++i) {
        const int t = test.labels[i], p = m_evaluation.predicted[i];
        const bool match = trueClass < 0 ? t != p : (t == trueClass && p == predictedClass);
        if (match)
            m_matching.push_back(i);
    }
    // The most confident mistakes are the most telling (and often label noise).
    std::stable_sort(m_matching.begin(), m_matching.end(), [this](std::size_t a, std::size_t b) {
        return m_evaluation.confidence[a] > m_evaluation.confidence[b];
    });
    refill();
}

int MisclassifiedGallery::toShow() const
{
    return int(std::min<std::size_t>(m_matching.size(), kMaxShown));
}

void MisclassifiedGallery::refill()
{
    m_list->clear();
    const int shown = toShow();
    const QString what = m_trueClass < 0 ? tr("%L1 misclassified test images").arg(m_matching.size())
                                         : tr("%L1 test images of class %2 predicted as %3")
                                               .arg(m_matching.size())
                                               .arg(className(m_trueClass), className(m_predictedClass));
    m_caption->setText(shown < int(m_matching.size()) ? tr("%1 (the %2 most confident shown)").arg(what).arg(shown)
                                                      : what);
    m_fillTimer.start();
}

void MisclassifiedGallery::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!isFilled())
        m_fillTimer.start();
}

void MisclassifiedGallery::fillSlice()
{
    if (!isVisible())
        return; // showEvent() resumes
    QElapsedTimer clock;
    clock.start();
    while (m_list->count() < toShow() && clock.elapsed() < kFillSliceMs)
        addThumbnail(m_matching[std::size_t(m_list->count())]);
    if (!isFilled())
        m_fillTimer.start();
}

void MisclassifiedGallery::addThumbnail(std::size_t i)
{
    const int t = m_data->test.labels[i], p = m_evaluation.predicted[i];
    QPixmap thumb = QPixmap::fromImage(imageOf(m_data->test, i).scaled(kThumb, kThumb));
    if (t != p) {
        QPainter painter(&thumb);
        painter.setPen(QPen(QColor(214, 39, 40), 3));
        painter.drawRect(thumb.rect().adjusted(1, 1, -2, -2));
    }
    auto* item = new QListWidgetItem(QIcon(thumb), captionOf(i));
    // The delegate lays the text out in the item's own rectangle: a size hint of the whole cell keeps it
    // from wrapping the caption at the icon's width.
    item->setSizeHint(m_cell);
    item->setToolTip(tr("Test image #%1: true %2, predicted %3 with %4% confidence")
                         .arg(i)
                         .arg(className(t), className(p))
                         .arg(100.0 * double(m_evaluation.confidence[i]), 0, 'f', 1));
    item->setData(Qt::UserRole, qulonglong(i));
    m_list->addItem(item);
}

// Every cell is as wide as the longest caption line any two class names make (up to kMaxCaptionWidth,
// past which a name wraps) and tall enough for all its lines, so no caption is cut short: Fashion-MNIST's
// "T-shirt/top → Ankle boot 97%" lost its confidence in a fixed cell sized for digits.
void MisclassifiedGallery::fitCellsToNames()
{
    const QFontMetrics metrics = m_list->fontMetrics();
    QString longest = QStringLiteral("10"); // class numbers when the data set names none
    for (const QString& name : m_names)
        if (metrics.horizontalAdvance(name) > metrics.horizontalAdvance(longest))
            longest = name;
    const QString sample = caption(longest, longest, 0.999f);
    int width = kThumb;
    for (const QString& line : sample.split(QLatin1Char('\n')))
        width = std::max(width, metrics.horizontalAdvance(line));
    width = std::min(width, kMaxCaptionWidth);
    const int textHeight =
        metrics.boundingRect(QRect(0, 0, width, 1000), Qt::AlignHCenter | Qt::TextWordWrap, sample).height();
    m_cell = QSize(width + kCellPadding, kThumb + textHeight + kCellPadding / 2);
    m_list->setGridSize(m_cell);
    // At least one whole row shows, however small the window: a cut row hid the confidence.
    m_list->setMinimumHeight(m_cell.height() + 2 * m_list->frameWidth() + 2 * m_list->spacing());
}

QString MisclassifiedGallery::captionOf(std::size_t index) const
{
    return caption(className(m_data->test.labels[index]), className(m_evaluation.predicted[index]),
                   m_evaluation.confidence[index]);
}

int MisclassifiedGallery::shownCount() const
{
    return m_list->count();
}

bool MisclassifiedGallery::isFilled() const
{
    return m_list->count() >= toShow();
}

std::vector<std::size_t> MisclassifiedGallery::shownIndices() const
{
    return {m_matching.begin(), m_matching.begin() + toShow()};
}

} // namespace neurite::ui
