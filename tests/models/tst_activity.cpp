#include "activity/activitymodel.h"
#include "activity/activityrecorder.h"
#include "activity/triggerevaluator.h"
#include "activity/triggerlistmodel.h"
#include "activity/triggerstore.h"
#include "activity/webhookjournalmodel.h"
#include "database.h"
#include "databasewriter.h"
#include "isodate.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

// Triggers fire once when their condition becomes true and re-arm when it stops holding;
// the activity feed and the webhook journal read as item models.
class TestActivity : public QObject
{
    Q_OBJECT

private:
    TestWorkspace m_workspace;
    std::unique_ptr<Database> m_database;
    qint64 m_source = 0;
    int m_feedback = 0;

    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &bind : binds)
                query.addBindValue(bind);
            if (!query.exec()) {
                *error = sql;
                return false;
            }
            return true;
        });
        if (!result.ok)
            qWarning() << result.error;
        return result.ok;
    }

    qint64 addTrigger(const QString &name, const char *kind, const QJsonObject &parameters)
    {
        Trigger trigger;
        trigger.name = name;
        trigger.kind = QLatin1String(kind);
        trigger.parameters = parameters;
        if (!TriggerKinds::validate(trigger).isEmpty())
            return 0;
        qint64 id = 0;
        m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            const std::optional<qint64> added = TriggerStore::insert(db, trigger, error);
            id = added.value_or(0);
            return added.has_value();
        });
        return id;
    }

    // The names of the triggers that fired in one evaluation.
    QStringList evaluate(const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        QStringList names;
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            const std::optional<QList<TriggerFiring>> firings =
                TriggerEvaluator::evaluate(db, now, error);
            if (!firings)
                return false;
            for (const TriggerFiring &firing : *firings)
                names.append(firing.name);
            return true;
        });
        if (!result.ok)
            qWarning() << result.error;
        return names;
    }

    void setEnabled(qint64 id, bool enabled)
    {
        exec(QStringLiteral("UPDATE triggers SET enabled = ? WHERE id = ?"), {enabled ? 1 : 0, id});
    }

    void addNps(double score, int daysAgo = 1)
    {
        exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, score, score_kind, "
                            "created_at) VALUES (?, ?, ?, 'nps', ?)"),
             {m_source, QStringLiteral("nps-%1").arg(++m_feedback), score,
              IsoDate::timestamp(QDateTime::currentDateTimeUtc().addDays(-daysAgo))});
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_database->connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = m_workspace.open();
        QVERIFY(m_database);
        QVERIFY(
            exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES "
                                "(1, 'productboard', 'Productboard', '2026-01-01T00:00:00Z')")));
        m_source = 1;
    }

    void validateNamesTheParameter()
    {
        Trigger trigger;
        trigger.name = QStringLiteral("Low NPS");
        trigger.kind = QLatin1String(TriggerKinds::NpsBelow);
        trigger.parameters = {{QStringLiteral("threshold"), 30}};
        QVERIFY(TriggerKinds::validate(trigger).contains(QLatin1String("Days")));
        trigger.parameters.insert(QStringLiteral("days"), 30);
        QCOMPARE(TriggerKinds::validate(trigger), QString());
        trigger.name.clear();
        QVERIFY(TriggerKinds::validate(trigger).contains(QLatin1String("name")));
    }

    void npsBelowFiresOncePerDrop()
    {
        const qint64 id =
            addTrigger(QStringLiteral("NPS drops"), TriggerKinds::NpsBelow,
                       {{QStringLiteral("threshold"), 30}, {QStringLiteral("days"), 30}});
        QVERIFY(id > 0);
        QCOMPARE(evaluate(), QStringList()); // no responses: nothing to say
        addNps(10);
        addNps(3);
        addNps(2); // NPS -33
        QCOMPARE(evaluate(), QStringList{QStringLiteral("NPS drops")});
        QCOMPARE(evaluate(), QStringList()); // still low: no second notice
        for (int i = 0; i < 6; ++i)
            addNps(10); // NPS 56: re-armed, silently
        QCOMPARE(evaluate(), QStringList());
        for (int i = 0; i < 10; ++i)
            addNps(0); // NPS -26
        QCOMPARE(evaluate(), QStringList{QStringLiteral("NPS drops")});
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM activity WHERE trigger_id = %1").arg(id)),
            2);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM activity WHERE hub_event = 'trigger' "
                                  "AND origin = 'trigger' AND detail LIKE '%NPS -26 from 19%'")),
            1);
        setEnabled(id, false);
    }

    void unplannedRequestsFireUntilPlanned()
    {
        QVERIFY(exec(QStringLiteral("INSERT INTO features (id, name) VALUES (50, 'SSO')")));
        QVERIFY(exec(QStringLiteral("INSERT INTO companies (id, name, domain) VALUES (1, 'Globex', "
                                    "'globex.example'), (2, 'Initech', 'initech.example')")));
        QVERIFY(
            exec(QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, "
                                "company_id, name, deal_size) VALUES (1, 'd1', 1, 'Big', 90000), "
                                "(1, 'd2', 2, 'Small', 900)")));
        const qint64 id =
            addTrigger(QStringLiteral("Enterprise wants SSO"), TriggerKinds::UnplannedRequests,
                       {{QStringLiteral("count"), 3}, {QStringLiteral("min_deal_size"), 50000}});
        QVERIFY(id > 0);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, feature_id, "
                                        "company_id, title) VALUES (1, ?, 50, 2, 'SSO please')"),
                         {QStringLiteral("small-%1").arg(i)}));
        }
        QCOMPARE(evaluate(), QStringList()); // three requests, none from an enterprise
        for (int i = 0; i < 3; ++i) {
            QVERIFY(exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, feature_id, "
                                        "company_id, title) VALUES (1, ?, 50, 1, 'SSO please')"),
                         {QStringLiteral("big-%1").arg(i)}));
        }
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Enterprise wants SSO")});
        QCOMPARE(evaluate(), QStringList());
        QVERIFY(exec(QStringLiteral("INSERT INTO launch_plans (id, product, name, launch_date, "
                                    "created_at, updated_at) VALUES (7, 'Hub', 'Hub SSO', "
                                    "'2027-03-01', '2026-11-01', '2026-11-01')")));
        QVERIFY(exec(QStringLiteral("INSERT INTO launch_plan_features VALUES (7, 50)")));
        QCOMPARE(evaluate(), QStringList()); // planned now: re-armed
        QVERIFY(exec(QStringLiteral("DELETE FROM launch_plan_features WHERE plan_id = 7")));
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Enterprise wants SSO")});
        setEnabled(id, false);
    }

    void campaignInDraftDuringLaunchWeek()
    {
        const QString launch = QDate::currentDate().addDays(4).toString(Qt::ISODate);
        QVERIFY(
            exec(QStringLiteral("INSERT INTO launch_plans (id, product, name, launch_date, "
                                "created_at, updated_at) VALUES (8, 'Insights', 'Insights GA', ?, "
                                "'2026-11-01', '2026-11-01')"),
                 {launch}));
        QVERIFY(exec(QStringLiteral("INSERT INTO campaigns (source_id, external_id, name, status, "
                                    "product_launch) VALUES (1, 'c1', 'Launch email', 'draft', "
                                    "'Insights')")));
        const qint64 id = addTrigger(QStringLiteral("Launch email not ready"),
                                     TriggerKinds::CampaignDraft, {{QStringLiteral("days"), 7}});
        QVERIFY(id > 0);
        // Ten days out, the launch is not in the window yet.
        QCOMPARE(evaluate(QDateTime::currentDateTimeUtc().addDays(-10)), QStringList());
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Launch email not ready")});
        QCOMPARE(evaluate(), QStringList());
        QVERIFY(exec(
            QStringLiteral("UPDATE campaigns SET status = 'scheduled' WHERE external_id = 'c1'")));
        QCOMPARE(evaluate(), QStringList());
        QVERIFY(
            exec(QStringLiteral("UPDATE campaigns SET status = 'draft' WHERE external_id = 'c1'")));
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Launch email not ready")});
        setEnabled(id, false);
    }

    void adoptionPassesShareWithinDays()
    {
        const QDate today = QDate::currentDate();
        QVERIFY(exec(QStringLiteral("INSERT INTO features (id, name, release_date) VALUES (60, "
                                    "'Dashboards', ?), (61, 'Search', NULL)"),
                     {today.addDays(-10).toString(Qt::ISODate)}));
        for (int user = 1; user <= 10; ++user) {
            QVERIFY(exec(QStringLiteral("INSERT INTO users (id, email) VALUES (?, ?)"),
                         {user, QStringLiteral("u%1@example.com").arg(user)}));
            QVERIFY(exec(QStringLiteral("INSERT INTO feature_usage VALUES (61, ?, ?, 1)"),
                         {today.addDays(-9).toString(Qt::ISODate), user}));
        }
        const qint64 id = addTrigger(QStringLiteral("Dashboards take off"), TriggerKinds::Adoption,
                                     {{QStringLiteral("feature_id"), 60},
                                      {QStringLiteral("percent"), 20},
                                      {QStringLiteral("days"), 30}});
        QVERIFY(id > 0);
        QVERIFY(exec(QStringLiteral("INSERT INTO feature_usage VALUES (60, ?, 1, 2)"),
                     {today.addDays(-8).toString(Qt::ISODate)}));
        QCOMPARE(evaluate(), QStringList()); // 10%
        QVERIFY(exec(
            QStringLiteral("INSERT INTO feature_usage VALUES (60, ?, 2, 1), (60, ?, 3, 1)"),
            {today.addDays(-2).toString(Qt::ISODate), today.addDays(-1).toString(Qt::ISODate)}));
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Dashboards take off")}); // 30%
        QCOMPARE(evaluate(), QStringList());
        QCOMPARE(
            scalar(QStringLiteral("SELECT round(last_value) FROM triggers WHERE id = %1").arg(id)),
            30);
        setEnabled(id, false);
    }

    void eventTriggerFiresPerNewEventOnly()
    {
        HubEvent old;
        old.type = QLatin1String(HubEvents::UserFeedback);
        old.sourceId = m_source;
        old.title = QStringLiteral("Before the trigger");
        old.dedupeKey = QStringLiteral("1:feedback:before:new");
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *error) {
                        return ActivityRecorder::record(db, old, nullptr, error);
                    })
                    .ok);
        const qint64 id =
            addTrigger(QStringLiteral("Feedback from Productboard"), TriggerKinds::Event,
                       {{QStringLiteral("hub_event"), QStringLiteral("user_feedback")},
                        {QStringLiteral("source_id"), double(m_source)}});
        QVERIFY(id > 0);
        QCOMPARE(evaluate(), QStringList());
        HubEvent fresh = old;
        fresh.title = QStringLiteral("After the trigger");
        fresh.dedupeKey = QStringLiteral("1:feedback:after:new");
        HubEvent other = fresh;
        other.type = QLatin1String(HubEvents::FeatureRelease);
        other.dedupeKey = QStringLiteral("1:releases:x:released");
        bool inserted = false;
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *error) {
                        return ActivityRecorder::record(db, fresh, &inserted, error) &&
                               ActivityRecorder::record(db, other, nullptr, error);
                    })
                    .ok);
        QVERIFY(inserted);
        QCOMPARE(evaluate(), QStringList{QStringLiteral("Feedback from Productboard")});
        QCOMPARE(evaluate(), QStringList());
        // The same happening again is deduplicated, so it cannot fire twice.
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *error) {
                        return ActivityRecorder::record(db, fresh, &inserted, error);
                    })
                    .ok);
        QVERIFY(!inserted);
        QCOMPARE(evaluate(), QStringList());
        setEnabled(id, false);
    }

    void storeRoundTripAndConditionChangeResets()
    {
        QString error;
        std::optional<QList<Trigger>> triggers =
            TriggerStore::load(m_database->connection(), &error);
        QVERIFY(triggers);
        QVERIFY(triggers->size() >= 5);
        Trigger nps = triggers->first();
        QCOMPARE(nps.kind, QStringLiteral("nps_below"));
        QVERIFY(nps.active);
        QVERIFY(!nps.lastFired.isEmpty());
        nps.parameters.insert(QStringLiteral("threshold"), 10);
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *e) {
                        return TriggerStore::update(db, nps, e);
                    })
                    .ok);
        triggers = TriggerStore::load(m_database->connection(), &error);
        QCOMPARE(triggers->first().parameters.value(QStringLiteral("threshold")).toInt(), 10);
        QVERIFY(!triggers->first().active); // a new condition starts unfired
        const Trigger removed = triggers->first();
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *e) {
                        return TriggerStore::remove(db, removed.id, e);
                    })
                    .ok);
        QVERIFY(m_database->writer()
                    ->run([&](QSqlDatabase &db, QString *e) {
                        return TriggerStore::insert(db, removed, e).has_value();
                    })
                    .ok);
        triggers = TriggerStore::load(m_database->connection(), &error);
        QCOMPARE(triggers->first(), removed); // an undone delete comes back as it was
    }

    void activityModel()
    {
        ActivityModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        const auto all = ActivityModel::load(m_database->connection(), QString(), 500, &error);
        QVERIFY2(all, qPrintable(error));
        model.setEntries(*all);
        QCOMPARE(model.rowCount(), int(scalar(QStringLiteral("SELECT count(*) FROM activity"))));
        QVERIFY(model.entry(0).id > model.entry(model.rowCount() - 1).id); // newest first
        const auto feedback = ActivityModel::load(m_database->connection(),
                                                  QStringLiteral("user_feedback"), 500, &error);
        model.setEntries(*feedback);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ActivityModel::Title).data().toString(),
                 QStringLiteral("After the trigger"));
        QCOMPARE(model.index(0, ActivityModel::Event).data().toString(),
                 QStringLiteral("User feedback"));
        QCOMPARE(model.index(0, ActivityModel::Source).data().toString(),
                 QStringLiteral("Productboard"));
    }

    void triggerListModel()
    {
        QString error;
        const auto triggers = TriggerStore::load(m_database->connection(), &error);
        const auto names = TriggerNames::load(m_database->connection(), &error);
        QVERIFY(triggers && names);
        TriggerListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTriggers(*triggers, *names);
        const int row = int(std::find_if(triggers->cbegin(), triggers->cend(),
                                         [](const Trigger &trigger) {
                                             return trigger.kind == QLatin1String("adoption");
                                         }) -
                            triggers->cbegin());
        QCOMPARE(model.index(row, TriggerListModel::Condition).data().toString(),
                 QStringLiteral("Adoption of Dashboards passes 20% within 30 days"));
        QCOMPARE(model.index(row, TriggerListModel::Enabled).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QSignalSpy toggled(&model, &TriggerListModel::toggleRequested);
        QVERIFY(!model.setData(model.index(row, TriggerListModel::Enabled), Qt::Checked,
                               Qt::CheckStateRole));
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(1).toBool(), true);
    }

    void journalModel()
    {
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO webhook_events (provider, delivery_id, source_id, event_type, "
            "received_at, payload, status, error) VALUES "
            "('github', 'g-1', 1, 'release', '2026-11-27T10:00:00Z', '{\"a\":1}', 'processed', "
            "NULL), "
            "('github', 'g-2', NULL, 'release', '2026-11-27T11:00:00Z', 'not json', 'failed', "
            "'the payload has no \"release.id\"')")));
        WebhookJournalModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        const auto deliveries = WebhookJournalModel::load(m_database->connection(), 100, &error);
        QVERIFY2(deliveries, qPrintable(error));
        model.setDeliveries(*deliveries);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, WebhookJournalModel::DeliveryId).data().toString(),
                 QStringLiteral("g-2"));
        QCOMPARE(model.index(0, WebhookJournalModel::Status).data().toString(),
                 QStringLiteral("Failed: the payload has no \"release.id\""));
        QCOMPARE(model.index(1, WebhookJournalModel::Source).data().toString(),
                 QStringLiteral("Productboard"));
        const qint64 first = model.delivery(1).id;
        QCOMPARE(model.rowOf(first), 1);
        QCOMPARE(WebhookJournalModel::payload(m_database->connection(), first, &error)
                     .value_or(QString()),
                 QStringLiteral("{\n    \"a\": 1\n}\n"));
        QCOMPARE(
            WebhookJournalModel::payload(m_database->connection(), model.delivery(0).id, &error)
                .value_or(QString()),
            QStringLiteral("not json"));
    }
};

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
