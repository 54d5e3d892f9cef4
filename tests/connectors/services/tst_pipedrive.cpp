#include "connectorharness.h"
#include "fakepipedrive.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QTest>

namespace {

const QByteArray token = "8f2c6b1d9e0a4f7b3c5d6e7f8a9b0c1d2e3f4a5b";
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QString dealsPath = QStringLiteral("/api/v2/deals");

// A deal as API v2 returns it.
QJsonObject deal(int n, const QString &status)
{
    const bool closed = status != QLatin1String("open");
    return {{QStringLiteral("title"), QStringLiteral("Rocket seats %1").arg(n)},
            {QStringLiteral("creator_user_id"), 12},
            {QStringLiteral("owner_id"), 12},
            {QStringLiteral("value"), 2400.5 * n},
            {QStringLiteral("person_id"), 301},
            {QStringLiteral("org_id"), 40 + n},
            {QStringLiteral("stage_id"), 3},
            {QStringLiteral("pipeline_id"), 1},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("add_time"), QStringLiteral("2026-01-12T10:00:00Z")},
            {QStringLiteral("status"), status},
            {QStringLiteral("probability"), QJsonValue::Null},
            {QStringLiteral("lost_reason"), QJsonValue::Null},
            {QStringLiteral("visible_to"), 3},
            {QStringLiteral("close_time"),
             closed ? QJsonValue(QStringLiteral("2026-04-15T14:00:00Z")) : QJsonValue::Null},
            {QStringLiteral("won_time"), status == QLatin1String("won")
                                             ? QJsonValue(QStringLiteral("2026-04-15T14:00:00Z"))
                                             : QJsonValue::Null},
            {QStringLiteral("expected_close_date"), QStringLiteral("2026-05-31")},
            {QStringLiteral("is_deleted"), false}};
}

bool begin(ConnectorHarness &h)
{
    return h.start({{QStringLiteral("company_domain"), QStringLiteral("acme")}});
}

} // namespace

// The Pipedrive connector against a fake Pipedrive speaking API v2.
class TestPipedrive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void followsNextCursorThroughEveryPage();
    void secondRunAsksOnlyForWhatChanged();
    void mapsACompleteWonDeal();
    void wrongTokenFailsWithPipedrivesMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void validationErrorCarriesPipedrivesMessage();
    void rejectsMalformedSettings();
};

void TestPipedrive::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("pipedrive.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("pipedrive"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Query);
    QCOMPARE(manifest->streams.size(), 4);
}

void TestPipedrive::followsNextCursorThroughEveryPage()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    for (int n = 1; n <= 1100; ++n)
        pd.setDeal(n, deal(n, QStringLiteral("open")), start.addSecs(n));
    pd.setDeal(2001, deal(1, QStringLiteral("won")), start);
    pd.setDeal(2002, deal(2, QStringLiteral("lost")), start);
    pd.setOrganization(41, QStringLiteral("Customer One"), start);
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 4);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const StreamOutcome *open = ConnectorHarness::find(outcomes, QStringLiteral("deals_open"));
    QCOMPARE(open->records, 1100);
    QCOMPARE(open->pages, 3); // 500 + 500 + 100
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities")), 1102);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities WHERE is_closed = 1 "
                                     "AND is_won = 0")),
             1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM company_sources")), 1);
    // The open and the won deal of organisation 41 belong to its company; the others' orgs
    // were never synced.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities o JOIN "
                                     "company_sources s ON s.company_id = o.company_id WHERE "
                                     "s.external_id = '41'")),
             2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities WHERE company_id "
                                     "IS NOT NULL")),
             2);
    QCOMPARE(h.row(QStringLiteral("SELECT company_ref FROM sales_opportunities WHERE external_id "
                                  "= '2001'"))
                 .value(0)
                 .toString(),
             QStringLiteral("41"));
    int withCursor = 0;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == dealsPath && request.query.hasQueryItem(QStringLiteral("cursor")))
            ++withCursor;
    }
    QCOMPARE(withCursor, 2);
}

void TestPipedrive::secondRunAsksOnlyForWhatChanged()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    for (int n = 1; n <= 4; ++n)
        pd.setDeal(n, deal(n, QStringLiteral("open")), start.addSecs(n * 60));
    QCOMPARE(h.sync(token, false, {QStringLiteral("deals_open")}).first().status,
             StreamOutcome::Status::Ok);
    QCOMPARE(pd.updatedSince().last(), QString());
    pd.setDeal(3, deal(3, QStringLiteral("open")), start.addSecs(3600));
    const QList<StreamOutcome> second = h.sync(token, false, {QStringLiteral("deals_open")});
    QVERIFY2(second.first().status == StreamOutcome::Status::Ok, qPrintable(second.first().error));
    QCOMPARE(pd.updatedSince().last(), QStringLiteral("2026-03-02T09:04:00Z"));
    QCOMPARE(second.first().records, 2);
}

void TestPipedrive::mapsACompleteWonDeal()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    pd.setDeal(77, deal(5, QStringLiteral("won")),
               QDateTime(QDate(2026, 4, 15), QTime(14, 5), Qt::UTC));
    QCOMPARE(h.sync(token, false, {QStringLiteral("deals_won")}).first().status,
             StreamOutcome::Status::Ok);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, stage, is_closed, is_won, deal_size, currency, close_date, "
        "updated_at FROM sales_opportunities"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), QStringLiteral("77"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket seats 5"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("3"));
    QCOMPARE(row.at(3).toInt(), 1);
    QCOMPARE(row.at(4).toInt(), 1);
    QCOMPARE(row.at(5).toDouble(), 12002.5);
    QCOMPARE(row.at(6).toString(), QStringLiteral("EUR"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-04-15")); // closed: the close time
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-04-15T14:05:00Z"));
}

void TestPipedrive::wrongTokenFailsWithPipedrivesMessage()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    const QList<StreamOutcome> outcomes = h.sync("0000", false, {QStringLiteral("organizations")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("unauthorized access")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requests().first().query.queryItemValue(QStringLiteral("api_token")),
             QStringLiteral("0000"));
    QVERIFY2(!outcomes.first().error.contains(QStringLiteral("0000")),
             qPrintable(outcomes.first().error)); // the token is redacted from the message
}

void TestPipedrive::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    pd.setDeal(1, deal(1, QStringLiteral("open")), start);
    auto limited =
        FakeHttpServer::Response::json("{\"success\":false,\"error\":\"Too Many Requests\"}", 429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(dealsPath, limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals_open")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(h.server().requestCount(dealsPath), 2);
}

void TestPipedrive::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    auto limited =
        FakeHttpServer::Response::json("{\"success\":false,\"error\":\"Too Many Requests\"}", 429);
    limited.withHeader("x-ratelimit-remaining", "0");
    limited.withHeader("x-ratelimit-reset", "900");
    h.server().queueFault(dealsPath, limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals_open")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(800));
}

void TestPipedrive::validationErrorCarriesPipedrivesMessage()
{
    ConnectorHarness h(QStringLiteral("pipedrive"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakePipedrive pd(h.server(), token);
    for (auto &[name, value] : h.manifest().streams[1].request.query) {
        if (name == QLatin1String("limit"))
            value = QStringLiteral("1000");
    }
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals_open")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Parameter must be a number between 1 "
                                                            "and 500")),
             qPrintable(outcomes.first().error));
}

void TestPipedrive::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("pipedrive"));
    QVERIFY(manifest);
    const SettingsValidator validator(*manifest);
    QVERIFY(validator.check(QStringLiteral("company_domain"), QStringLiteral("acme")).isEmpty());
    const QString problem =
        validator.check(QStringLiteral("company_domain"), QStringLiteral("acme.pipedrive.com"));
    QVERIFY2(problem.contains(QStringLiteral("not in the expected form")), qPrintable(problem));
    QStringList problems;
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1); // company_domain is required
}

QTEST_GUILESS_MAIN(TestPipedrive)
#include "tst_pipedrive.moc"
