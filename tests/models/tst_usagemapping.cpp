#include "databasewriter.h"
#include "testworkspace.h"
#include "usage/eventmapping.h"
#include "usage/usageperiod.h"
#include "usage/usagerollup.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The event-to-feature mapping and the roll-up of stored event counts into feature_usage.
class TestUsageMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void periodCountsEventsPerUserEventAndDay();
    void rollupFollowsExactAndPatternEntries();
    void resyncOfAPeriodReplacesItsCounts();
    void mappingChangeRerollsWithoutTouchingOtherUsage();
    void eventMatchedTwiceCountsOnceForAFeature();
    void unmappedNamesAreListedWithCounts();
    void invalidEntriesAreRejectedClearly();
    void featureIsFoundByIdOrExactName();
    void failedWriteLeavesCountsAsBefore();

private:
    qint64 scalar(const QString &sql) const;
    qint64 addFeature(const QString &name);
    void store(const UsagePeriod &period);
    qint64 map(const QString &text, qint64 feature);
    qint64 usage(qint64 feature, const QString &day, const QString &user) const;

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    qint64 m_source = 0;
};

void TestUsageMapping::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                      "('mixpanel', 'events', '2026-11-01T00:00:00Z')")));
    m_source = query.lastInsertId().toLongLong();
}

void TestUsageMapping::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

qint64 TestUsageMapping::scalar(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 TestUsageMapping::addFeature(const QString &name)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO features (name) VALUES (?)"));
    query.addBindValue(name);
    if (!query.exec())
        return 0;
    return query.lastInsertId().toLongLong();
}

void TestUsageMapping::store(const UsagePeriod &period)
{
    const qint64 source = m_source;
    const WriteResult result = m_db->writer()->run([&](QSqlDatabase &db, QString *error) {
        return UsageRollup::replacePeriod(db, source, period, error);
    });
    QVERIFY2(result.ok, qPrintable(result.error));
}

qint64 TestUsageMapping::map(const QString &text, qint64 feature)
{
    qint64 id = 0;
    const WriteResult result = m_db->writer()->run([&](QSqlDatabase &db, QString *error) {
        return EventMapping::add(db, text, feature, &id, error);
    });
    if (!result.ok)
        qWarning() << result.error;
    return id;
}

qint64 TestUsageMapping::usage(qint64 feature, const QString &day, const QString &user) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT f.usage_count FROM feature_usage f JOIN users u ON "
                                 "u.id = f.user_id WHERE f.feature_id = ? AND f.day = ? AND "
                                 "u.external_id = ?"));
    query.addBindValue(feature);
    query.addBindValue(day);
    query.addBindValue(user);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

namespace {

QDateTime at(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace

void TestUsageMapping::periodCountsEventsPerUserEventAndDay()
{
    UsagePeriod period(QStringLiteral("2026-11-03T23"));
    QVERIFY(period.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T23:10:00Z"))));
    QVERIFY(period.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T23:20:00Z"))));
    QVERIFY(period.add("u1", "Report Exported", at(QStringLiteral("2026-11-04T00:05:00Z"))));
    QVERIFY(period.add("u2", "Signed Up", at(QStringLiteral("2026-11-03T22:59:59Z"))));
    QCOMPARE(period.events(), 4);
    QCOMPARE(period.users().size(), 2);
    QCOMPARE(period.users().at(0).firstSeen, at(QStringLiteral("2026-11-03T23:10:00Z")));
    QCOMPARE(period.days(),
             (QList<QString>{QStringLiteral("2026-11-03"), QStringLiteral("2026-11-04")}));
    QMap<QString, qint64> seen;
    for (const UsagePeriod::Count &count : period.counts())
        seen.insert(period.users().at(count.user).externalId + QLatin1Char('|') +
                        period.eventNames().at(count.event) + QLatin1Char('|') +
                        period.days().at(count.day),
                    count.count);
    const QMap<QString, qint64> expected{{QStringLiteral("u1|Report Exported|2026-11-03"), 2},
                                         {QStringLiteral("u1|Report Exported|2026-11-04"), 1},
                                         {QStringLiteral("u2|Signed Up|2026-11-03"), 1}};
    QCOMPARE(seen, expected);
}

void TestUsageMapping::rollupFollowsExactAndPatternEntries()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    const qint64 signup = addFeature(QStringLiteral("Sign-up"));
    QVERIFY(map(QStringLiteral("Report *"), reports) > 0);
    QVERIFY(map(QStringLiteral("Signed Up"), signup) > 0);

    UsagePeriod day(QStringLiteral("2026-11-03"));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u1", "Report Viewed", at(QStringLiteral("2026-11-03T11:00:00Z")));
    day.add("u1", "Report Viewed", at(QStringLiteral("2026-11-03T12:00:00Z")));
    day.add("u2", "Signed Up", at(QStringLiteral("2026-11-03T09:00:00Z")));
    day.add("u2", "signed up", at(QStringLiteral("2026-11-03T09:00:00Z"))); // other case
    day.add("u2", "Page Viewed", at(QStringLiteral("2026-11-03T09:30:00Z")));
    store(day);

    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 3);
    QCOMPARE(usage(signup, QStringLiteral("2026-11-03"), QStringLiteral("u2")), 1);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u2")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage")), 2);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM users WHERE source_id = %1").arg(m_source)), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT sum(event_count) FROM usage_event_counts")), 6);
}

void TestUsageMapping::resyncOfAPeriodReplacesItsCounts()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    map(QStringLiteral("Report Exported"), reports);
    UsagePeriod first(QStringLiteral("2026-11-03"));
    for (int i = 0; i < 5; ++i)
        first.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    store(first);
    store(first); // the same day again: not counted twice
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 5);

    UsagePeriod later(QStringLiteral("2026-11-03")); // late events arrived meanwhile
    for (int i = 0; i < 7; ++i)
        later.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    store(later);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 7);

    store(UsagePeriod(QStringLiteral("2026-11-03"))); // the service now has nothing
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM usage_rollup")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users")), 1); // users stay
}

void TestUsageMapping::mappingChangeRerollsWithoutTouchingOtherUsage()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    UsagePeriod day(QStringLiteral("2026-11-03"));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:01:00Z")));
    UsagePeriod other(QStringLiteral("2026-11-04"));
    other.add("u1", "Page Viewed", at(QStringLiteral("2026-11-04T10:00:00Z")));
    store(day);
    store(other);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM feature_usage")), 0);

    // Usage from elsewhere on the same feature, day and user, and on another day.
    const qint64 u1 = scalar(QStringLiteral("SELECT id FROM users WHERE external_id = 'u1'"));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO feature_usage VALUES (%1, '2026-11-03', %2, "
                                      "10), (%1, '2026-11-05', %2, 4)")
                           .arg(reports)
                           .arg(u1)));

    const qint64 entry = map(QStringLiteral("Report Exported"), reports);
    QVERIFY(entry > 0);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 12);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-05"), QStringLiteral("u1")), 4);

    const WriteResult removed = m_db->writer()->run(
        [&](QSqlDatabase &db, QString *error) { return EventMapping::remove(db, entry, error); });
    QVERIFY2(removed.ok, qPrintable(removed.error));
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 10);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-05"), QStringLiteral("u1")), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM usage_rollup")), 0);

    // A pattern picks up the other day's event as well.
    QVERIFY(map(QStringLiteral("*e*"), reports) > 0);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 12);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-04"), QStringLiteral("u1")), 1);
}

void TestUsageMapping::eventMatchedTwiceCountsOnceForAFeature()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    const qint64 exports = addFeature(QStringLiteral("Exports"));
    map(QStringLiteral("Report Exported"), reports);
    map(QStringLiteral("Report *"), reports);
    map(QStringLiteral("*Exported"), exports);
    UsagePeriod day(QStringLiteral("2026-11-03"));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    store(day);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 2);
    QCOMPARE(usage(exports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 2);
}

void TestUsageMapping::unmappedNamesAreListedWithCounts()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    map(QStringLiteral("Report ?iewed"), reports);
    UsagePeriod day(QStringLiteral("2026-11-03"));
    day.add("u1", "Report Viewed", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u1", "Page Viewed", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u2", "Page Viewed", at(QStringLiteral("2026-11-03T10:00:00Z")));
    day.add("u2", "Page Viewed", at(QStringLiteral("2026-11-03T11:00:00Z")));
    day.add("u2", "Logged Out", at(QStringLiteral("2026-11-03T12:00:00Z")));
    store(day);
    QString error;
    const QList<EventMapping::Unmapped> unmapped =
        EventMapping::unmapped(m_db->connection(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(unmapped.size(), 2);
    QCOMPARE(unmapped.at(0).eventName, QStringLiteral("Page Viewed"));
    QCOMPARE(unmapped.at(0).events, 3);
    QCOMPARE(unmapped.at(0).users, 2);
    QCOMPARE(unmapped.at(0).lastDay, QStringLiteral("2026-11-03"));
    QCOMPARE(unmapped.at(1).eventName, QStringLiteral("Logged Out"));
    QCOMPARE(unmapped.at(1).events, 1);

    const QList<EventMapping::Entry> entries = EventMapping::entries(m_db->connection(), &error);
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.at(0).isPattern);
    QCOMPARE(entries.at(0).featureName, QStringLiteral("Reports"));
}

void TestUsageMapping::invalidEntriesAreRejectedClearly()
{
    QVERIFY(EventMapping::validate(QString()).contains(QStringLiteral("empty")));
    QVERIFY(EventMapping::validate(QStringLiteral(" Signed Up")).contains(QStringLiteral("space")));
    QVERIFY(EventMapping::validate(QStringLiteral("Report [A]*")).contains(QStringLiteral("[")));
    QVERIFY(EventMapping::validate(QString(300, QLatin1Char('x'))).contains(QStringLiteral("255")));
    QVERIFY(EventMapping::validate(QStringLiteral("Report [A]")).isEmpty()); // exact name
    QVERIFY(EventMapping::validate(QStringLiteral("Report *")).isEmpty());

    const qint64 reports = addFeature(QStringLiteral("Reports"));
    QVERIFY(map(QStringLiteral("Signed Up"), reports) > 0);
    QCOMPARE(map(QStringLiteral("Signed Up"), reports), 0); // already there
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM usage_event_mappings")), 1);
    const WriteResult removed = m_db->writer()->run(
        [&](QSqlDatabase &db, QString *error) { return EventMapping::remove(db, 999, error); });
    QVERIFY(!removed.ok);
    QVERIFY2(removed.error.contains(QStringLiteral("999")), qPrintable(removed.error));
}

void TestUsageMapping::featureIsFoundByIdOrExactName()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    addFeature(QStringLiteral("Twice"));
    addFeature(QStringLiteral("Twice"));
    QString error;
    QCOMPARE(EventMapping::findFeature(m_db->connection(), QString::number(reports), &error),
             reports);
    QCOMPARE(EventMapping::findFeature(m_db->connection(), QStringLiteral("Reports"), &error),
             reports);
    QCOMPARE(EventMapping::findFeature(m_db->connection(), QStringLiteral("reports"), &error), 0);
    QVERIFY2(error.contains(QStringLiteral("\"reports\"")), qPrintable(error));
    error.clear();
    QCOMPARE(EventMapping::findFeature(m_db->connection(), QStringLiteral("Twice"), &error), 0);
    QVERIFY2(error.contains(QStringLiteral("Several")), qPrintable(error));
    error.clear();
    QCOMPARE(EventMapping::findFeature(m_db->connection(), QStringLiteral("4242"), &error), 0);
    QVERIFY2(error.contains(QStringLiteral("4242")), qPrintable(error));
}

void TestUsageMapping::failedWriteLeavesCountsAsBefore()
{
    const qint64 reports = addFeature(QStringLiteral("Reports"));
    map(QStringLiteral("Report Exported"), reports);
    UsagePeriod day(QStringLiteral("2026-11-03"));
    day.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    store(day);
    const QByteArray before =
        TestWorkspace::tableDigest(m_db->connection(), QStringLiteral("usage_event_counts"));

    UsagePeriod replacement(QStringLiteral("2026-11-03"));
    for (int i = 0; i < 3; ++i)
        replacement.add("u1", "Report Exported", at(QStringLiteral("2026-11-03T10:00:00Z")));
    const qint64 source = m_source;
    const WriteResult result = m_db->writer()->run([&](QSqlDatabase &db, QString *error) {
        if (!UsageRollup::replacePeriod(db, source, replacement, error))
            return false;
        *error = QStringLiteral("the period's cursor could not be saved");
        return false; // as a later step of the same job failing would
    });
    QVERIFY(!result.ok);
    QCOMPARE(TestWorkspace::tableDigest(m_db->connection(), QStringLiteral("usage_event_counts")),
             before);
    QCOMPARE(usage(reports, QStringLiteral("2026-11-03"), QStringLiteral("u1")), 1);
}

QTEST_GUILESS_MAIN(TestUsageMapping)
#include "tst_usagemapping.moc"
