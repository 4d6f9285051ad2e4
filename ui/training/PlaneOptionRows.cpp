// The training settings' rows for two-dimensional data: points, noise, data seed, classes and features.
#include "training/PlaneOptionRows.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <limits>

namespace neurite::ui {

namespace {

QSpinBox* spinBox(QWidget* parent, int minimum, int maximum, const QString& objectName)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setObjectName(objectName);
    box->setKeyboardTracking(false); // typing "500" generates once, not for 5, 50 and 500
    return box;
}

constexpr int kFeatureColumns = 4; // x1 x2 x1² x2² / x1x2 sin x1 sin x2

} // namespace

PlaneOptionRows::PlaneOptionRows(QFormLayout* form, QWidget* parent)
    : QObject(parent), m_form(form), m_points(spinBox(parent, 2, 100000, QStringLiteral("planePoints"))),
      m_noise(spinBox(parent, 0, 50, QStringLiteral("planeNoise"))),
      m_dataSeed(spinBox(parent, 0, std::numeric_limits<int>::max(), QStringLiteral("planeDataSeed"))),
      m_classes(spinBox(parent, 3, 5, QStringLiteral("planeClasses")))
{
    m_featureRow = buildFeatures(parent); // in the body: it fills m_features, constructed after m_featureRow
    m_points->setToolTip(tr("How many points are generated (training and test together)"));
    m_points->setSingleStep(50);
    m_noise->setSuffix(QStringLiteral(" %"));
    m_noise->setToolTip(tr("How far points stray from their shape (Playground's noise slider)"));
    m_dataSeed->setToolTip(tr("Draws the points and chooses the test points: the same seed, the same set"));
    m_classes->setToolTip(tr("How many blobs (classes) the blobs set has"));
    form->addRow(tr("Points"), m_points);
    form->addRow(tr("Noise"), m_noise);
    form->addRow(tr("Data seed"), m_dataSeed);
    form->addRow(tr("Classes"), m_classes);
    form->addRow(tr("Features"), m_featureRow);
    for (QSpinBox* box : {m_points, m_noise, m_dataSeed, m_classes})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_updating)
                Q_EMIT edited();
        });
    setRowsVisible({});
}

QWidget* PlaneOptionRows::buildFeatures(QWidget* parent)
{
    auto* row = new QWidget(parent);
    row->setObjectName(QStringLiteral("planeFeatures"));
    auto* grid = new QGridLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    for (const PlaneFeatureInfo& info : planeFeatures()) {
        auto* box = new QCheckBox(QString::fromUtf8(info.label), row);
        box->setObjectName(QStringLiteral("feature ") + QString::fromLatin1(info.column));
        box->setToolTip(tr("Give the network %1 as an input (the Input layer widens with each feature)")
                            .arg(QString::fromUtf8(info.label)));
        // x1 and x2 stay: the plane places each point by them (a set without them trains, from the command
        // line, but has no plane to show).
        if (info.feature == PlaneFeature::X1 || info.feature == PlaneFeature::X2) {
            box->setEnabled(false);
            box->setToolTip(tr("%1 is always an input here: the plane places each point by x₁ and x₂")
                                .arg(QString::fromUtf8(info.label)));
        }
        const int index = int(m_features.size());
        grid->addWidget(box, index / kFeatureColumns, index % kFeatureColumns);
        m_features.push_back(box);
        connect(box, &QCheckBox::toggled, this, [this, box] { onFeatureToggled(box); });
    }
    return row;
}

void PlaneOptionRows::onFeatureToggled(QCheckBox* box)
{
    if (m_updating)
        return;
    // The network needs at least one input: the last feature cannot be taken away.
    const bool any = std::any_of(m_features.begin(), m_features.end(), [](QCheckBox* b) { return b->isChecked(); });
    if (!any) {
        m_updating = true;
        box->setChecked(true);
        m_updating = false;
        return;
    }
    Q_EMIT edited();
    Q_EMIT featuresEdited();
}

QCheckBox* PlaneOptionRows::featureBox(PlaneFeature feature) const
{
    const std::vector<PlaneFeatureInfo>& infos = planeFeatures();
    for (std::size_t i = 0; i < infos.size(); ++i)
        if (infos[i].feature == feature)
            return m_features[i];
    return nullptr;
}

PlaneDataOptions PlaneOptionRows::settings(PlaneDataOptions base) const
{
    base.points = m_points->value();
    base.noise = m_noise->value() / 100.0;
    base.seed = std::uint64_t(m_dataSeed->value());
    base.classes = m_classes->value();
    base.features = 0;
    const std::vector<PlaneFeatureInfo>& infos = planeFeatures();
    for (std::size_t i = 0; i < infos.size(); ++i)
        if (m_features[i]->isChecked())
            base.features |= featureBit(infos[i].feature);
    return base;
}

void PlaneOptionRows::setSettings(const PlaneDataOptions& options)
{
    m_updating = true;
    m_points->setValue(options.points);
    m_noise->setValue(int(std::lround(options.noise * 100)));
    m_dataSeed->setValue(int(std::min<std::uint64_t>(options.seed, std::uint64_t(std::numeric_limits<int>::max()))));
    m_classes->setValue(options.classes);
    const std::vector<PlaneFeatureInfo>& infos = planeFeatures();
    for (std::size_t i = 0; i < infos.size(); ++i)
        m_features[i]->setChecked((options.features & featureBit(infos[i].feature)) != 0);
    m_updating = false;
}

void PlaneOptionRows::setRowsVisible(const std::string& name)
{
    const bool plane = isPlaneDataSet(name);
    const bool generated = plane && name != "painted";
    for (QSpinBox* box : {m_points, m_noise, m_dataSeed})
        m_form->setRowVisible(box, generated);
    m_form->setRowVisible(m_classes, name == "blobs");
    m_form->setRowVisible(m_featureRow, plane);
}

} // namespace neurite::ui
