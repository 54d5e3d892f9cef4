#include "demo/demogenerator.h"
#include "metrics/reports.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <limits>

// Each report on a small hand-made workspace whose answers are worked out by hand, with the
// cases that break naive SQL: a company with several users and several deals, a user active
// many times on one day, a feature without usage, deals in two currencies, a feature
// released before the window.
class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void adoptionCountsUsersAndDistinctDays();
    void roiCountsEachDealOnceAndKeepsCurrenciesApart();
    void roiConvertsWithTheWorkspacesRates();
    void adoptionCurveFindsTheDayOfTenPercent();
    void satisfactionComputesNpsAndCsat();
    void velocityTakesMediansAndPercentiles();
    void validationGathersEvidencePerFeature();
    void mergedFeaturesCountOnce();
    void drillDownShowsTheRowsBehindAFigure();
    void roiOnTheDemoEqualsAnIndependentComputation();
    void formatsQuoteAndNeutraliseCsv();
    void windowsAreParsedWithClearErrors();

private:
    void exec(const QString &sql);
    static int rowOf(const ReportTable &table, const QString &key, const QVariant &value);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    const ReportWindow m_march{QDate(2026, 3, 1), QDate(2026, 3, 31)};
    const QDate m_today{2026, 4, 15};
};

void TestMetrics::exec(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QStringLiteral(": ") + sql));
}

int TestMetrics::rowOf(const ReportTable &table, const QString &key, const QVariant &value)
{
    for (int r = 0; r < table.rows.size(); ++r) {
        if (table.value(r, key) == value)
            return r;
    }
    return -1;
}

void TestMetrics::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES (1, 'jira', "
                        "'Jira', '2026-01-01'), (2, 'productboard', 'Board', '2026-01-01')"));
    exec(QStringLiteral("INSERT INTO companies (id, name, domain) VALUES (1, 'Acme', 'acme.com'), "
                        "(2, 'Globex', 'globex.io')"));
    exec(QStringLiteral("INSERT INTO users (id, source_id, external_id, company_id, name) VALUES "
                        "(1, 1, 'u1', 1, 'Ana'), (2, 1, 'u2', 1, 'Ben'), (3, 1, 'u3', 2, 'Cy'), "
                        "(4, 1, 'u4', NULL, 'Di'), (5, 1, 'u5', 2, 'Ed')"));
    // F1 released in March, F2 before it, F3 in March without any usage.
    exec(QStringLiteral(
        "INSERT INTO features (id, source_id, external_id, name, release_date) VALUES "
        "(1, 1, 'F-1', 'Dark mode', '2026-03-10'), (2, 1, 'F-2', 'Bulk edit', '2026-01-01'), "
        "(3, 1, 'F-3', 'Audit log', '2026-03-20')"));
    // Ana: three days of F1, hundreds of times; Ben: one day, many times; Cy: two days.
    exec(QStringLiteral(
        "INSERT INTO feature_usage (feature_id, day, user_id, usage_count) VALUES "
        "(1, '2026-03-10', 1, 50), (1, '2026-03-11', 1, 50), (1, '2026-03-12', 1, 50), "
        "(1, '2026-03-10', 2, 400), (1, '2026-03-15', 3, 2), (1, '2026-03-16', 3, 1), "
        "(2, '2026-03-20', 4, 7), (2, '2026-02-15', 1, 3), (1, '2026-04-02', 5, 1)"));
    // Acme: two deals in two currencies; Globex: one. A deal of a company nobody uses.
    exec(QStringLiteral(
        "INSERT INTO sales_opportunities (source_id, external_id, company_id, name, is_closed, "
        "is_won, deal_size, currency) VALUES (1, 'o1', 1, 'Acme renewal', 0, 0, 1000, 'USD'), "
        "(1, 'o2', 1, 'Acme EU', 1, 1, 500, 'EUR'), (1, 'o3', 2, 'Globex', 0, 0, 2000, 'USD')"));
}

void TestMetrics::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

void TestMetrics::adoptionCountsUsersAndDistinctDays()
{
    QString error;
    const auto table = Reports::adoption(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->rows.size(), 3);
    const int f1 = rowOf(*table, QStringLiteral("feature_id"), 1);
    // Ana, Ben, Cy of the four users active in March (Ed only in April).
    QCOMPARE(table->value(f1, QStringLiteral("active_users")).toLongLong(), 3);
    QCOMPARE(table->value(f1, QStringLiteral("adoption_rate")).toDouble(), 75.0);
    // Only Ana used it on three distinct days; Ben's 400 uses on one day make no power user.
    QCOMPARE(table->value(f1, QStringLiteral("power_users")).toLongLong(), 1);
    const int f2 = rowOf(*table, QStringLiteral("feature_id"), 2);
    QCOMPARE(table->value(f2, QStringLiteral("active_users")).toLongLong(), 1);
    QCOMPARE(table->value(f2, QStringLiteral("adoption_rate")).toDouble(), 25.0);
    const int f3 = rowOf(*table, QStringLiteral("feature_id"), 3);
    QCOMPARE(table->value(f3, QStringLiteral("active_users")).toLongLong(), 0);
    QCOMPARE(table->value(f3, QStringLiteral("adoption_rate")).toDouble(), 0.0);
    QCOMPARE(f1, 0); // ordered by active users
}

void TestMetrics::roiCountsEachDealOnceAndKeepsCurrenciesApart()
{
    QString error;
    const auto table = Reports::adoptionRoi(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    // F2 was released before the window.
    QCOMPARE(table->rows.size(), 2);
    QCOMPARE(rowOf(*table, QStringLiteral("feature_id"), 2), -1);
    const int f1 = rowOf(*table, QStringLiteral("feature_id"), 1);
    QVERIFY(f1 >= 0);
    QCOMPARE(table->value(f1, QStringLiteral("companies")).toLongLong(), 2);
    // Each deal once, although Acme has two users and Ana six usage rows: USD 1000 + 2000.
    QCOMPARE(table->value(f1, QStringLiteral("revenue_by_currency")).toString(),
             QStringLiteral("USD 3,000; EUR 500"));
    // No rate for EUR: no total that would add euros to dollars.
    QVERIFY(table->value(f1, QStringLiteral("revenue")).isNull());
    QVERIFY(table->notes.join(QLatin1Char(' ')).contains(QLatin1String("never added")));
    const int f3 = rowOf(*table, QStringLiteral("feature_id"), 3);
    QCOMPARE(table->value(f3, QStringLiteral("active_users")).toLongLong(), 0);
    QCOMPARE(table->value(f3, QStringLiteral("revenue")).toDouble(), 0.0);
}

void TestMetrics::roiConvertsWithTheWorkspacesRates()
{
    exec(QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES ('base_currency', 'USD')"));
    exec(QStringLiteral("INSERT INTO currency_rates (currency, rate, updated_at) VALUES ('EUR', "
                        "1.1, '2026-03-01')"));
    QString error;
    const auto table = Reports::adoptionRoi(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->value(0, QStringLiteral("feature_id")).toLongLong(), 1);
    QCOMPARE(table->value(0, QStringLiteral("revenue")).toDouble(), 3550.0);
    QCOMPARE(table->columns.at(table->column(QStringLiteral("revenue"))).title,
             QStringLiteral("Revenue (USD)"));
}

void TestMetrics::adoptionCurveFindsTheDayOfTenPercent()
{
    QString error;
    const auto table =
        Reports::adoptionCurve(m_db->connection(), 1, false, QDate(2026, 3, 16), &error);
    QVERIFY2(table, qPrintable(error));
    // From the release on 10 March to "today", 16 March: seven days.
    QCOMPARE(table->rows.size(), 7);
    QCOMPARE(table->value(0, QStringLiteral("period")).toString(), QStringLiteral("2026-03-10"));
    // Day one: Ana and Ben are new, and the only product users since the release.
    QCOMPARE(table->value(0, QStringLiteral("new_users")).toLongLong(), 2);
    QCOMPARE(table->value(0, QStringLiteral("product_users")).toLongLong(), 2);
    QCOMPARE(table->value(0, QStringLiteral("adoption_rate")).toDouble(), 100.0);
    QVERIFY(table->value(0, QStringLiteral("marker")).toString().contains(QLatin1String("10%")));
    QCOMPARE(table->value(5, QStringLiteral("users")).toLongLong(), 3); // Cy on 15 March
    QVERIFY(
        table->value(6, QStringLiteral("marker")).toString().contains(QLatin1String("incomplete")));
    QVERIFY(!Reports::adoptionCurve(m_db->connection(), 99, false, m_today, &error));
    QVERIFY(error.contains(QLatin1String("99")));
}

void TestMetrics::satisfactionComputesNpsAndCsat()
{
    exec(QStringLiteral(
        "INSERT INTO feedback (source_id, external_id, feature_id, score, score_kind, created_at) "
        "VALUES (2, 'n1', 1, 10, 'nps', '2026-03-02T10:00:00Z'), "
        "(2, 'n2', 1, 9, 'nps', '2026-03-03T10:00:00Z'), "
        "(2, 'n3', NULL, 8, 'nps', '2026-03-04T10:00:00Z'), "
        "(2, 'n4', NULL, 6, 'nps', '2026-03-10T10:00:00Z'), "
        "(2, 'n5', 2, 0, 'nps', '2026-03-11T10:00:00Z'), "
        "(2, 'n6', 1, 10, 'nps', '2026-03-12T10:00:00Z'), "
        "(2, 'old', 1, 0, 'nps', '2026-02-12T10:00:00Z'), "
        "(2, 'c1', 1, 5, 'csat', '2026-03-02T10:00:00Z'), "
        "(2, 'c2', 1, 4, 'csat', '2026-03-02T11:00:00Z'), "
        "(2, 'c3', 2, 3, 'csat', '2026-03-09T10:00:00Z'), "
        "(2, 'c4', 2, 1, 'csat', '2026-03-31T23:59:59Z')"));
    QString error;
    const auto table = Reports::satisfaction(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    // Window: promoters 3, detractors 2 of 6 responses; CSAT 2 of 4.
    QCOMPARE(table->value(0, QStringLiteral("scope")).toString(), QStringLiteral("window"));
    QCOMPARE(table->value(0, QStringLiteral("nps_responses")).toLongLong(), 6);
    QCOMPARE(qRound(table->value(0, QStringLiteral("nps")).toDouble() * 100), 1667);
    QCOMPARE(table->value(0, QStringLiteral("csat")).toDouble(), 50.0);
    // Week of 2 March: 10, 9, 8 → NPS 66.7; CSAT 5, 4 → 100%.
    const int week = rowOf(*table, QStringLiteral("label"), QStringLiteral("2026-03-02"));
    QVERIFY(week > 0);
    QCOMPARE(qRound(table->value(week, QStringLiteral("nps")).toDouble() * 10), 667);
    QCOMPARE(table->value(week, QStringLiteral("csat")).toDouble(), 100.0);
    // Dark mode: three promoters.
    const int f1 = rowOf(*table, QStringLiteral("feature_id"), 1);
    QCOMPARE(table->value(f1, QStringLiteral("nps")).toDouble(), 100.0);
    QCOMPARE(table->value(f1, QStringLiteral("nps_responses")).toLongLong(), 3);
    const auto responses = Reports::drillDown(m_db->connection(), QStringLiteral("responses"),
                                              QStringLiteral("1"), m_march, &error);
    QVERIFY2(responses, qPrintable(error));
    QCOMPARE(responses->rows.size(), 5); // three NPS and two CSAT answers in March
    const int f2 = rowOf(*table, QStringLiteral("feature_id"), 2);
    QCOMPARE(table->value(f2, QStringLiteral("nps")).toDouble(), -100.0);
    QCOMPARE(table->value(f2, QStringLiteral("csat")).toDouble(), 0.0);
}

void TestMetrics::velocityTakesMediansAndPercentiles()
{
    exec(QStringLiteral(
        "INSERT INTO work_items (source_id, external_id, title, points, sprint, started_at, "
        "resolved_at) VALUES "
        "(1, 'W-1', 'a', 3, 'Sprint 1', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'), "
        "(1, 'W-2', 'b', 5, 'Sprint 1', '2026-03-02T00:00:00Z', '2026-03-12T00:00:00Z'), "
        "(1, 'W-3', 'c', 2, 'Sprint 2', '2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z'), "
        "(1, 'W-4', 'd', 1, NULL, NULL, '2026-03-07T12:00:00Z'), "
        "(1, 'W-5', 'e', 8, NULL, '2026-02-01T00:00:00Z', '2026-02-10T00:00:00Z')"));
    QString error;
    const auto table = Reports::velocity(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->value(0, QStringLiteral("team")).toString(), QStringLiteral("Jira"));
    QCOMPARE(table->value(0, QStringLiteral("resolved")).toLongLong(), 4);
    QCOMPARE(table->value(0, QStringLiteral("points")).toDouble(), 11.0);
    // Cycle times 2, 10 and 1 days (W-4 never started): median 2, 85th percentile 10.
    QCOMPARE(table->value(0, QStringLiteral("cycle_median_days")).toDouble(), 2.0);
    QCOMPARE(table->value(0, QStringLiteral("cycle_p85_days")).toDouble(), 10.0);
    const int sprint = rowOf(*table, QStringLiteral("period"), QStringLiteral("Sprint 1"));
    QCOMPARE(table->value(sprint, QStringLiteral("points")).toDouble(), 8.0);
    QCOMPARE(table->value(sprint, QStringLiteral("resolved")).toLongLong(), 2);
    const int week = rowOf(*table, QStringLiteral("period"), QStringLiteral("2026-03-02"));
    QCOMPARE(table->value(week, QStringLiteral("resolved")).toLongLong(), 3);
    QVERIFY(table->notes.join(QLatin1Char(' ')).contains(QLatin1String("no start time")));
}

void TestMetrics::validationGathersEvidencePerFeature()
{
    exec(QStringLiteral(
        "INSERT INTO feedback (source_id, external_id, feature_id, company_id, score, score_kind, "
        "created_at) VALUES (2, 'v1', 1, 1, 12, 'votes', '2026-03-02T10:00:00Z'), "
        "(2, 'v2', 1, 1, 3, 'votes', '2026-03-03T10:00:00Z'), "
        "(2, 'p1', 1, 2, 1, 'pmf', '2026-03-04T10:00:00Z'), "
        "(2, 'p2', 1, NULL, 1, 'pmf', '2026-03-05T10:00:00Z'), "
        "(2, 'p3', 1, 2, 2, 'pmf', '2026-03-06T10:00:00Z'), "
        "(2, 'x', 2, NULL, NULL, NULL, '2026-03-06T10:00:00Z')"));
    QString error;
    const auto table = Reports::validation(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    const int f1 = rowOf(*table, QStringLiteral("feature_id"), 1);
    QCOMPARE(table->value(f1, QStringLiteral("feedback")).toLongLong(), 5);
    QCOMPARE(table->value(f1, QStringLiteral("votes")).toLongLong(), 15);
    QCOMPARE(table->value(f1, QStringLiteral("companies")).toLongLong(), 2);
    // Open deals of Acme and Globex only: the closed euro deal is not pipeline.
    QCOMPARE(table->value(f1, QStringLiteral("open_pipeline_by_currency")).toString(),
             QStringLiteral("USD 3,000"));
    QCOMPARE(qRound(table->value(f1, QStringLiteral("pmf_score")).toDouble() * 10), 667);
    const int f3 = rowOf(*table, QStringLiteral("feature_id"), 3);
    QCOMPARE(table->value(f3, QStringLiteral("feedback")).toLongLong(), 0);
    QVERIFY(table->value(f3, QStringLiteral("pmf_score")).isNull());
}

void TestMetrics::mergedFeaturesCountOnce()
{
    // The same feature in a second tool, with Cy's usage on a day he already has, and Di's.
    exec(QStringLiteral("INSERT INTO features (id, source_id, external_id, name, release_date, "
                        "merged_into) VALUES (4, 2, 'pb-1', 'Dark Mode', '2026-03-10', 1)"));
    exec(QStringLiteral(
        "INSERT INTO feature_usage (feature_id, day, user_id, usage_count) VALUES "
        "(4, '2026-03-15', 3, 9), (4, '2026-03-17', 3, 1), (4, '2026-03-18', 4, 2)"));
    QString error;
    const auto table = Reports::adoption(m_db->connection(), m_march, m_today, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->rows.size(), 3); // the merged row is not a feature of its own
    const int f1 = rowOf(*table, QStringLiteral("feature_id"), 1);
    QCOMPARE(table->value(f1, QStringLiteral("active_users")).toLongLong(), 4);
    // Cy: 15, 16 and 17 March (the 15th once) makes a second power user.
    QCOMPARE(table->value(f1, QStringLiteral("power_users")).toLongLong(), 2);
}

void TestMetrics::drillDownShowsTheRowsBehindAFigure()
{
    QString error;
    auto users = Reports::drillDown(m_db->connection(), QStringLiteral("power-users"),
                                    QStringLiteral("1"), m_march, &error);
    QVERIFY2(users, qPrintable(error));
    QCOMPARE(users->rows.size(), 1);
    QCOMPARE(users->value(0, QStringLiteral("name")).toString(), QStringLiteral("Ana"));
    QCOMPARE(users->value(0, QStringLiteral("days")).toLongLong(), 3);
    const auto deals = Reports::drillDown(m_db->connection(), QStringLiteral("revenue"),
                                          QStringLiteral("1"), m_march, &error);
    QVERIFY2(deals, qPrintable(error));
    QCOMPARE(deals->rows.size(), 3);
    QVERIFY(!Reports::drillDown(m_db->connection(), QStringLiteral("mood"), QStringLiteral("1"),
                                m_march, &error));
    QVERIFY2(error.contains(QLatin1String("mood")) && error.contains(QLatin1String("revenue")),
             qPrintable(error));
    QVERIFY(!Reports::drillDown(m_db->connection(), QStringLiteral("revenue"),
                                QStringLiteral("abc"), m_march, &error));
    QVERIFY(error.contains(QLatin1String("abc")));
}

// The ROI report against its definition, computed here in plain C++ over the rows of a
// generated workspace.
void TestMetrics::roiOnTheDemoEqualsAnIndependentComputation()
{
    TestWorkspace workspace;
    const auto db = workspace.open();
    QVERIFY(db);
    DemoGenerator::Options options;
    options.scale = DemoGenerator::Scale::Small;
    options.today = QDate(2026, 6, 30);
    QString error;
    QSqlDatabase connection = db->connection();
    QVERIFY2(DemoGenerator(options).generate(connection, &error), qPrintable(error));
    const QDate today = options.today;
    const ReportWindow window = ReportWindow::lastDays(365, today);

    QSqlQuery query(db->connection());
    QHash<qint64, qint64> companyOf;
    QVERIFY(query.exec(QStringLiteral("SELECT id, company_id FROM users")));
    while (query.next())
        companyOf.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    QHash<qint64, QList<QPair<QString, double>>> deals;
    QVERIFY(query.exec(QStringLiteral("SELECT company_id, currency, deal_size FROM "
                                      "sales_opportunities WHERE deal_size IS NOT NULL")));
    while (query.next())
        deals[query.value(0).toLongLong()].append(
            {query.value(1).toString(), query.value(2).toDouble()});
    QMap<QString, double> rates{{QStringLiteral("USD"), 1.0}};
    QVERIFY(query.exec(QStringLiteral("SELECT currency, rate FROM currency_rates")));
    while (query.next())
        rates.insert(query.value(0).toString(), query.value(1).toDouble());
    QHash<qint64, QSet<qint64>> usersOf;
    QSet<qint64> productUsers;
    QVERIFY(query.exec(QStringLiteral("SELECT feature_id, user_id, day FROM feature_usage")));
    while (query.next()) {
        const QString day = query.value(2).toString();
        if (day < window.fromText() || day > window.toText())
            continue;
        usersOf[query.value(0).toLongLong()].insert(query.value(1).toLongLong());
        productUsers.insert(query.value(1).toLongLong());
    }
    QMap<qint64, double> expected;
    QVERIFY(query.exec(QStringLiteral("SELECT id, release_date FROM features WHERE release_date "
                                      "IS NOT NULL")));
    while (query.next()) {
        const QString released = query.value(1).toString();
        if (released < window.fromText() || released > window.toText())
            continue;
        QSet<qint64> companies;
        for (qint64 user : usersOf.value(query.value(0).toLongLong())) {
            if (companyOf.value(user))
                companies.insert(companyOf.value(user));
        }
        double revenue = 0;
        for (qint64 company : std::as_const(companies)) {
            for (const auto &[currency, size] : deals.value(company))
                revenue += size * rates.value(currency);
        }
        expected.insert(query.value(0).toLongLong(), revenue);
    }
    QVERIFY(expected.size() >= 3);

    const auto table = Reports::adoptionRoi(db->connection(), window, today, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->rows.size(), expected.size());
    double previous = std::numeric_limits<double>::max();
    for (int r = 0; r < table->rows.size(); ++r) {
        const qint64 id = table->value(r, QStringLiteral("feature_id")).toLongLong();
        QVERIFY(expected.contains(id));
        QCOMPARE(qRound64(table->value(r, QStringLiteral("revenue")).toDouble()),
                 qRound64(expected.value(id)));
        QCOMPARE(table->value(r, QStringLiteral("active_users")).toLongLong(),
                 qint64(usersOf.value(id).size()));
        const double revenue = table->value(r, QStringLiteral("revenue")).toDouble();
        QVERIFY(revenue <= previous);
        previous = revenue;
    }
}

void TestMetrics::formatsQuoteAndNeutraliseCsv()
{
    ReportTable table;
    table.title = QStringLiteral("T");
    table.columns = {{QStringLiteral("name"), QStringLiteral("Name"), ReportColumn::Kind::Text},
                     {QStringLiteral("n"), QStringLiteral("N"), ReportColumn::Kind::Number}};
    table.rows = {{QStringLiteral("a, \"b\""), 1.5},
                  {QStringLiteral("=HYPERLINK(\"x\")"), -2.0},
                  {QStringLiteral("multi\nline"), QVariant()}};
    const QByteArray csv = ReportFormat::csv(table);
    QCOMPARE(csv, QByteArray("name,n\r\n\"a, \"\"b\"\"\",1.5\r\n\"'=HYPERLINK(\"\"x\"\")\",-2\r\n"
                             "\"multi\nline\",\r\n"));
    const QJsonObject json = QJsonDocument::fromJson(ReportFormat::json(table)).object();
    QCOMPARE(
        json.value(QStringLiteral("rows")).toArray().at(1).toObject().value(QStringLiteral("n")),
        QJsonValue(-2.0));
    QVERIFY(json.value(QStringLiteral("rows"))
                .toArray()
                .at(2)
                .toObject()
                .value(QStringLiteral("n"))
                .isNull());
    const QString text = ReportFormat::text(table);
    QVERIFY(text.startsWith(QLatin1String("T\n")));
    QVERIFY(text.contains(QLatin1String(" 1.5\n")));
}

void TestMetrics::windowsAreParsedWithClearErrors()
{
    QString error;
    const QDate today(2026, 11, 28);
    auto window = ReportWindow::parse(90, {}, {}, today, &error);
    QVERIFY(window);
    QCOMPARE(window->from, QDate(2026, 8, 31));
    QCOMPARE(window->days(), 90);
    window = ReportWindow::parse(90, QStringLiteral("2026-01-01"), QStringLiteral("2026-01-31"),
                                 today, &error);
    QVERIFY(window);
    QCOMPARE(window->days(), 31);
    QCOMPARE(window->endText(), QStringLiteral("2026-02-01"));
    QVERIFY(!ReportWindow::parse(90, QStringLiteral("2026-13-01"), {}, today, &error));
    QVERIFY2(error.contains(QLatin1String("--from")) && error.contains(QLatin1String("2026-13-01")),
             qPrintable(error));
    QVERIFY(!ReportWindow::parse(90, QStringLiteral("2026-02-01"), QStringLiteral("2026-01-01"),
                                 today, &error));
    QVERIFY(error.contains(QLatin1String("after")));
    QVERIFY(!ReportWindow::parse(0, {}, {}, today, &error));
    QVERIFY(error.contains(QLatin1String("--days")));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
