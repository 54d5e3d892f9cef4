#include "activitypage.h"

#include "activity/activitymodel.h"
#include "activity/hubevent.h"
#include "activity/triggerevaluator.h"
#include "background.h"
#include "banner.h"
#include "database.h"
#include "databasewriter.h"
#include "triggernotifier.h"
#include "triggerspanel.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <chrono>

namespace {

const QString FilterKey = QStringLiteral("activity/filter");
constexpr int ShownEntries = 1000;
constexpr auto PollInterval = std::chrono::seconds(10);
constexpr auto EvaluateInterval = std::chrono::minutes(5);

struct Firing
{
    qint64 id = 0;
    QString title;
    QString detail;
};

struct News
{
    QList<Firing> firings; // trigger firings after the last one notified, oldest first
    qint64 lastFiring = -1;
    qint64 newest = 0; // the newest entry of the feed
};

// With after -1 (a workspace just opened), history is taken as seen: nothing to notify.
News newsAfter(const QSqlDatabase &db, qint64 after)
{
    News news;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM activity")) || !query.next())
        return news;
    news.newest = query.value(0).toLongLong();
    news.lastFiring = after < 0 ? news.newest : after;
    if (after < 0)
        return news;
    query.prepare(QStringLiteral("SELECT id, title, coalesce(detail, '') FROM activity WHERE "
                                 "id > ? AND trigger_id IS NOT NULL ORDER BY id"));
    query.addBindValue(after);
    if (query.exec()) {
        while (query.next()) {
            news.firings.append({query.value(0).toLongLong(), query.value(1).toString(),
                                 query.value(2).toString()});
            news.lastFiring = news.firings.last().id;
        }
    }
    return news;
}

} // namespace

ActivityPage::ActivityPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_banner(new Banner(this))
    , m_tabs(new QTabWidget(this))
    , m_filter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_model(new ActivityModel(this))
    , m_view(new QTableView(this))
    , m_journal(new JournalPanel(controller, m_banner, this))
    , m_triggers(new TriggersPanel(controller, m_banner, this))
    , m_notifier(new TriggerNotifier(m_banner, this))
    , m_poll(new QTimer(this))
    , m_evaluate(new QTimer(this))
{
    auto *title = new QLabel(tr("Activity"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto *check = new QPushButton(tr("Check &triggers"), this);
    check->setToolTip(tr("Evaluate every trigger now"));
    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(check);
    m_banner->hide();

    m_filter->addItem(tr("All events"), QString());
    for (const QString &type : HubEvents::types())
        m_filter->addItem(HubEvents::displayName(type), type);
    m_filter->addItem(tr("Trigger firings"), QLatin1String(HubEvents::Trigger));
    m_filter->setAccessibleName(tr("Show events of type"));
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(QSettings().value(FilterKey).toString())));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(ActivityModel::Detail, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Activity feed"));
    m_view->setToolTip(tr("Double-click or press Enter to open the entry in its tool."));

    auto *feed = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), feed));
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);
    auto *feedLayout = new QVBoxLayout(feed);
    feedLayout->setContentsMargins(0, 8, 0, 0);
    feedLayout->addLayout(filterRow);
    feedLayout->addWidget(m_view, 1);

    m_tabs->addTab(feed, tr("Activity"));
    m_tabs->addTab(m_journal, tr("Webhook journal"));
    m_tabs->addTab(m_triggers, tr("Triggers"));
    m_tabs->setDocumentMode(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(FilterKey, m_filter->currentData().toString());
        reloadFeed();
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QUrl link(index.data(ActivityModel::LinkRole).toString());
        if (link.isValid() && !link.isEmpty())
            QDesktopServices::openUrl(link);
    });
    connect(check, &QPushButton::clicked, this, &ActivityPage::evaluateTriggers);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ActivityPage::reload);
    connect(m_journal, &JournalPanel::replayed, this, [this] {
        reloadFeed();
        checkFirings();
    });

    // Deliveries and syncs write from other threads and processes: look for news regularly.
    m_poll->setInterval(PollInterval);
    connect(m_poll, &QTimer::timeout, this, [this] {
        checkFirings();
        if (isVisible() && m_tabs->currentWidget() == m_journal)
            m_journal->reload();
    });
    m_evaluate->setInterval(EvaluateInterval);
    connect(m_evaluate, &QTimer::timeout, this, &ActivityPage::evaluateTriggers);
    if (m_controller)
        connect(m_controller, &WorkspaceController::opened, this, &ActivityPage::workspaceOpened);
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // What came in while the page was hidden.
    reload();
}

void ActivityPage::setReplayJob(JournalPanel::ReplayJob job)
{
    m_journal->setReplayJob(std::move(job));
}

void ActivityPage::workspaceOpened()
{
    m_lastNotified = -1;
    m_banner->hide();
    checkFirings();
    reloadFeed();
    m_journal->reload();
    m_triggers->reload();
    m_poll->start();
    m_evaluate->start();
    evaluateTriggers();
}

void ActivityPage::reload()
{
    switch (m_tabs->currentIndex()) {
    case 0:
        reloadFeed();
        break;
    case 1:
        m_journal->reload();
        break;
    default:
        m_triggers->reload();
        break;
    }
}

void ActivityPage::reloadFeed()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    const QString type = m_filter->currentData().toString();
    using Result = std::pair<std::optional<QList<ActivityModel::Entry>>, QString>;
    runInBackground(
        this,
        [database, type]() -> Result {
            QString error;
            auto entries = ActivityModel::load(database->connection(), type, ShownEntries, &error);
            return {entries, error};
        },
        [this](const Result &result) {
            if (!result.first) {
                m_banner->showMessage(
                    tr("The activity feed could not be read: %1").arg(result.second),
                    Banner::Kind::Error);
                return;
            }
            m_model->setEntries(*result.first);
            m_count->setText(m_model->rowCount() == 0
                                 ? tr("Nothing yet: releases, feedback, milestones, usage updates "
                                      "and won deals appear here as they come in.")
                                 : tr("%n entries, newest first", nullptr, m_model->rowCount()));
            m_view->resizeColumnToContents(ActivityModel::When);
            m_view->resizeColumnToContents(ActivityModel::Event);
            m_view->resizeColumnToContents(ActivityModel::Source);
            m_view->resizeColumnToContents(ActivityModel::Title);
            const int widest = m_view->viewport()->width() / 3;
            if (m_view->columnWidth(ActivityModel::Title) > widest)
                m_view->setColumnWidth(ActivityModel::Title, widest);
            Q_EMIT feedLoaded();
        });
}

void ActivityPage::evaluateTriggers()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    database->writer()->submit(
        [](QSqlDatabase &db, QString *error) {
            return TriggerEvaluator::evaluate(db, QDateTime::currentDateTimeUtc(), error)
                .has_value();
        },
        this,
        [this](const WriteResult &result) {
            if (!result.ok) {
                m_banner->showMessage(tr("The triggers could not be checked: %1").arg(result.error),
                                      Banner::Kind::Error);
                return;
            }
            checkFirings();
            if (m_tabs->currentWidget() == m_triggers)
                m_triggers->reload();
        });
}

void ActivityPage::checkFirings()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    const qint64 after = m_lastNotified;
    runInBackground(
        this, [database, after] { return newsAfter(database->connection(), after); },
        [this, after](const News &news) {
            if (after != m_lastNotified)
                return; // a newer check is on its way
            m_lastNotified = news.lastFiring;
            for (const Firing &firing : news.firings) {
                m_notifier->notify(firing.title, firing.detail);
                Q_EMIT notified(firing.title, firing.detail);
            }
            // The feed is read again only when something new came in: a reset loses the
            // reader's place.
            if (news.newest != m_feedNewest && isVisible() && m_tabs->currentIndex() == 0) {
                m_feedNewest = news.newest;
                reloadFeed();
            }
        });
}
