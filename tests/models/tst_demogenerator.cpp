#include "canonicaltables.h"
#include "databasewriter.h"
#include "demo/democontext.h"
#include "demo/demogenerator.h"
#include "demo/demoproducer.h"
#include "testworkspace.h"
#include "workspaceinfo.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

class TestDemoGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fillsEveryCanonicalTable();
    void sameSeedGivesSameData();
    void otherSeedGivesOtherData();
    void dataIsInternallyConsistent();
    void adoptionRisesAfterRelease();
    void refusesAWorkspaceWithData();
    void reportsProgressUpToCompletion();
    void generatesTheSameDataThroughTheWriter();
    void restoresConnectionSettings();
    void failedLoadLeavesWorkspaceEmpty();
    void conflictingBulkRowRollsBackEverything();
    void timestampsMatchIsoDateFormat();
    void producerHandsOverEveryBatchInOrder();
    void producerPassesOnItsError();
    void producerStopsWhenTheWriterGivesUp();

private:
    static bool generate(Database &db, quint64 seed, QString *error = nullptr);
    static qint64 scalar(const QSqlDatabase &db, const QString &sql);

    TestWorkspace m_first;
    std::unique_ptr<Database> m_db;
};

namespace {
const QDate AsOf(2026, 11, 28);
}

bool TestDemoGenerator::generate(Database &db, quint64 seed, QString *error)
{
    DemoGenerator::Options options;
    options.scale = DemoGenerator::Scale::Small;
    options.seed = seed;
    options.today = AsOf;
    QString ignored;
    QSqlDatabase connection = db.connection();
    return DemoGenerator(options).generate(connection, error ? error : &ignored);
}

qint64 TestDemoGenerator::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestDemoGenerator::initTestCase()
{
    m_db = m_first.open();
    QVERIFY(m_db);
    QString error;
    QVERIFY2(generate(*m_db, 7, &error), qPrintable(error));
}

void TestDemoGenerator::fillsEveryCanonicalTable()
{
    const WorkspaceInfo info = WorkspaceInfo::collect(m_db->connection(), m_db->path(), 1);
    for (const auto &[table, count] : info.rowCounts)
        QVERIFY2(count > 0, qPrintable(table + QStringLiteral(" is empty")));
    QCOMPARE(info.rowCount(QStringLiteral("feature_usage")), 30000);
    QCOMPARE(info.rowCount(QStringLiteral("users")), 400);
    QCOMPARE(info.rowCount(QStringLiteral("feedback")), 600);
    QCOMPARE(info.rowCount(QStringLiteral("launch_plans")), 2);
}

void TestDemoGenerator::sameSeedGivesSameData()
{
    TestWorkspace second;
    const auto other = second.open();
    QVERIFY(other);
    QVERIFY(generate(*other, 7));
    for (const QString &table : CanonicalTables::all()) {
        QCOMPARE(TestWorkspace::tableDigest(other->connection(), table),
                 TestWorkspace::tableDigest(m_db->connection(), table));
    }
}

void TestDemoGenerator::otherSeedGivesOtherData()
{
    TestWorkspace second;
    const auto other = second.open();
    QVERIFY(other);
    QVERIFY(generate(*other, 8));
    for (const QString &table : {QStringLiteral("feature_usage"), QStringLiteral("feedback"),
                                 QStringLiteral("companies")}) {
        QVERIFY(TestWorkspace::tableDigest(other->connection(), table) !=
                TestWorkspace::tableDigest(m_db->connection(), table));
    }
}

void TestDemoGenerator::dataIsInternallyConsistent()
{
    const QSqlDatabase db = m_db->connection();
    const IntegrityReport report = IntegrityReport::run(db);
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char('\n'))));
    // Nobody uses a feature before it ships, or after the reference day.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM feature_usage u JOIN features f "
                                       "ON f.id = u.feature_id WHERE f.release_date IS NULL "
                                       "OR u.day < f.release_date OR u.day > '2026-11-28'")),
             0);
    // Work is resolved after it starts, and starts after it is created.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM work_items WHERE started_at < "
                                       "created_at OR resolved_at < started_at")),
             0);
    // Feedback linked to a feature and from a known company is the majority, not all.
    const qint64 linked =
        scalar(db, QStringLiteral("SELECT count(*) FROM feedback WHERE feature_id IS NOT NULL"));
    QVERIFY(linked > 300 && linked < 600);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM feedback WHERE company_id IS NULL")),
             0);
    // Scores stay on their scales.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM feedback WHERE (score_kind = 'nps' AND "
                                  "score NOT BETWEEN 0 AND 10) OR (score_kind = 'csat' AND "
                                  "score NOT BETWEEN 1 AND 5)")),
        0);
    // Every opportunity belongs to a company, in a known currency.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sales_opportunities WHERE company_id "
                                       "IS NULL OR currency NOT IN ('USD', 'EUR', 'GBP')")),
             0);
    // Both launch plans have the three phases and a launch-day milestone.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM launch_phases WHERE kind = 'phase'")),
             6);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM launch_milestones WHERE name = "
                                       "'Launch day' AND critical = 1")),
             2);
    // Campaigns tie to the launches by product name.
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM campaigns c JOIN launch_plans p "
                                      "ON p.product = c.product_launch")) >= 6);
    // Features ship in releases.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM features f WHERE release_date IS NOT "
                                       "NULL AND NOT EXISTS (SELECT 1 FROM feature_releases r "
                                       "WHERE r.feature_id = f.id)")),
             0);
}

void TestDemoGenerator::adoptionRisesAfterRelease()
{
    // For a feature released within the last year, more users are active in its latest
    // four weeks than in its first four weeks.
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT id, release_date FROM features WHERE release_date BETWEEN '2025-12-15' AND "
        "'2026-09-01' ORDER BY release_date")));
    int checked = 0;
    while (query.next()) {
        const qint64 feature = query.value(0).toLongLong();
        const QDate release = QDate::fromString(query.value(1).toString(), Qt::ISODate);
        const auto activeUsers = [&](const QDate &from, const QDate &to) {
            return scalar(m_db->connection(),
                          QStringLiteral("SELECT count(DISTINCT user_id) FROM feature_usage WHERE "
                                         "feature_id = %1 AND day BETWEEN '%2' AND '%3'")
                              .arg(feature)
                              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
        };
        const qint64 early = activeUsers(release, release.addDays(27));
        const qint64 late = activeUsers(AsOf.addDays(-28), AsOf.addDays(-1));
        QVERIFY2(
            late > early,
            qPrintable(
                QStringLiteral("feature %1: %2 early, %3 late").arg(feature).arg(early).arg(late)));
        ++checked;
    }
    QVERIFY(checked >= 3);
}

void TestDemoGenerator::refusesAWorkspaceWithData()
{
    const QByteArray before =
        TestWorkspace::tableDigest(m_db->connection(), QStringLiteral("features"));
    QString error;
    QVERIFY(!generate(*m_db, 9, &error));
    QVERIFY2(error.contains(QStringLiteral("already holds data")), qPrintable(error));
    QCOMPARE(TestWorkspace::tableDigest(m_db->connection(), QStringLiteral("features")), before);
}

void TestDemoGenerator::reportsProgressUpToCompletion()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    DemoGenerator::Options options;
    options.today = AsOf;
    QList<int> percents;
    QStringList steps;
    QString error;
    QSqlDatabase connection = db->connection();
    QVERIFY(
        DemoGenerator(options).generate(connection, &error, [&](const QString &step, int percent) {
            percents.append(percent);
            if (!steps.contains(step))
                steps.append(step);
        }));
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.last(), 100);
    QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
    QVERIFY(steps.size() >= 10);
}

void TestDemoGenerator::generatesTheSameDataThroughTheWriter()
{
    // As the application does it: on the writer's thread, while the main thread's connection
    // stays open (so the load runs in the write-ahead log).
    TestWorkspace second;
    const auto other = second.open();
    QVERIFY(other);
    DemoGenerator::Options options;
    options.seed = 7;
    options.today = AsOf;
    const WriteResult result = other->writer()->run(
        [&](QSqlDatabase &connection, QString *error) {
            return DemoGenerator(options).generate(connection, error);
        },
        DatabaseWriter::Transaction::None);
    QVERIFY2(result.ok, qPrintable(result.error));
    for (const QString &table : CanonicalTables::all()) {
        QCOMPARE(TestWorkspace::tableDigest(other->connection(), table),
                 TestWorkspace::tableDigest(m_db->connection(), table));
    }
}

void TestDemoGenerator::restoresConnectionSettings()
{
    TestWorkspace fresh;
    const auto reference = fresh.open();
    QVERIFY(reference);
    for (const char *pragma :
         {"journal_mode", "synchronous", "cache_size", "foreign_keys", "temp_store", "threads"}) {
        const QString sql = QStringLiteral("PRAGMA ") + QLatin1String(pragma);
        QSqlQuery generated(m_db->connection());
        QSqlQuery untouched(reference->connection());
        QVERIFY(generated.exec(sql) && generated.next());
        QVERIFY(untouched.exec(sql) && untouched.next());
        QCOMPARE(generated.value(0).toString(), untouched.value(0).toString());
    }
}

void TestDemoGenerator::failedLoadLeavesWorkspaceEmpty()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    QSqlDatabase connection = db->connection();
    // A step after the bulk tables fails, once usage and feedback are written.
    QSqlQuery setup(connection);
    QVERIFY(setup.exec(QStringLiteral("CREATE TRIGGER fail_demo BEFORE INSERT ON campaigns "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
    const auto schema = [&connection] {
        QSqlQuery query(connection);
        query.exec(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                                  "ORDER BY name)"));
        return query.next() ? query.value(0).toString() : QString();
    };
    const QString before = schema();

    QString error;
    QVERIFY(!generate(*db, 7, &error));
    QVERIFY2(error.contains(QStringLiteral("injected failure")), qPrintable(error));
    for (const QString &table : CanonicalTables::all())
        QCOMPARE(scalar(connection, QStringLiteral("SELECT count(*) FROM ") + table), 0);
    QCOMPARE(schema(), before);
    QCOMPARE(scalar(connection, QStringLiteral("PRAGMA foreign_keys")), 1);
}

void TestDemoGenerator::conflictingBulkRowRollsBackEverything()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    QSqlDatabase connection = db->connection();
    // UserVoice suggestions (the fifth source) are numbered from 400000: taking those
    // numbers makes the bulk feedback insert fail part-way.
    QSqlQuery setup(connection);
    QVERIFY(setup.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    QVERIFY2(setup.exec(QStringLiteral(
                 "WITH RECURSIVE n(i) AS (SELECT 400000 UNION ALL SELECT i + 1 FROM n "
                 "WHERE i < 400599) INSERT INTO feedback (source_id, external_id) "
                 "SELECT 5, i FROM n")),
             qPrintable(setup.lastError().text()));
    QVERIFY(setup.exec(QStringLiteral("PRAGMA foreign_keys = ON")));

    QString error;
    QVERIFY(!generate(*db, 7, &error));
    QVERIFY2(error.contains(QStringLiteral("UNIQUE")), qPrintable(error));
    QCOMPARE(scalar(connection, QStringLiteral("SELECT count(*) FROM feedback")), 600);
    for (const QString &table : {QStringLiteral("sources"), QStringLiteral("users"),
                                 QStringLiteral("feature_usage"), QStringLiteral("features")})
        QCOMPARE(scalar(connection, QStringLiteral("SELECT count(*) FROM ") + table), 0);
    QCOMPARE(scalar(connection, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                               "('feedback_status', 'feedback_fts_insert', "
                                               "'feature_usage_user')")),
             3);
}

void TestDemoGenerator::timestampsMatchIsoDateFormat()
{
    QSqlDatabase none;
    const DemoContext context(none, 1, AsOf, {});
    for (const QDate &date : {QDate(2026, 1, 1), QDate(2025, 12, 31), QDate(999, 3, 4)}) {
        for (int seconds : {0, 1, 59, 3600, 43199, 86399, 86400, 90061, -1}) {
            QCOMPARE(context.timestamp(date, seconds),
                     QDateTime(date, QTime(0, 0).addSecs(seconds), Qt::UTC).toString(Qt::ISODate));
        }
    }
}

void TestDemoGenerator::producerHandsOverEveryBatchInOrder()
{
    DemoProducer<int> producer(2, [](const DemoProducer<int>::Sink &sink) {
        for (int i = 0; i < 1000; ++i)
            sink(int(i));
    });
    int expected = 0;
    while (const std::optional<int> batch = producer.next())
        QCOMPARE(*batch, expected++);
    QCOMPARE(expected, 1000);
}

void TestDemoGenerator::producerPassesOnItsError()
{
    DemoProducer<int> producer(4, [](const DemoProducer<int>::Sink &sink) {
        sink(1);
        sink(2);
        throw DemoError(QStringLiteral("generation failed"));
    });
    QCOMPARE(producer.next(), std::optional<int>(1));
    QCOMPARE(producer.next(), std::optional<int>(2));
    try {
        producer.next();
        QFAIL("the error was not passed on");
    } catch (const DemoError &e) {
        QCOMPARE(QString::fromStdString(e.what()), QStringLiteral("generation failed"));
    }
}

void TestDemoGenerator::producerStopsWhenTheWriterGivesUp()
{
    std::atomic<int> produced = 0;
    {
        DemoProducer<int> producer(2, [&produced](const DemoProducer<int>::Sink &sink) {
            for (;;) {
                sink(0);
                ++produced;
            }
        });
        QVERIFY(producer.next());
    } // must not wait forever on the endless producer
    QVERIFY(produced < 10);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
