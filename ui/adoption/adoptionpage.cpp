#include "adoptionpage.h"

#include "adoptionsummarycards.h"
#include "banner.h"
#include "database.h"
#include "drilldowndialog.h"
#include "eventmappingdialog.h"
#include "exportactions.h"
#include "featureadoptiontable.h"
#include "metrics/reports.h"
#include "reportloader.h"
#include "reporttablemodel.h"
#include "roipanel.h"
#include "sharebutton.h"
#include "windowselector.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

const QString Roi = QStringLiteral("roi");
const QString Adoption = QStringLiteral("adoption");
const QString Satisfaction = QStringLiteral("satisfaction");
const QString Velocity = QStringLiteral("velocity");
const QString Validation = QStringLiteral("validation");
const QString Drill = QStringLiteral("drill");
const QString CurvePrefix = QStringLiteral("curve:");
const QString WeeklyKey = QStringLiteral("adoption/weekly");
const QString AxisKey = QStringLiteral("adoption/calendarAxis");

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

} // namespace

AdoptionPage::AdoptionPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_loader(new ReportLoader(this))
    , m_title(new QLabel(tr("Adoption"), this))
    , m_window(new WindowSelector(this))
    , m_weekly(new QCheckBox(tr("Per &week"), this))
    , m_axis(new QComboBox(this))
    , m_busy(new QProgressBar(this))
    , m_banner(new Banner(this))
    , m_empty(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_cards(new AdoptionSummaryCards)
    , m_adoption(new FeatureAdoptionTable)
    , m_curves(new AdoptionCurveChart)
    , m_roi(new RoiPanel)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    const QSettings settings;
    m_weekly->setChecked(settings.value(WeeklyKey, false).toBool());
    m_weekly->setAccessibleName(tr("Adoption curves per week"));
    m_weekly->setToolTip(tr("Draw the curves per ISO week instead of per day"));
    m_axis->addItem(tr("Days since release"));
    m_axis->addItem(tr("Calendar dates"));
    m_axis->setAccessibleName(tr("Horizontal axis of the adoption curves"));
    m_axis->setCurrentIndex(settings.value(AxisKey, false).toBool() ? 1 : 0);
    m_curves->setXAxis(m_axis->currentIndex() == 1 ? AdoptionCurveChart::XAxis::CalendarDate
                                                   : AdoptionCurveChart::XAxis::DaysSinceRelease);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setAccessibleName(tr("Refresh the dashboard"));
    refresh->setShortcut(QKeySequence::Refresh);

    // Analytics events become feature usage only through the mapping, so it sits beside the
    // figures it changes.
    auto *mapEvents = new QPushButton(tr("Map &Events…"), this);
    mapEvents->setAccessibleName(tr("Choose which analytics events count as use of which feature"));
    mapEvents->setToolTip(mapEvents->accessibleName());
    connect(mapEvents, &QPushButton::clicked, this, [this] {
        if (!m_controller || !m_controller->database())
            return;
        EventMappingDialog dialog(m_controller->database(), this);
        dialog.exec();
        if (dialog.undoStack()->count() > 0)
            reload();
    });

    auto *share = new ShareButton(this, tr("Save the adoption report as a PDF or preview it"));
    QAction *savePdf = share->addExport(tr("Save as &PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *preview = share->addExport(tr("Print pre&view…"), QKeySequence::Print);
    const auto workspaceName = [this] {
        const std::shared_ptr<Database> database =
            m_controller ? m_controller->database() : nullptr;
        return database ? database->workspace().displayName() : QString();
    };
    connect(savePdf, &QAction::triggered, this, [this, workspaceName] {
        if (m_controller && m_controller->database())
            ExportActions::exportAdoptionPdf(this, m_controller->database(), workspaceName(),
                                             window(), today());
    });
    connect(preview, &QAction::triggered, this, [this, workspaceName] {
        if (m_controller && m_controller->database())
            ExportActions::previewAdoptionReport(this, m_controller->database(), workspaceName(),
                                                 window(), today());
    });

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_window);
    header->addWidget(mapEvents);
    header->addWidget(refresh);
    header->addWidget(share);

    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(4);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Computing the reports"));
    m_busy->hide();
    m_banner->hide();
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setMaximumWidth(640);
    m_empty->hide();

    auto *content = new QWidget;
    auto *body = new QVBoxLayout(content);
    body->setContentsMargins(0, 8, 0, 8);
    body->setSpacing(16);
    body->addWidget(m_cards);

    auto *curvesHeader = new QHBoxLayout;
    curvesHeader->addWidget(sectionTitle(tr("Adoption curves"), content));
    curvesHeader->addStretch();
    curvesHeader->addWidget(m_weekly);
    curvesHeader->addWidget(m_axis);
    body->addLayout(curvesHeader);
    auto *curveSplitter = new QSplitter(Qt::Horizontal, content);
    curveSplitter->setObjectName(QStringLiteral("adoptionCurveSplitter"));
    curveSplitter->addWidget(m_adoption);
    curveSplitter->addWidget(m_curves);
    curveSplitter->setStretchFactor(0, 2);
    curveSplitter->setStretchFactor(1, 3);
    curveSplitter->setChildrenCollapsible(false);
    curveSplitter->setMinimumHeight(340);
    body->addWidget(curveSplitter);
    body->addWidget(sectionTitle(tr("Feature-adoption ROI"), content));
    m_roi->setMinimumHeight(560);
    body->addWidget(m_roi);

    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 8);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_busy);
    layout->addWidget(m_banner);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll, 1);

    connect(m_loader, &ReportLoader::loaded, this, &AdoptionPage::onLoaded);
    connect(m_loader, &ReportLoader::failed, this, &AdoptionPage::onFailed);
    connect(m_loader, &ReportLoader::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        if (!busy)
            Q_EMIT loaded();
    });
    connect(m_window, &WindowSelector::changed, this, &AdoptionPage::reload);
    connect(refresh, &QPushButton::clicked, this, &AdoptionPage::reload);
    connect(m_weekly, &QCheckBox::toggled, this, [this](bool weekly) {
        QSettings().setValue(WeeklyKey, weekly);
        m_curveTables.clear();
        requestCurves();
    });
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this](int index) {
        QSettings().setValue(AxisKey, index == 1);
        m_curves->setXAxis(index == 1 ? AdoptionCurveChart::XAxis::CalendarDate
                                      : AdoptionCurveChart::XAxis::DaysSinceRelease);
    });
    connect(m_adoption, &FeatureAdoptionTable::choiceChanged, this, &AdoptionPage::requestCurves);
    const auto drillInWindow = [this](const QString &figure, qint64 id, const QString &feature) {
        openDrillDown(figure, QString::number(id), feature, m_shownWindow);
    };
    connect(m_adoption, &FeatureAdoptionTable::drillDownRequested, this, drillInWindow);
    connect(m_roi, &RoiPanel::drillDownRequested, this, drillInWindow);
    connect(m_curves, &AdoptionCurveChart::pointClicked, this,
            [this](qint64 id, const QDate &start, const QDate &end) {
                QString feature;
                const ReportTable &t = m_adoption->model()->table();
                for (int r = 0; r < t.rows.size(); ++r) {
                    if (t.value(r, QStringLiteral("feature_id")).toLongLong() == id)
                        feature = t.value(r, QStringLiteral("feature")).toString();
                }
                openDrillDown(QStringLiteral("active-users"), QString::number(id), feature,
                              {start, end});
            });
    connect(m_cards, &AdoptionSummaryCards::drillRequested, this,
            [this](const QString &figure, const QString &key, const QString &label) {
                openDrillDown(figure, key, label, m_shownWindow);
            });
    if (m_controller) {
        connect(m_controller, &WorkspaceController::opened, this, [this] {
            m_loader->cancelAll();
            m_chartShown = false;
            m_curveTables.clear();
            m_adoption->choose({});
            reload();
        });
    }
    reload();
}

void AdoptionPage::setToday(const QDate &today)
{
    m_today = today;
}

QDate AdoptionPage::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().date();
}

ReportWindow AdoptionPage::window() const
{
    return m_window->window(today());
}

void AdoptionPage::setWeekly(bool weekly)
{
    m_weekly->setChecked(weekly);
}

void AdoptionPage::setXAxis(AdoptionCurveChart::XAxis axis)
{
    m_axis->setCurrentIndex(axis == AdoptionCurveChart::XAxis::CalendarDate ? 1 : 0);
}

bool AdoptionPage::isLoading() const
{
    return m_loader->isBusy();
}

void AdoptionPage::showEmptyState(const QString &text)
{
    m_empty->setText(text);
    m_empty->show();
    m_scroll->hide();
}

void AdoptionPage::reload()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database) {
        m_loader->cancelAll();
        showEmptyState(tr("<b>No workspace is open.</b><br>Open a workspace or the demo "
                          "workspace to see how features are adopted, the revenue behind them, "
                          "satisfaction and delivery."));
        return;
    }
    m_banner->hide();
    const ReportWindow window = this->window();
    const QDate today = this->today();
    m_shownWindow = window;
    // The ROI chart is what users look at first; it is asked for first.
    m_loader->run(Roi, database, [window, today](const QSqlDatabase &db, QString *error) {
        return Reports::adoptionRoi(db, window, today, error);
    });
    m_loader->run(Adoption, database, [window, today](const QSqlDatabase &db, QString *error) {
        return Reports::adoption(db, window, today, error);
    });
    m_loader->run(Satisfaction, database, [window, today](const QSqlDatabase &db, QString *error) {
        return Reports::satisfaction(db, window, today, error);
    });
    m_loader->run(Velocity, database, [window, today](const QSqlDatabase &db, QString *error) {
        return Reports::velocity(db, window, today, error);
    });
    m_loader->run(Validation, database, [window, today](const QSqlDatabase &db, QString *error) {
        return Reports::validation(db, window, today, error);
    });
}

void AdoptionPage::requestCurves()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    const bool weekly = m_weekly->isChecked();
    const QDate today = this->today();
    for (qint64 id : m_adoption->chosenFeatures()) {
        if (m_curveTables.contains(id) || m_loader->isPending(CurvePrefix + QString::number(id)))
            continue;
        m_loader->run(CurvePrefix + QString::number(id), database,
                      [id, weekly, today](const QSqlDatabase &db, QString *error) {
                          return Reports::adoptionCurve(db, id, weekly, today, error);
                      });
    }
    showCurves();
}

void AdoptionPage::showCurves()
{
    const QList<qint64> chosen = m_adoption->chosenFeatures();
    QList<AdoptionCurveChart::Curve> curves;
    const ReportTable &adoption = m_adoption->model()->table();
    for (qint64 id : chosen) {
        if (!m_curveTables.contains(id))
            return; // drawn once all chosen curves are in, so lines do not pop in one by one
        AdoptionCurveChart::Curve curve;
        curve.featureId = id;
        curve.table = m_curveTables.value(id);
        for (int r = 0; r < adoption.rows.size(); ++r) {
            if (adoption.value(r, QStringLiteral("feature_id")).toLongLong() == id) {
                curve.feature = adoption.value(r, QStringLiteral("feature")).toString();
                curve.release = QDate::fromString(
                    adoption.value(r, QStringLiteral("release_date")).toString(), Qt::ISODate);
            }
        }
        curves.append(curve);
    }
    m_curves->setEmptyText(
        chosen.isEmpty()
            ? tr("Select one or more features in the table to draw how their adoption grew.")
            : tr("The chosen features have no usage yet — map usage events to them in "
                 "Connections."));
    m_curves->setCurves(curves, m_weekly->isChecked(), today());
    if (!curves.isEmpty())
        chartDrawn();
}

void AdoptionPage::chartDrawn()
{
    if (m_chartShown)
        return;
    m_chartShown = true;
    Q_EMIT firstChartShown();
}

void AdoptionPage::onLoaded(const QString &name, const ReportTable &table)
{
    m_empty->hide();
    m_scroll->show();
    if (name == Roi) {
        m_roi->setTable(table);
        if (!table.rows.isEmpty())
            chartDrawn();
    } else if (name == Adoption) {
        m_adoption->setTable(table);
        if (table.rows.isEmpty())
            showEmptyState(tr("<b>This workspace has no features yet.</b><br>Connect a "
                              "product-management tool (Jira, Productboard, Aha!, Linear) in "
                              "Connections and map usage events to its features; the "
                              "dashboard then shows how each feature is adopted."));
    } else if (name == Satisfaction) {
        m_cards->setSatisfaction(table);
    } else if (name == Velocity) {
        m_cards->setVelocity(table, m_shownWindow);
    } else if (name == Validation) {
        m_cards->setValidation(table);
    } else if (name == Drill) {
        if (m_drill)
            m_drill->setTable(table);
    } else if (name.startsWith(CurvePrefix)) {
        m_curveTables.insert(name.mid(CurvePrefix.size()).toLongLong(), table);
        showCurves();
    }
}

void AdoptionPage::onFailed(const QString &name, const QString &error)
{
    if (name == Drill) {
        if (m_drill)
            m_drill->setError(error);
        return;
    }
    m_banner->showMessage(tr("Could not compute the %1 report: %2").arg(name, error),
                          Banner::Kind::Error);
}

void AdoptionPage::openDrillDown(const QString &figure, const QString &key, const QString &label,
                                 const ReportWindow &window)
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    if (!m_drill) {
        m_drill = new DrillDownDialog(this);
        m_drill->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_drill->setLoading(tr("%1 of %2, %3").arg(figure, label, window.label()));
    m_drill->show();
    m_drill->raise();
    m_loader->run(Drill, database, [figure, key, window](const QSqlDatabase &db, QString *error) {
        return Reports::drillDown(db, figure, key, window, error);
    });
}
