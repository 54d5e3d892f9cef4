#include "activity/activityrecorder.h"
#include "database.h"
#include "databasewriter.h"
#include "isodate.h"
#include "rawjson.h"
#include "testworkspace.h"
#include "webhookpayloads.h"
#include "webhooks/processing/canonicalwebhookprocessor.h"
#include "webhooks/webhookpipeline.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

// Deliveries in the providers' real payload shapes (trimmed to the fields that matter plus
// a few that do not), processed as the receiver's pipeline and the journal's Replay do.
class TestWebhookProcessing : public QObject
{
    Q_OBJECT

private:
    TestWorkspace m_workspace;
    std::unique_ptr<Database> m_database;
    QHash<QString, qint64> m_sources;
    int m_deliveries = 0;

    qint64 addSource(const QString &kind)
    {
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES (?, "
                                         "?, '2026-11-01T00:00:00Z')"));
            query.addBindValue(kind);
            query.addBindValue(QString(kind + QStringLiteral(" source")));
            if (!query.exec()) {
                *error = query.lastQuery();
                return false;
            }
            m_sources.insert(kind, query.lastInsertId().toLongLong());
            return true;
        });
        if (!result.ok)
            qFatal("could not add a source");
        return m_sources.value(kind);
    }

    // Stores a delivery as the receiver does (no source: the processor finds it by kind).
    qint64 store(const QString &provider, const QString &type, const QByteArray &payload)
    {
        qint64 id = 0;
        const QString delivery = QStringLiteral("delivery-%1").arg(++m_deliveries);
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "INSERT INTO webhook_events (provider, delivery_id, event_type, received_at, "
                "payload) VALUES (?, ?, ?, ?, ?)"));
            query.addBindValue(provider);
            query.addBindValue(delivery);
            query.addBindValue(type);
            query.addBindValue(IsoDate::timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(QString::fromUtf8(payload));
            if (!query.exec())
                return false;
            id = query.lastInsertId().toLongLong();
            return true;
        });
        if (!result.ok)
            qFatal("could not store a delivery");
        return id;
    }

    WebhookProcessor::Outcome replay(qint64 id)
    {
        WebhookProcessor::Outcome outcome;
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            CanonicalWebhookProcessor processor;
            return WebhookPipeline::processOne(db, processor, id, &outcome, error);
        });
        if (!result.ok)
            qWarning() << result.error;
        return outcome;
    }

    WebhookProcessor::Outcome deliver(const QString &provider, const QString &type,
                                      const QByteArray &payload, qint64 *id = nullptr)
    {
        const qint64 stored = store(provider, type, payload);
        if (id)
            *id = stored;
        return replay(stored);
    }

    QVariantList row(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query(m_database->connection());
        query.prepare(sql);
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec() || !query.next())
            return {};
        QVariantList values;
        for (int column = 0; column < query.record().count(); ++column)
            values.append(query.value(column));
        return values;
    }

    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        const QVariantList values = row(sql, binds);
        return values.isEmpty() ? -1 : values.first().toLongLong();
    }

    static QString recent(int daysAgo)
    {
        return IsoDate::timestamp(
            QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(10, 0), Qt::UTC));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = m_workspace.open();
        QVERIFY(m_database);
        for (const char *kind : {"github", "gitlab", "jira", "linear", "pipedrive", "hubspot"})
            addSource(QLatin1String(kind));
    }

    void githubReleasePublished()
    {
        const QString published = recent(1);
        const QByteArray payload =
            QString::fromUtf8(WebhookPayloads::at(0)).arg(published).toUtf8();
        qint64 id = 0;
        const WebhookProcessor::Outcome outcome =
            deliver(QStringLiteral("github"), QStringLiteral("release"), payload, &id);
        QCOMPARE(outcome.result, WebhookProcessor::Result::Processed);
        QCOMPARE(outcome.hubEvents, QStringList{QStringLiteral("feature_release")});

        const QVariantList release =
            row(QStringLiteral("SELECT source_id, name, version, released_at, url, updated_at, raw "
                               "FROM releases WHERE external_id = '1001'"));
        QCOMPARE(release.size(), 7);
        QCOMPARE(release.at(0).toLongLong(), m_sources.value(QStringLiteral("github")));
        QCOMPARE(release.at(1).toString(), QStringLiteral("2.4 Adoption dashboards"));
        QCOMPARE(release.at(2).toString(), QStringLiteral("v2.4.0"));
        QCOMPARE(release.at(3).toString(), published);
        QCOMPARE(release.at(4).toString(),
                 QStringLiteral("https://github.com/acme/hub/releases/tag/v2.4.0"));
        QCOMPARE(release.at(5).toString(), published);
        QVERIFY(RawJson::unpack(release.at(6)).contains("\"node_id\":\"RE_kwDOAbc\""));

        const QVariantList activity = row(
            QStringLiteral("SELECT hub_event, origin, title, link, webhook_event_id, occurred_at "
                           "FROM activity WHERE webhook_event_id = ?"),
            {id});
        QCOMPARE(activity.value(0).toString(), QStringLiteral("feature_release"));
        QCOMPARE(activity.value(1).toString(), QStringLiteral("webhook"));
        QCOMPARE(activity.value(2).toString(),
                 QStringLiteral("Released 2.4 Adoption dashboards in acme/hub"));
        QCOMPARE(activity.value(3).toString(),
                 QStringLiteral("https://github.com/acme/hub/releases/tag/v2.4.0"));
        QCOMPARE(activity.value(5).toString(), published);
        QCOMPARE(row(QStringLiteral("SELECT status, error FROM webhook_events WHERE id = ?"), {id})
                     .value(0)
                     .toString(),
                 QStringLiteral("processed"));

        // A redelivery, a replay and a later sync of the same release: one row, one entry.
        deliver(QStringLiteral("github"), QStringLiteral("release"), payload);
        replay(id);
        const WriteResult synced = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            return ActivityRecorder::recordSyncedPage(
                db, QStringLiteral("releases"), QStringLiteral("releases"),
                m_sources.value(QStringLiteral("github")),
                {QStringLiteral("external_id"), QStringLiteral("name"),
                 QStringLiteral("released_at"), QStringLiteral("url")},
                {{QStringLiteral("1001"), QStringLiteral("2.4 Adoption dashboards"), published,
                  QString()}},
                QDateTime::currentDateTimeUtc(), error);
        });
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM releases WHERE external_id = '1001'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE hub_event = "
                                      "'feature_release' AND title LIKE '%2.4 Adoption%'")),
                 1);
    }

    void githubMalformedNamesTheField()
    {
        const QByteArray payload = WebhookPayloads::at(4);
        qint64 id = 0;
        const WebhookProcessor::Outcome outcome =
            deliver(QStringLiteral("github"), QStringLiteral("release"), payload, &id);
        QCOMPARE(outcome.result, WebhookProcessor::Result::Failed);
        QVERIFY2(outcome.error.contains(QLatin1String("\"release.id\"")),
                 qPrintable(outcome.error));
        const QVariantList stored =
            row(QStringLiteral("SELECT status, error FROM webhook_events WHERE id = ?"), {id});
        QCOMPARE(stored.value(0).toString(), QStringLiteral("failed"));
        QVERIFY(stored.value(1).toString().contains(QLatin1String("release.id")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM releases WHERE version = 'v3'")), 0);

        const WebhookProcessor::Outcome notJson =
            deliver(QStringLiteral("github"), QStringLiteral("release"), "{\"action\": ");
        QCOMPARE(notJson.result, WebhookProcessor::Result::Failed);
        QVERIFY(notJson.error.contains(QLatin1String("not JSON")));
    }

    void githubPingAndOtherEventsAreIgnored()
    {
        QCOMPARE(deliver(QStringLiteral("github"), QStringLiteral("ping"), WebhookPayloads::at(5))
                     .result,
                 WebhookProcessor::Result::Ignored);
        QCOMPARE(deliver(QStringLiteral("github"), QStringLiteral("star"), WebhookPayloads::at(6))
                     .result,
                 WebhookProcessor::Result::Ignored);
    }

    void githubMilestoneClosed()
    {
        const QByteArray payload = WebhookPayloads::at(7);
        const WebhookProcessor::Outcome outcome =
            deliver(QStringLiteral("github"), QStringLiteral("milestone"), payload);
        QCOMPARE(outcome.hubEvents, QStringList{QStringLiteral("development_milestone")});
        const QVariantList milestone =
            row(QStringLiteral("SELECT name, released_at, url, updated_at FROM releases WHERE "
                               "external_id = 'MI_kwDOxyz'"));
        QCOMPARE(milestone.value(0).toString(), QStringLiteral("Q4 onboarding"));
        QCOMPARE(milestone.value(1).toString(), QStringLiteral("2026-11-30T08:00:00Z"));
        QCOMPARE(milestone.value(2).toString(),
                 QStringLiteral("https://github.com/acme/hub/milestone/4"));
        QCOMPARE(milestone.value(3).toString(), QStringLiteral("2026-11-25T16:00:00Z"));
    }

    void githubIssueUpsertsTheSyncedRow()
    {
        const QByteArray payload = WebhookPayloads::at(8);
        QCOMPARE(deliver(QStringLiteral("github"), QStringLiteral("issues"), payload).result,
                 WebhookProcessor::Result::Processed);
        const QVariantList item = row(QStringLiteral(
            "SELECT title, kind, state, assignee, created_at, resolved_at, url, updated_at, "
            "project, release_ref FROM work_items WHERE external_id = '555001'"));
        QCOMPARE(item.value(0).toString(), QStringLiteral("Export adoption as CSV"));
        QCOMPARE(item.value(1).toString(), QStringLiteral("issue"));
        QCOMPARE(item.value(2).toString(), QStringLiteral("open"));
        QCOMPARE(item.value(3).toString(), QStringLiteral("dev1"));
        QCOMPARE(item.value(4).toString(), QStringLiteral("2026-11-26T08:00:00Z"));
        QVERIFY(item.value(5).isNull());
        QCOMPARE(item.value(6).toString(), QStringLiteral("https://github.com/acme/hub/issues/88"));
        QCOMPARE(item.value(7).toString(), QStringLiteral("2026-11-26T08:05:00Z"));
        QCOMPARE(item.value(8).toString(), QStringLiteral("https://api.github.com/repos/acme/hub"));
        QCOMPARE(item.value(9).toString(), QStringLiteral("MI_kwDOxyz"));
    }

    void githubMergeAndPushToMain()
    {
        const QByteArray merged = WebhookPayloads::at(9);
        QCOMPARE(
            deliver(QStringLiteral("github"), QStringLiteral("pull_request"), merged).hubEvents,
            QStringList{QStringLiteral("development_milestone")});
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE title = "
                                      "'Merged into main: Adoption CSV export'")),
                 1);

        QByteArray intoBranch = merged;
        intoBranch.replace(WebhookPayloads::at(10), WebhookPayloads::at(11));
        QCOMPARE(
            deliver(QStringLiteral("github"), QStringLiteral("pull_request"), intoBranch).result,
            WebhookProcessor::Result::Ignored);

        const QByteArray push = WebhookPayloads::at(12);
        QCOMPARE(deliver(QStringLiteral("github"), QStringLiteral("push"), push).hubEvents,
                 QStringList{QStringLiteral("development_milestone")});
        QCOMPARE(row(QStringLiteral("SELECT occurred_at FROM activity WHERE title = "
                                    "'2 commit(s) pushed to main in acme/hub'"))
                     .value(0)
                     .toString(),
                 QStringLiteral("2026-11-27T11:05:00Z"));
        QByteArray toBranch = push;
        toBranch.replace("refs/heads/main", "refs/heads/feature");
        QCOMPARE(deliver(QStringLiteral("github"), QStringLiteral("push"), toBranch).result,
                 WebhookProcessor::Result::Ignored);
    }

    void gitlabReleaseAndMilestone()
    {
        const QString released = recent(2);
        const QByteArray release = QString::fromUtf8(WebhookPayloads::at(1))
                                       .arg(released.chopped(1) + QStringLiteral(".000Z"))
                                       .toUtf8();
        QCOMPARE(
            deliver(QStringLiteral("gitlab"), QStringLiteral("Release Hook"), release).hubEvents,
            QStringList{QStringLiteral("feature_release")});
        const QVariantList stored = row(QStringLiteral(
            "SELECT name, version, released_at, url FROM releases WHERE external_id = "
            "'https://gitlab.example.com/acme/hub/-/releases/v3.1'"));
        QCOMPARE(stored.value(0).toString(), QStringLiteral("Hub 3.1"));
        QCOMPARE(stored.value(1).toString(), QStringLiteral("v3.1"));
        QCOMPARE(stored.value(2).toString(), released);
        QCOMPARE(stored.value(3).toString(),
                 QStringLiteral("https://gitlab.example.com/acme/hub/-/releases/v3.1"));

        const QByteArray milestone = WebhookPayloads::at(13);
        QCOMPARE(deliver(QStringLiteral("gitlab"), QStringLiteral("Milestone Hook"), milestone)
                     .hubEvents,
                 QStringList{QStringLiteral("development_milestone")});
        const QVariantList closed = row(QStringLiteral(
            "SELECT name, released_at, url, updated_at FROM releases WHERE external_id = '61'"));
        QCOMPARE(closed.value(0).toString(), QStringLiteral("Sprint 42"));
        QCOMPARE(closed.value(1).toString(), QStringLiteral("2026-11-27T00:00:00Z"));
        QCOMPARE(closed.value(2).toString(),
                 QStringLiteral("https://gitlab.example.com/acme/hub/-/milestones/10"));
        QCOMPARE(closed.value(3).toString(), QStringLiteral("2026-11-26T17:00:00Z"));
    }

    void gitlabMergeRequestMergedMeetsItsSync()
    {
        const QString mergedAt = recent(1);
        const QByteArray payload = QString::fromUtf8(WebhookPayloads::at(2)).arg(mergedAt).toUtf8();
        QCOMPARE(deliver(QStringLiteral("gitlab"), QStringLiteral("Merge Request Hook"), payload)
                     .hubEvents,
                 QStringList{QStringLiteral("development_milestone")});
        const QVariantList item = row(QStringLiteral(
            "SELECT title, kind, state, assignee, resolved_at, url, project FROM work_items "
            "WHERE external_id = 'acme/hub!42'"));
        QCOMPARE(item.value(0).toString(), QStringLiteral("Webhook journal"));
        QCOMPARE(item.value(1).toString(), QStringLiteral("merge_request"));
        QCOMPARE(item.value(2).toString(), QStringLiteral("merged"));
        QCOMPARE(item.value(3).toString(), QStringLiteral("dev2"));
        QCOMPARE(item.value(4).toString(), mergedAt);
        QCOMPARE(item.value(5).toString(),
                 QStringLiteral("https://gitlab.example.com/acme/hub/-/merge_requests/42"));
        QCOMPARE(item.value(6).toString(), QStringLiteral("7"));

        // The merge_requests stream brings the same merge request later: no second entry.
        const WriteResult synced = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            return ActivityRecorder::recordSyncedPage(
                db, QStringLiteral("merge_requests"), QStringLiteral("work_items"),
                m_sources.value(QStringLiteral("gitlab")),
                {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("state"),
                 QStringLiteral("resolved_at")},
                {{QStringLiteral("acme/hub!42"), QStringLiteral("Webhook journal"),
                  QStringLiteral("merged"), mergedAt}},
                QDateTime::currentDateTimeUtc(), error);
        });
        QVERIFY(synced.ok);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE title = 'Merged: "
                                      "Webhook journal'")),
                 1);
    }

    void jiraVersionReleasedAndSprintClosed()
    {
        const QByteArray version = WebhookPayloads::at(14);
        QCOMPARE(deliver(QStringLiteral("jira"), QStringLiteral("jira:version_released"), version)
                     .hubEvents,
                 QStringList{QStringLiteral("feature_release")});
        const QVariantList stored = row(QStringLiteral(
            "SELECT name, version, released_at FROM releases WHERE external_id = '10020'"));
        QCOMPARE(stored.value(0).toString(), QStringLiteral("2026.12"));
        QCOMPARE(stored.value(1).toString(), QStringLiteral("2026.12"));
        QCOMPARE(stored.value(2).toString(), QStringLiteral("2026-11-27T00:00:00Z"));

        const QByteArray sprint = WebhookPayloads::at(15);
        QCOMPARE(deliver(QStringLiteral("jira"), QString(), sprint).hubEvents,
                 QStringList{QStringLiteral("development_milestone")});
        QCOMPARE(row(QStringLiteral("SELECT occurred_at FROM activity WHERE title = "
                                    "'Sprint HUB Sprint 37 closed'"))
                     .value(0)
                     .toString(),
                 QStringLiteral("2026-11-27T10:30:00Z"));

        const WebhookProcessor::Outcome broken =
            deliver(QStringLiteral("jira"), QString(), WebhookPayloads::at(16));
        QCOMPARE(broken.result, WebhookProcessor::Result::Failed);
        QVERIFY2(broken.error.contains(QLatin1String("\"version.name\"")),
                 qPrintable(broken.error));
    }

    void jiraIssueCreated()
    {
        const QByteArray payload = WebhookPayloads::at(17);
        QCOMPARE(deliver(QStringLiteral("jira"), QString(), payload).result,
                 WebhookProcessor::Result::Processed);
        const QVariantList item = row(QStringLiteral(
            "SELECT title, kind, state, assignee, created_at, project FROM work_items WHERE "
            "external_id = '10234'"));
        QCOMPARE(item.value(0).toString(), QStringLiteral("Replay a stored webhook"));
        QCOMPARE(item.value(1).toString(), QStringLiteral("Story"));
        QCOMPARE(item.value(2).toString(), QStringLiteral("To Do"));
        QCOMPARE(item.value(3).toString(), QStringLiteral("Dana Dev"));
        QCOMPARE(item.value(4).toString(), QStringLiteral("2026-11-27T08:15:00Z"));
        QCOMPARE(item.value(5).toString(), QStringLiteral("HUB"));
    }

    void linearIssueAndCycle()
    {
        const QByteArray issue = WebhookPayloads::at(18);
        QCOMPARE(deliver(QStringLiteral("linear"), QStringLiteral("Issue"), issue).result,
                 WebhookProcessor::Result::Processed);
        const QVariantList item = row(QStringLiteral(
            "SELECT title, kind, state, points, assignee, created_at, url, project, feature_ref, "
            "sprint FROM work_items WHERE external_id = '3f1c-issue'"));
        QCOMPARE(item.value(0).toString(), QStringLiteral("Journal filters"));
        QCOMPARE(item.value(1).toString(), QStringLiteral("issue"));
        QCOMPARE(item.value(2).toString(), QStringLiteral("Todo"));
        QCOMPARE(item.value(3).toDouble(), 3.0);
        QCOMPARE(item.value(4).toString(), QStringLiteral("Robin"));
        QCOMPARE(item.value(5).toString(), QStringLiteral("2026-11-27T10:00:00Z"));
        QCOMPARE(item.value(6).toString(),
                 QStringLiteral("https://linear.app/acme/issue/HUB-12/journal-filters"));
        QCOMPARE(item.value(7).toString(), QStringLiteral("HUB"));
        QCOMPARE(item.value(8).toString(), QStringLiteral("proj-9"));
        QCOMPARE(item.value(9).toString(), QStringLiteral("Cycle 8"));

        const QByteArray cycle = WebhookPayloads::at(19);
        QCOMPARE(deliver(QStringLiteral("linear"), QStringLiteral("Cycle"), cycle).hubEvents,
                 QStringList{QStringLiteral("development_milestone")});
        QByteArray touched = cycle;
        touched.replace(WebhookPayloads::at(20), "");
        QCOMPARE(deliver(QStringLiteral("linear"), QStringLiteral("Cycle"), touched).result,
                 WebhookProcessor::Result::Ignored);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM activity WHERE title = 'Cycle Cycle 8 completed'")),
                 1);
    }

    void pipedriveDealWonOnce()
    {
        const QString wonAt = recent(0).left(10) + QStringLiteral(" 09:30:00");
        const QByteArray payload = QString::fromUtf8(WebhookPayloads::at(3)).arg(wonAt).toUtf8();
        QCOMPARE(deliver(QStringLiteral("pipedrive"), QString(), payload).hubEvents,
                 QStringList{QStringLiteral("market_validation")});
        const QVariantList deal = row(QStringLiteral(
            "SELECT name, stage, is_closed, is_won, deal_size, currency, close_date FROM "
            "sales_opportunities WHERE external_id = '321'"));
        QCOMPARE(deal.value(0).toString(), QStringLiteral("Globex expansion"));
        QCOMPARE(deal.value(1).toString(), QStringLiteral("4"));
        QCOMPARE(deal.value(2).toInt(), 1);
        QCOMPARE(deal.value(3).toInt(), 1);
        QCOMPARE(deal.value(4).toDouble(), 48000.0);
        QCOMPARE(deal.value(5).toString(), QStringLiteral("EUR"));
        QCOMPARE(deal.value(6).toString(), wonAt.left(10));

        // The deals_won stream syncs the deal afterwards: the same key, no second entry.
        const WriteResult synced = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            return ActivityRecorder::recordSyncedPage(
                db, QStringLiteral("deals_won"), QStringLiteral("sales_opportunities"),
                m_sources.value(QStringLiteral("pipedrive")),
                {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("is_won"),
                 QStringLiteral("close_date")},
                {{QStringLiteral("321"), QStringLiteral("Globex expansion"), 1, wonAt.left(10)}},
                QDateTime::currentDateTimeUtc(), error);
        });
        QVERIFY(synced.ok);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE hub_event = "
                                      "'market_validation' AND dedupe_key LIKE '%:321:won'")),
                 1);
    }

    void hubspotDealStageClosedWon()
    {
        const QByteArray payload = WebhookPayloads::at(21);
        const WebhookProcessor::Outcome outcome =
            deliver(QStringLiteral("hubspot"), QString(), payload);
        QCOMPARE(outcome.hubEvents, QStringList{QStringLiteral("market_validation")});
        QCOMPARE(
            row(QStringLiteral("SELECT occurred_at FROM activity WHERE title = 'Deal 9001 won'"))
                .value(0)
                .toString(),
            IsoDate::timestamp(QDateTime::fromMSecsSinceEpoch(1764237600000, Qt::UTC)));
        const WebhookProcessor::Outcome broken =
            deliver(QStringLiteral("hubspot"), QString(), WebhookPayloads::at(22));
        QCOMPARE(broken.result, WebhookProcessor::Result::Failed);
        QVERIFY2(broken.error.contains(QLatin1String("event 0: the payload has no \"objectId\"")),
                 qPrintable(broken.error));
    }

    void unknownProviderAndMissingSource()
    {
        QCOMPARE(deliver(QStringLiteral("figma"), QStringLiteral("FILE_UPDATE"), "{}").result,
                 WebhookProcessor::Result::Ignored);
        // A provider with a mapper but no source of its kind cannot be written anywhere.
        CanonicalWebhookProcessor processor;
        QVERIFY(processor.providers().contains(QStringLiteral("github")));
        WebhookEvent event;
        event.provider = QStringLiteral("github");
        event.eventType = QStringLiteral("release");
        event.sourceId = std::nullopt;
        event.payload = "{}";
        WebhookProcessor::Outcome outcome;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("rolled back on purpose")));
        const WriteResult result = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            QSqlQuery(db).exec(
                QStringLiteral("UPDATE sources SET kind = 'github-old' WHERE kind = 'github'"));
            outcome = processor.process(db, event);
            *error = QStringLiteral("rolled back on purpose");
            return false; // roll the rename back
        });
        QVERIFY(!result.ok);
        QCOMPARE(outcome.result, WebhookProcessor::Result::Failed);
        QVERIFY(outcome.error.contains(QLatin1String("No github source")));
    }

    void syncGivesTheSameEventsOnlyForRecentHappenings()
    {
        const qint64 source = m_sources.value(QStringLiteral("github"));
        const WriteResult synced = m_database->writer()->run([&](QSqlDatabase &db, QString *error) {
            return ActivityRecorder::recordSyncedPage(
                db, QStringLiteral("releases"), QStringLiteral("releases"), source,
                {QStringLiteral("external_id"), QStringLiteral("name"),
                 QStringLiteral("released_at")},
                {{QStringLiteral("old-1"), QStringLiteral("Ancient"), recent(400)},
                 {QStringLiteral("new-1"), QStringLiteral("Fresh"), recent(3)},
                 {QStringLiteral("future-1"), QStringLiteral("Planned"), recent(-5)}},
                QDateTime::currentDateTimeUtc(), error);
        });
        QVERIFY(synced.ok);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM activity WHERE title = 'Released Fresh' "
                                 "AND origin = 'sync'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE title IN ('Released "
                                      "Ancient', 'Released Planned')")),
                 0);
    }

    void syncGivesFeedbackDealsAndUsage()
    {
        const qint64 source = m_sources.value(QStringLiteral("linear"));
        const auto page = [&](const QString &stream, const QString &table,
                              const QStringList &columns, const QList<QVariantList> &rows) {
            return m_database->writer()
                ->run([&](QSqlDatabase &db, QString *error) {
                    return ActivityRecorder::recordSyncedPage(db, stream, table, source, columns,
                                                              rows, QDateTime::currentDateTimeUtc(),
                                                              error);
                })
                .ok;
        };
        QVERIFY(page(QStringLiteral("notes"), QStringLiteral("feedback"),
                     {QStringLiteral("external_id"), QStringLiteral("title"),
                      QStringLiteral("body"), QStringLiteral("created_at")},
                     {{QStringLiteral("n-1"), QString(),
                       QStringLiteral("Please add SSO for our team"), recent(1)}}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE hub_event = "
                                      "'user_feedback' AND title = 'New feedback: Please add SSO "
                                      "for our team'")),
                 1);
        QVERIFY(page(QStringLiteral("deals_open"), QStringLiteral("sales_opportunities"),
                     {QStringLiteral("external_id"), QStringLiteral("name"),
                      QStringLiteral("is_won"), QStringLiteral("close_date")},
                     {{QStringLiteral("d-open"), QStringLiteral("Open deal"), 0, recent(1)},
                      {QStringLiteral("d-won"), QStringLiteral("Won deal"), 1, recent(2)}}));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM activity WHERE title LIKE 'Deal won: %' "
                                 "AND dedupe_key LIKE '%:d-%'")),
            1);
        for (int pageNumber = 0; pageNumber < 2; ++pageNumber) {
            QVERIFY(page(QStringLiteral("export"), QStringLiteral("feature_usage"),
                         {QStringLiteral("external_id")}, {{QStringLiteral("u-1")}}));
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activity WHERE hub_event = "
                                      "'usage_metrics' AND source_id = %1")
                           .arg(source)),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookProcessing)
#include "tst_webhookprocessing.moc"
