#include "connectorharness.h"
#include "databasewriter.h"
#include "fakeamplitude.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "usage/eventmapping.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray apiKey = "0c9f5e3b7a2d4e6f8a1b3c5d7e9f0a2b";
const QByteArray secretKey = "f1e2d3c4b5a697887766554433221100";
const QByteArray token = apiKey + ':' + secretKey;

QDateTime hourOf(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
}

// The newest hour the connector exports: Amplitude's data is complete two hours after it.
QDateTime lastCompleteHour()
{
    return hourOf(QDateTime::currentDateTimeUtc().addSecs(-2 * 3600)).addSecs(-3600);
}

QDate yesterday()
{
    return QDateTime::currentDateTimeUtc().date().addDays(-1);
}

QString hourText(const QDateTime &hour)
{
    return hour.toString(QStringLiteral("yyyyMMdd'T'HH"));
}

} // namespace

// The Amplitude connector against a fake Export API answering with Amplitude's ZIP of gzipped
// JSON lines per hour, its 404 for empty ranges, Basic auth and faults.
class TestAmplitude : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryCompleteHour();
    void secondRunAsksOnlyForNewHours();
    void mapsACompleteEvent();
    void wrongKeysAreRefused();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void errorBodyIsReported();
    void damagedArchiveIsRejectedWithNothingWritten();
    void rejectsMalformedSettings();

private:
    bool begin(ConnectorHarness &h);
    qint64 mapFeature(ConnectorHarness &h, const QString &name, const QString &pattern);
};

bool TestAmplitude::begin(ConnectorHarness &h)
{
    return h.start({{QStringLiteral("start_date"), yesterday().toString(Qt::ISODate)}});
}

qint64 TestAmplitude::mapFeature(ConnectorHarness &h, const QString &name, const QString &pattern)
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

void TestAmplitude::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("amplitude.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("amplitude"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Basic);
    QVERIFY(manifest->streams.first().events.isSet);
    QCOMPARE(manifest->streams.first().events.period, EventsSpec::Period::Hour);
    QCOMPARE(manifest->streams.first().events.container, EventsSpec::Container::ZipOfGzipLines);
}

void TestAmplitude::syncsEveryCompleteHour()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const qint64 reports = mapFeature(h, QStringLiteral("Reports"), QStringLiteral("report_*"));
    const QDateTime last = lastCompleteHour();
    // Five users in two hours (several files each), and an hour too recent to export.
    for (int user = 0; user < 5; ++user) {
        const QString id = QStringLiteral("user-%1").arg(user);
        amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"), id,
                                                last.addSecs(-2 * 3600 + user),
                                                last.addSecs(-2 * 3600 + 600)),
                           last.addSecs(-2 * 3600 + 600));
        amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"), id,
                                                last.addSecs(user), last.addSecs(900)),
                           last.addSecs(900));
        amplitude.addEvent(FakeAmplitude::event(QStringLiteral("page_viewed"), id,
                                                last.addSecs(user), last.addSecs(900)),
                           last.addSecs(900));
        amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"), id,
                                                last.addSecs(3600), last.addSecs(3700)),
                           last.addSecs(3700));
    }
    // An anonymous event (no user_id) is counted for nobody.
    amplitude.addEvent(
        FakeAmplitude::event(QStringLiteral("report_exported"), QString(), last, last.addSecs(60)),
        last.addSecs(60));

    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    const QDateTime first(yesterday(), QTime(0, 0), Qt::UTC);
    const int hours = int(first.secsTo(last) / 3600) + 1;
    QCOMPARE(outcomes.first().pages, hours);
    QCOMPARE(outcomes.first().records, 15);
    const QList<QPair<QString, QString>> ranges = amplitude.ranges();
    QCOMPARE(ranges.size(), hours);
    QCOMPARE(ranges.first(), qMakePair(hourText(first), hourText(first)));
    QCOMPARE(ranges.last(), qMakePair(hourText(last), hourText(last)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM users")), 5);
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage WHERE "
                                     "feature_id = %1")
                          .arg(reports)),
             10);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(DISTINCT period) FROM usage_event_counts")), 2);
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'events'"))
                 .value(0)
                 .toString(),
             last.toString(Qt::ISODateWithMs));
}

void TestAmplitude::secondRunAsksOnlyForNewHours()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    mapFeature(h, QStringLiteral("Reports"), QStringLiteral("report_exported"));
    const QDateTime last = lastCompleteHour();
    amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"),
                                            QStringLiteral("ana"), last.addSecs(-3600),
                                            last.addSecs(-3000)),
                       last.addSecs(-3000));
    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage")), 1);

    // As if three hours had passed since: the cursor stands three hours earlier.
    const WriteResult moved = h.database().writer()->run([&](QSqlDatabase &db, QString *) {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("UPDATE sync_state SET cursor = '%1'")
                              .arg(last.addSecs(-3 * 3600).toString(Qt::ISODateWithMs)));
    });
    QVERIFY(moved.ok);
    amplitude.clearLog();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    // Only the hours after the cursor, each once; the hour with the event was read again and
    // replaced its counts rather than adding to them; the cursor is back where it was.
    QCOMPARE(amplitude.ranges(),
             (QList<QPair<QString, QString>>{
                 {hourText(last.addSecs(-2 * 3600)), hourText(last.addSecs(-2 * 3600))},
                 {hourText(last.addSecs(-3600)), hourText(last.addSecs(-3600))},
                 {hourText(last), hourText(last)}}));
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(usage_count) FROM feature_usage")), 1);
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state")).value(0).toString(),
             last.toString(Qt::ISODateWithMs));
}

void TestAmplitude::mapsACompleteEvent()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const qint64 reports =
        mapFeature(h, QStringLiteral("Reports"), QStringLiteral("report_exported"));
    const QDateTime last = lastCompleteHour();
    // Uploaded in the last complete hour, happened the day before (a device that was offline):
    // the use counts on the day it happened.
    const QDateTime happened = last.addDays(-1).addSecs(65).addMSecs(123);
    const QJsonObject event =
        FakeAmplitude::event(QStringLiteral("report_exported"), QStringLiteral("ana@example.com"),
                             happened, last.addSecs(30));
    QCOMPARE(event.value(QStringLiteral("event_time")).toString(),
             happened.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("456"));
    amplitude.addEvent(event, last.addSecs(30));
    amplitude.addEvent(event, last.addSecs(30)); // the same $insert_id: counted once

    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    const QVariantList count =
        h.row(QStringLiteral("SELECT c.period, c.day, c.event_name, u.external_id, c.event_count, "
                             "u.first_seen_at FROM usage_event_counts c JOIN users u ON "
                             "u.id = c.user_id"));
    QCOMPARE(count.value(0).toString(), last.toString(QStringLiteral("yyyy-MM-dd'T'HH")));
    QCOMPARE(count.value(1).toString(), happened.date().toString(Qt::ISODate));
    QCOMPARE(count.value(2).toString(), QStringLiteral("report_exported"));
    QCOMPARE(count.value(3).toString(), QStringLiteral("ana@example.com"));
    QCOMPARE(count.value(4).toLongLong(), 1);
    QCOMPARE(count.value(5).toString(), happened.toString(Qt::ISODateWithMs));
    QCOMPARE(h.row(QStringLiteral("SELECT feature_id, day, usage_count FROM feature_usage")),
             (QVariantList{reports, happened.date().toString(Qt::ISODate), 1}));
}

void TestAmplitude::wrongKeysAreRefused()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const QList<StreamOutcome> outcomes = h.sync(apiKey + ":wrong-secret");
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("refused the credentials")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Invalid API key")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requests().first().header("authorization"),
             "Basic " + QByteArray(apiKey + ":wrong-secret").toBase64());
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
}

void TestAmplitude::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const QDateTime last = lastCompleteHour();
    amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"),
                                            QStringLiteral("ana"), last, last.addSecs(5)),
                       last.addSecs(5));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"error":"Too many requests: exceeded the limit of 5 concurrent requests"})", 429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/api/2/export"), limited, 1);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(outcomes.first().records, 1);
}

void TestAmplitude::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    FakeHttpServer::Response limited =
        FakeHttpServer::Response::json(R"({"error":"Too many requests"})", 429);
    limited.withHeader("Retry-After", "900");
    h.server().queueFault(QStringLiteral("/api/2/export"), limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() -
                 (QDateTime::currentSecsSinceEpoch() + 900)) < 30);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
}

void TestAmplitude::errorBodyIsReported()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const FakeHttpServer::Response tooLarge = FakeHttpServer::Response::json(
        R"({"error":"Raw data files in the range exceed the size limit of 4GB."})", 400);
    h.server().queueFault(QStringLiteral("/api/2/export"), tooLarge, 1);
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("exceed the size limit of 4GB")),
             qPrintable(outcomes.first().error));
}

void TestAmplitude::damagedArchiveIsRejectedWithNothingWritten()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAmplitude amplitude(h.server(), apiKey, secretKey);
    const QDateTime last = lastCompleteHour();
    const QDateTime early = last.addSecs(-3600);
    amplitude.addEvent(FakeAmplitude::event(QStringLiteral("report_exported"),
                                            QStringLiteral("ana"), early, early.addSecs(5)),
                       early.addSecs(5));
    // The last hour: a good file, then a gzip stream cut off in the middle.
    QByteArray lines;
    for (int n = 0; n < 200; ++n)
        lines += QJsonDocument(FakeAmplitude::event(QStringLiteral("report_exported"),
                                                    QStringLiteral("user-%1").arg(n), last,
                                                    last.addSecs(5)))
                     .toJson(QJsonDocument::Compact) +
                 '\n';
    const QByteArray good = FakeAmplitude::gzip(lines);
    amplitude.setRawHour(last, FakeAmplitude::zip({{QStringLiteral("187520/a#0.json.gz"), good},
                                                   {QStringLiteral("187520/a#1.json.gz"),
                                                    good.left(good.size() / 2)}}));
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("187520/a#1.json.gz")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("nothing of it was stored")),
             qPrintable(outcomes.first().error));
    // The hours before it are stored and the cursor stops before the damaged one.
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), 1);
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state")).value(0).toString(),
             early.toString(Qt::ISODateWithMs));

    // An archive that is not one at all.
    amplitude.setRawHour(last, QByteArray("PK\x03\x04 this is not a whole archive"));
    const QList<StreamOutcome> again = h.sync(token);
    QCOMPARE(again.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(again.first().error.contains(QStringLiteral("ZIP")), qPrintable(again.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), 1);
}

void TestAmplitude::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("amplitude"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("start_date"), QStringLiteral("2026-10-01")).isEmpty());
    const QString problem =
        validator.check(QStringLiteral("start_date"), QStringLiteral("20261001T00"));
    QVERIFY2(problem.contains(QStringLiteral("is not in the expected form")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("YYYY-MM-DD")), qPrintable(problem));
    QStringList problems;
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("start_date")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestAmplitude)
#include "tst_amplitude.moc"
