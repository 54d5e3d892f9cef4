#include "connectorharness.h"
#include "databasewriter.h"
#include "engine/eventexportrunner.h"
#include "fakemixpanel.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "usage/eventmapping.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray username = "product-hub.8e1d2c.mp-service-account";
const QByteArray secret = "Qm9vU2VjcmV0VmFsdWVGb3JUZXN0cw";
const QByteArray token = username + ':' + secret;
const QString projectId = QStringLiteral("2195193");

QDate today()
{
    return QDateTime::currentDateTimeUtc().date();
}

QDateTime on(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), Qt::UTC);
}

} // namespace

// The Mixpanel connector against a fake raw export speaking Mixpanel's JSONL, its Basic
// service-account auth, its error body and faults, through the usage roll-up.
class TestMixpanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryCompleteDay();
    void secondRunReReadsOnlyTheLastDay();
    void mapsACompleteEvent();
    void wrongCredentialsAreRefused();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void errorBodyIsReported();
    void damagedExportIsRejectedWithNothingWritten();
    void truncatedDownloadIsRetriedThenRejected();
    void rejectsMalformedSettings();
    void periodsFollowTheCursorLagAndLookBack();

private:
    bool begin(ConnectorHarness &h, const QDate &start);
    qint64 mapFeature(ConnectorHarness &h, const QString &name, const QString &pattern);
};

bool TestMixpanel::begin(ConnectorHarness &h, const QDate &start)
{
    return h.start({{QStringLiteral("project_id"), projectId},
                    {QStringLiteral("start_date"), start.toString(Qt::ISODate)}});
}

qint64 TestMixpanel::mapFeature(ConnectorHarness &h, const QString &name, const QString &pattern)
{
    QSqlQuery query(h.database().connection());
    query.prepare(QStringLiteral("INSERT INTO features (name) VALUES (?)"));
    query.addBindValue(name);
    if (!query.exec())
        return 0;
    const qint64 feature = query.lastInsertId().toLongLong();
    const WriteResult result = h.database().writer()->run([&](QSqlDatabase &db, QString *error) {
        return EventMapping::add(db, pattern, feature, nullptr, error);
    });
    return result.ok ? feature : 0;
}

void TestMixpanel::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("mixpanel.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("mixpanel"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Basic);
    QCOMPARE(manifest->streams.size(), 1);
    QVERIFY(manifest->streams.first().events.isSet);
    QCOMPARE(manifest->streams.first().events.period, EventsSpec::Period::Day);
    QCOMPARE(manifest->streams.first().target, QStringLiteral("feature_usage"));
}

void TestMixpanel::syncsEveryCompleteDay()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-3)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    const qint64 reports = mapFeature(h, QStringLiteral("Reports"), QStringLiteral("Report *"));
    QVERIFY(reports > 0);
    // 40 users over three complete days, and today's events, which are not complete yet.
    int expected = 0;
    for (int day = -3; day <= 0; ++day) {
        for (int user = 0; user < 40; ++user) {
            for (int n = 0; n <= user % 3; ++n) {
                mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Report Exported"),
                                                      QStringLiteral("user-%1").arg(user),
                                                      on(today().addDays(day), n, user)));
                if (day < 0)
                    ++expected;
            }
            mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Page Viewed"),
                                                  QStringLiteral("user-%1").arg(user),
                                                  on(today().addDays(day), 12, user)));
            if (day < 0)
                ++expected;
        }
    }

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().pages, 3); // one request per day
    QCOMPARE(outcomes.first().records, expected);
    const QList<QPair<QString, QString>> ranges = mixpanel.ranges();
    QCOMPARE(ranges.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString day = today().addDays(i - 3).toString(Qt::ISODate);
        QCOMPARE(ranges.at(i), qMakePair(day, day));
    }
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), expected);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM users")), 40);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(DISTINCT day) FROM feature_usage")), 3);
    // Each user exported (user % 3) + 1 reports a day; page views map to nothing.
    int perDay = 0;
    for (int user = 0; user < 40; ++user)
        perDay += user % 3 + 1;
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage WHERE "
                                     "feature_id = %1")
                          .arg(reports)),
             3 * perDay);
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'events'"))
                 .value(0)
                 .toString(),
             on(today().addDays(-1), 0).toString(Qt::ISODateWithMs));
    QString error;
    const QList<EventMapping::Unmapped> unmapped =
        EventMapping::unmapped(h.database().connection(), &error);
    QCOMPARE(unmapped.size(), 1);
    QCOMPARE(unmapped.first().eventName, QStringLiteral("Page Viewed"));
    QCOMPARE(unmapped.first().events, 120);
}

void TestMixpanel::secondRunReReadsOnlyTheLastDay()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-2)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    const qint64 reports =
        mapFeature(h, QStringLiteral("Reports"), QStringLiteral("Report Exported"));
    for (int day = -2; day <= -1; ++day)
        for (int n = 0; n < 5; ++n)
            mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Report Exported"),
                                                  QStringLiteral("ana"),
                                                  on(today().addDays(day), 9, n)));
    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage")), 10);

    // Late events for yesterday arrive; the day before is unchanged.
    for (int n = 0; n < 3; ++n)
        mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Report Exported"),
                                              QStringLiteral("ana"),
                                              on(today().addDays(-1), 22, n)));
    mixpanel.clearLog();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    // Only the last day was asked for again (the look-back for late data), and it replaced
    // its own counts instead of adding to them.
    const QString yesterday = today().addDays(-1).toString(Qt::ISODate);
    QCOMPARE(mixpanel.ranges(), (QList<QPair<QString, QString>>{{yesterday, yesterday}}));
    QCOMPARE(outcomes.first().records, 8);
    QCOMPARE(h.scalar(QStringLiteral("SELECT usage_count FROM feature_usage WHERE day = '%1'")
                          .arg(yesterday)),
             8);
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage WHERE "
                                     "feature_id = %1")
                          .arg(reports)),
             13);
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'events'"))
                 .value(0)
                 .toString(),
             on(today().addDays(-1), 0).toString(Qt::ISODateWithMs));
}

void TestMixpanel::mapsACompleteEvent()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    const QDate day = today().addDays(-1);
    QVERIFY2(begin(h, day), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    // The export's own shape (the documentation's sample line), sent twice as the export is
    // not de-duplicated, plus a later event of the same user.
    const QDateTime first = on(day, 18, 28).addSecs(31);
    QJsonObject signup =
        FakeMixpanel::event(QStringLiteral("Signed up"), QStringLiteral("13b20239a29335"), first,
                            QStringLiteral("5d958f87-542d-4c10-9422"));
    QJsonObject properties = signup.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("plan"), QStringLiteral("Premium"));
    properties.insert(QStringLiteral("$city"), QStringLiteral("San Francisco"));
    signup.insert(QStringLiteral("properties"), properties);
    mixpanel.addEvent(signup);
    mixpanel.addEvent(signup);
    mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Signed up"),
                                          QStringLiteral("13b20239a29335"), first.addSecs(600)));
    mapFeature(h, QStringLiteral("Sign-up"), QStringLiteral("Signed up"));

    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 2); // the copy counted once
    const QVariantList count =
        h.row(QStringLiteral("SELECT c.source_id, c.period, c.day, c.event_name, u.external_id, "
                             "c.event_count FROM usage_event_counts c JOIN users u ON u.id = "
                             "c.user_id"));
    QCOMPARE(count.size(), 6);
    QCOMPARE(count.at(0).toLongLong(), h.source().id);
    QCOMPARE(count.at(1).toString(), day.toString(Qt::ISODate));
    QCOMPARE(count.at(2).toString(), day.toString(Qt::ISODate));
    QCOMPARE(count.at(3).toString(), QStringLiteral("Signed up"));
    QCOMPARE(count.at(4).toString(), QStringLiteral("13b20239a29335"));
    QCOMPARE(count.at(5).toLongLong(), 2);
    const QVariantList user =
        h.row(QStringLiteral("SELECT source_id, external_id, first_seen_at FROM users"));
    QCOMPARE(user.at(0).toLongLong(), h.source().id);
    QCOMPARE(user.at(1).toString(), QStringLiteral("13b20239a29335"));
    QCOMPARE(user.at(2).toString(), first.toString(Qt::ISODate));
    const QVariantList usage =
        h.row(QStringLiteral("SELECT f.name, fu.day, fu.usage_count FROM feature_usage fu JOIN "
                             "features f ON f.id = fu.feature_id"));
    QCOMPARE(usage, (QVariantList{QStringLiteral("Sign-up"), day.toString(Qt::ISODate), 2}));
}

void TestMixpanel::wrongCredentialsAreRefused()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-1)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Signed up"), QStringLiteral("ana"),
                                          on(today().addDays(-1), 8)));

    QList<StreamOutcome> outcomes = h.sync(username + ":not-the-secret");
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("refused the credentials")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Invalid credentials")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM usage_event_counts")), 0);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);

    // The right pair goes out as HTTP Basic, with the project id and text/plain.
    h.server().clearRequests();
    outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Ok);
    const FakeHttpServer::Request request = h.server().requests().first();
    QCOMPARE(request.header("authorization"), "Basic " + token.toBase64());
    QCOMPARE(request.query.queryItemValue(QStringLiteral("project_id")), projectId);
    QCOMPARE(request.header("accept"), QByteArray("text/plain"));
}

void TestMixpanel::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-2)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    for (int day = -2; day <= -1; ++day)
        mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Signed up"), QStringLiteral("ana"),
                                              on(today().addDays(day), 8)));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeMixpanel::error(QStringLiteral("/api/2.0/export"),
                            QStringLiteral("Query rate limit exceeded")),
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/api/2.0/export"), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(outcomes.first().records, 2);
    QCOMPARE(h.server().requestCount(QStringLiteral("/api/2.0/export")), 3);
}

void TestMixpanel::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-1)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeMixpanel::error(QStringLiteral("/api/2.0/export"),
                            QStringLiteral("Query rate limit exceeded")),
        429);
    limited.withHeader("Retry-After", "3600");
    h.server().queueFault(QStringLiteral("/api/2.0/export"), limited, 5);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    const qint64 resume = outcomes.first().resumeAt.toSecsSinceEpoch();
    QVERIFY(qAbs(resume - (QDateTime::currentSecsSinceEpoch() + 3600)) < 30);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
}

void TestMixpanel::errorBodyIsReported()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(h.start({{QStringLiteral("project_id"), QStringLiteral("999")},
                      {QStringLiteral("start_date"), today().addDays(-1).toString(Qt::ISODate)}}),
             qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("Project 999 not found or the service account has no access")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("403")),
             qPrintable(outcomes.first().error));
}

void TestMixpanel::damagedExportIsRejectedWithNothingWritten()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-2)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    mapFeature(h, QStringLiteral("Sign-up"), QStringLiteral("Signed up"));
    for (int day = -2; day <= -1; ++day)
        for (int n = 0; n < 4; ++n)
            mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Signed up"),
                                                  QStringLiteral("user-%1").arg(n),
                                                  on(today().addDays(day), 8, n)));
    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    const QByteArray countsBefore =
        TestWorkspace::tableDigest(h.database().connection(), QStringLiteral("usage_event_counts"));
    const QByteArray usageBefore =
        TestWorkspace::tableDigest(h.database().connection(), QStringLiteral("feature_usage"));

    // Yesterday's export now has valid events, then a line cut off in the middle.
    const QDate yesterday = today().addDays(-1);
    QByteArray body;
    for (int n = 0; n < 9; ++n)
        body += QJsonDocument(FakeMixpanel::event(QStringLiteral("Signed up"),
                                                  QStringLiteral("user-%1").arg(n),
                                                  on(yesterday, 9, n)))
                    .toJson(QJsonDocument::Compact) +
                '\n';
    body += R"({"event":"Signed up","properties":{"time":)";
    mixpanel.setRawDay(yesterday, body);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(yesterday.toString(Qt::ISODate)),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("line 10")),
             qPrintable(outcomes.first().error));
    QCOMPARE(
        TestWorkspace::tableDigest(h.database().connection(), QStringLiteral("usage_event_counts")),
        countsBefore);
    QCOMPARE(TestWorkspace::tableDigest(h.database().connection(), QStringLiteral("feature_usage")),
             usageBefore);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM users")), 4);
}

void TestMixpanel::truncatedDownloadIsRetriedThenRejected()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-1)), qPrintable(h.error()));
    FakeMixpanel mixpanel(h.server(), username, secret, projectId);
    for (int n = 0; n < 50; ++n)
        mixpanel.addEvent(FakeMixpanel::event(QStringLiteral("Signed up"),
                                              QStringLiteral("user-%1").arg(n),
                                              on(today().addDays(-1), 8, n)));
    // One cut-short download is retried and the export then read whole.
    h.server().queueFault(
        QStringLiteral("/api/2.0/export"),
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::TruncateBody), 1);
    QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 50);
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), 50);

    // When every attempt is cut short, the day is rejected and nothing of it changes.
    h.server().queueFault(
        QStringLiteral("/api/2.0/export"),
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::TruncateBody), 10);
    outcomes = h.sync(token, true);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("truncated")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), 50);
}

void TestMixpanel::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("mixpanel"));
    QVERIFY2(begin(h, today().addDays(-1)), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("project_id"), projectId).isEmpty());
    QVERIFY(validator.check(QStringLiteral("start_date"), QStringLiteral("2026-10-01")).isEmpty());
    const QString problem =
        validator.check(QStringLiteral("project_id"), QStringLiteral("My Project"));
    QVERIFY2(problem.contains(QStringLiteral("is not in the expected form")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("numeric id")), qPrintable(problem));
    const QString date =
        validator.check(QStringLiteral("start_date"), QStringLiteral("01/10/2026"));
    QVERIFY2(date.contains(QStringLiteral("YYYY-MM-DD")), qPrintable(date));

    QStringList problems;
    validator.parse({QStringLiteral("project_id=2195193")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("start_date")), qPrintable(problems.first()));
}

void TestMixpanel::periodsFollowTheCursorLagAndLookBack()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const EventsSpec days = registry.find(QStringLiteral("mixpanel"))->streams.first().events;
    const EventsSpec hours = registry.find(QStringLiteral("amplitude"))->streams.first().events;
    const QDateTime now(QDate(2026, 11, 28), QTime(10, 41), Qt::UTC);
    const auto at = [](int day, int hour) {
        return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC);
    };

    // First sync: from the start day to the end of yesterday (today is not over).
    EventExportRunner::Range range =
        EventExportRunner::periods(days, QStringLiteral("2026-11-20"), QString(), false, now);
    QCOMPARE(range.first, at(20, 0));
    QCOMPARE(range.end, at(28, 0));
    // Later: the day after the cursor, less the one day read again for late events.
    range = EventExportRunner::periods(days, QStringLiteral("2026-11-20"),
                                       QStringLiteral("2026-11-26T00:00:00.000Z"), false, now);
    QCOMPARE(range.first, at(26, 0));
    // --full ignores the cursor; a malformed start day gives no range.
    range = EventExportRunner::periods(days, QStringLiteral("2026-11-20"),
                                       QStringLiteral("2026-11-26T00:00:00.000Z"), true, now);
    QCOMPARE(range.first, at(20, 0));
    QVERIFY(!EventExportRunner::periods(days, QStringLiteral("20/11/2026"), QString(), false, now)
                 .first.isValid());

    // Hours: up to the last hour that ended two hours ago; from the hour after the cursor.
    range = EventExportRunner::periods(hours, QStringLiteral("2026-11-28"),
                                       QStringLiteral("2026-11-28T05:00:00.000Z"), false, now);
    QCOMPARE(range.first, at(28, 6));
    QCOMPARE(range.end, at(28, 8));
    QCOMPARE(EventExportRunner::periodLabel(hours, at(28, 6)), QStringLiteral("2026-11-28T06"));
    QCOMPARE(EventExportRunner::periodLabel(days, at(28, 6)), QStringLiteral("2026-11-28"));
}

QTEST_GUILESS_MAIN(TestMixpanel)
#include "tst_mixpanel.moc"
