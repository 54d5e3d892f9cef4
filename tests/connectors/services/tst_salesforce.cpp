#include "connectorharness.h"
#include "databasewriter.h"
#include "engine/credentials.h"
#include "engine/syncengine.h"
#include "fakesalesforce.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {

const QByteArray token = "00D5g000004Fx2A!AQ8AQJ3kq7Xw.vR1dVn4s9wL2bYzS";
const QString basePath = QStringLiteral("/services/data/v62.0");
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString accountId(int n)
{
    return QStringLiteral("0015g00000%1AAA").arg(n, 5, 10, QLatin1Char('0'));
}

QString opportunityId(int n)
{
    return QStringLiteral("0065g00000%1QAA").arg(n, 5, 10, QLatin1Char('0'));
}

QJsonObject account(int n)
{
    return {{QStringLiteral("Name"), QStringLiteral("Customer %1").arg(n)},
            {QStringLiteral("Website"), QStringLiteral("https://www.customer%1.example").arg(n)}};
}

// The standard fields of an Opportunity, as FIELDS(STANDARD) returns them (a selection).
QJsonObject opportunity(int n, const QString &stage, bool closed, bool won)
{
    return {
        {QStringLiteral("IsDeleted"), false},
        {QStringLiteral("AccountId"), accountId(n)},
        {QStringLiteral("Name"), QStringLiteral("Rocket rollout %1").arg(n)},
        {QStringLiteral("StageName"), stage},
        {QStringLiteral("Amount"), 12500.5 * n},
        {QStringLiteral("Probability"), closed ? (won ? 100 : 0) : 60},
        {QStringLiteral("CloseDate"), QStringLiteral("2026-06-%1").arg(n, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("Type"), QStringLiteral("New Customer")},
        {QStringLiteral("IsClosed"), closed},
        {QStringLiteral("IsWon"), won},
        {QStringLiteral("ForecastCategory"), QStringLiteral("Pipeline")},
        {QStringLiteral("CurrencyIsoCode"), QStringLiteral("EUR")},
        {QStringLiteral("OwnerId"), QStringLiteral("0055g00000AbCdEAAV")},
        {QStringLiteral("CreatedDate"), QStringLiteral("2026-01-10T08:00:00.000+0000")},
        {QStringLiteral("LastModifiedDate"), QStringLiteral("2026-03-02T09:00:00.000+0000")}};
}

} // namespace

// The Salesforce connector against a fake org speaking the REST query resource.
class TestSalesforce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void followsNextRecordsUrlThroughEveryBatch();
    void secondRunAsksOnlyForWhatChanged();
    void mapsACompleteOpportunity();
    void expiredSessionFailsWithSalesforcesMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void spentDailyAllowanceEndsRateLimited();
    void malformedQueryFailsWithSalesforcesMessage();
    void instanceUrlComesFromTheTokenAnswer();
    void rejectsMalformedSettings();
};

void TestSalesforce::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("salesforce.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("salesforce"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::OAuth2);
    QCOMPARE(manifest->auth.tokenSettings.value(QStringLiteral("instance_url")),
             QStringLiteral("instance_url"));
    QCOMPARE(manifest->streams.size(), 2);
    QCOMPARE(manifest->streams.at(0).target, QStringLiteral("companies"));
    QCOMPARE(manifest->streams.at(1).target, QStringLiteral("sales_opportunities"));
}

void TestSalesforce::followsNextRecordsUrlThroughEveryBatch()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    sf.setBatchSize(2);
    for (int n = 1; n <= 5; ++n) {
        sf.setRecord(QStringLiteral("Account"), accountId(n), account(n), start.addSecs(n));
        sf.setRecord(QStringLiteral("Opportunity"), opportunityId(n),
                     opportunity(n, QStringLiteral("Prospecting"), false, false), start.addSecs(n));
    }
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 2);
    for (const StreamOutcome &outcome : outcomes) {
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
        QCOMPARE(outcome.records, 5);
        QCOMPARE(outcome.pages, 3); // 2 + 2 + 1
    }
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM company_sources")), 5);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM companies WHERE domain = "
                                     "'customer3.example'")),
             1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities")), 5);
    // Each opportunity belongs to the company filed for its account.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities o JOIN "
                                     "company_sources s ON s.company_id = o.company_id AND "
                                     "s.source_id = o.source_id AND s.external_id = "
                                     "o.company_ref")),
             5);
    QCOMPARE(h.row(QStringLiteral("SELECT c.domain FROM sales_opportunities o JOIN companies c "
                                  "ON c.id = o.company_id WHERE o.external_id = '%1'")
                       .arg(opportunityId(3)))
                 .value(0)
                 .toString(),
             QStringLiteral("customer3.example"));
    // Later batches came from nextRecordsUrl, a path on the instance.
    int locatorPages = 0;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path.startsWith(basePath + QStringLiteral("/query/")))
            ++locatorPages;
    }
    QCOMPARE(locatorPages, 4);
    QCOMPARE(sf.queries().first(),
             QStringLiteral("SELECT Id, Name, Website, SystemModstamp FROM Account WHERE "
                            "SystemModstamp > 1970-01-01T00:00:00Z ORDER BY SystemModstamp ASC"));
}

void TestSalesforce::secondRunAsksOnlyForWhatChanged()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    for (int n = 1; n <= 4; ++n)
        sf.setRecord(QStringLiteral("Opportunity"), opportunityId(n),
                     opportunity(n, QStringLiteral("Prospecting"), false, false),
                     start.addSecs(n * 60));
    QCOMPARE(h.sync(token, false, {QStringLiteral("opportunities")}).first().status,
             StreamOutcome::Status::Ok);
    sf.setRecord(QStringLiteral("Opportunity"), opportunityId(2),
                 opportunity(2, QStringLiteral("Closed Won"), true, true), start.addSecs(3600));
    const QList<StreamOutcome> second = h.sync(token, false, {QStringLiteral("opportunities")});
    QVERIFY2(second.first().status == StreamOutcome::Status::Ok, qPrintable(second.first().error));
    // The filter is strictly "after", so the stored time is sent one second earlier.
    QVERIFY2(sf.queries().last().contains(QStringLiteral("SystemModstamp > 2026-03-02T09:03:59Z")),
             qPrintable(sf.queries().last()));
    QCOMPARE(second.first().records, 2); // the boundary record again, and the change
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities")), 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT is_won FROM sales_opportunities WHERE external_id = "
                                     "'%1'")
                          .arg(opportunityId(2))),
             1);
}

void TestSalesforce::mapsACompleteOpportunity()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    sf.setRecord(QStringLiteral("Opportunity"), opportunityId(7),
                 opportunity(7, QStringLiteral("Closed Won"), true, true),
                 QDateTime(QDate(2026, 3, 4), QTime(13, 59, 29), Qt::UTC));
    QCOMPARE(h.sync(token, false, {QStringLiteral("opportunities")}).first().status,
             StreamOutcome::Status::Ok);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, stage, is_closed, is_won, deal_size, currency, close_date, "
        "updated_at FROM sales_opportunities"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), opportunityId(7));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket rollout 7"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Closed Won"));
    QCOMPARE(row.at(3).toInt(), 1);
    QCOMPARE(row.at(4).toInt(), 1);
    QCOMPARE(row.at(5).toDouble(), 87503.5);
    QCOMPARE(row.at(6).toString(), QStringLiteral("EUR"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-06-07"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-03-04T13:59:29Z"));
    // The account it names is not synced yet: the link waits for it.
    const QVariantList waiting =
        h.row(QStringLiteral("SELECT company_ref, company_id FROM sales_opportunities"));
    QCOMPARE(waiting.value(0).toString(), accountId(7));
    QVERIFY(waiting.value(1).isNull());
    sf.setRecord(QStringLiteral("Account"), accountId(7), account(7), start);
    QCOMPARE(h.sync(token, false, {QStringLiteral("accounts")}).first().status,
             StreamOutcome::Status::Ok);
    QCOMPARE(h.row(QStringLiteral("SELECT c.name FROM sales_opportunities o JOIN companies c "
                                  "ON c.id = o.company_id"))
                 .value(0)
                 .toString(),
             QStringLiteral("Customer 7"));
}

void TestSalesforce::expiredSessionFailsWithSalesforcesMessage()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    const QList<StreamOutcome> outcomes = h.sync("00Dwrong");
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("HTTP 401")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Session expired or invalid")),
             qPrintable(outcomes.first().error));
    // The bearer token went in the Authorization header.
    QCOMPARE(h.server().requests().first().header("authorization"), QByteArray("Bearer 00Dwrong"));
}

void TestSalesforce::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    sf.setRecord(QStringLiteral("Account"), accountId(1), account(1), start);
    auto limited = FakeHttpServer::Response::json("[]", 429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(basePath + QStringLiteral("/query"), limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("accounts")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(h.server().requestCount(basePath + QStringLiteral("/query")), 2);
}

void TestSalesforce::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    auto limited = FakeHttpServer::Response::json("[]", 429);
    limited.withHeader("Retry-After", "600");
    h.server().queueFault(basePath + QStringLiteral("/query"), limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("accounts")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(500));
}

void TestSalesforce::spentDailyAllowanceEndsRateLimited()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    h.server().queueFault(
        basePath + QStringLiteral("/query"),
        FakeHttpServer::Response::json(
            "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_"
            "EXCEEDED\"}]",
            403),
        1);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("accounts")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("TotalRequests Limit exceeded.")),
             qPrintable(outcomes.first().error));
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(3000));
}

void TestSalesforce::malformedQueryFailsWithSalesforcesMessage()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    h.manifest().streams[0].request.query = {
        {QStringLiteral("q"), QStringLiteral("SELECT Id FROM Account WHERE")}};
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("accounts")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("unexpected token")),
             qPrintable(outcomes.first().error));
}

void TestSalesforce::instanceUrlComesFromTheTokenAnswer()
{
    ConnectorHarness h(QStringLiteral("salesforce"));
    QVERIFY2(h.start({{QStringLiteral("client_id"), QStringLiteral("3MVG9abc")}}, basePath),
             qPrintable(h.error()));
    FakeSalesforce sf(h.server(), token);
    sf.setRecord(QStringLiteral("Account"), accountId(1), account(1), start);
    const QString instance = h.server().baseUrl().toString();
    h.server().route("POST", QStringLiteral("/services/oauth2/token"),
                     [instance](const FakeHttpServer::Request &request) {
                         if (!request.body.contains("grant_type=refresh_token"))
                             return FakeHttpServer::Response::json("{\"error\":\"invalid_grant\"}",
                                                                   400);
                         const QJsonObject answer{
                             {QStringLiteral("access_token"), QString::fromLatin1(token)},
                             {QStringLiteral("instance_url"), instance},
                             {QStringLiteral("id"), QStringLiteral("https://login.salesforce.com/"
                                                                   "id/00D5g/0055g")},
                             {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                             {QStringLiteral("issued_at"), QStringLiteral("1772442000000")}};
                         return FakeHttpServer::Response::json(QJsonDocument(answer).toJson());
                     });
    ConnectorManifest manifest = h.manifest();
    manifest.auth.tokenUrl = h.server().url(QStringLiteral("/services/oauth2/token"));
    // The source uses the manifest's address, filled from its settings: an instance URL kept
    // from an earlier sign-in (written differently) until the token answer replaces it.
    Source source = h.source();
    source.baseUrl.clear();
    source.settings.insert(QStringLiteral("instance_url"), QString(instance + u'/'));
    source.settings.insert(QStringLiteral("api_version"), QStringLiteral("62.0"));
    Credentials credentials;
    credentials.token = "expired";
    credentials.refreshToken = "5Aep861refresh";
    SyncEngine engine(&h.database());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.start({SyncTarget{source, manifest, credentials, {QStringLiteral("accounts")}}}, {});
    QVERIFY(finished.wait(20000));
    const auto outcomes = finished.first().first().value<QList<StreamOutcome>>();
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    // The answer's instance_url is kept with the source's settings.
    const QJsonObject stored =
        QJsonDocument::fromJson(
            h.row(QStringLiteral("SELECT settings_json FROM sources")).value(0).toString().toUtf8())
            .object();
    QCOMPARE(stored.value(QStringLiteral("instance_url")).toString(), instance);

    // Without an instance URL there is nowhere to send the query: a clear message says so.
    source.settings.remove(QStringLiteral("instance_url"));
    QSignalSpy again(&engine, &SyncEngine::finished);
    engine.start({SyncTarget{source, manifest, credentials, {QStringLiteral("accounts")}}}, {});
    QVERIFY(again.wait(20000));
    const auto failed = again.first().first().value<QList<StreamOutcome>>();
    QCOMPARE(failed.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(failed.first().error.contains(QStringLiteral("instance_url")),
             qPrintable(failed.first().error));
}

void TestSalesforce::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("salesforce"));
    QVERIFY(manifest);
    const SettingsValidator validator(*manifest);
    QVERIFY(validator.check(QStringLiteral("api_version"), QStringLiteral("62.0")).isEmpty());
    QVERIFY(validator.check(QStringLiteral("api_version"), QStringLiteral("v62"))
                .contains(QStringLiteral("api_version")));
    QVERIFY(!validator.check(QStringLiteral("instance_url"), QStringLiteral("acme.salesforce"))
                 .isEmpty());
    QStringList problems;
    const QJsonObject settings = validator.parse(
        {QStringLiteral("client_id=3MVG9abc"), QStringLiteral("instance_url=ftp://x")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("instance_url")),
             qPrintable(problems.first()));
    QStringList none;
    const QJsonObject good = validator.parse({QStringLiteral("client_id=3MVG9abc")}, &none);
    QVERIFY2(none.isEmpty(), qPrintable(none.join(u';')));
    QCOMPARE(good.value(QStringLiteral("api_version")).toString(), QStringLiteral("62.0"));
    Q_UNUSED(settings);
}

QTEST_GUILESS_MAIN(TestSalesforce)
#include "tst_salesforce.moc"
