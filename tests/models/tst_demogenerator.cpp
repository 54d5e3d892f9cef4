#include "canonicaltables.h"
#include "demo/demogenerator.h"
#include "testworkspace.h"
#include "workspaceinfo.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
