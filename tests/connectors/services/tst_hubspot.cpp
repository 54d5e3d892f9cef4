#include "connectorharness.h"
#include "fakehubspot.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QByteArray token = "pat-na1-5d7c1a2e-9b3f-4c6d-8e0a-1f2b3c4d5e6f";
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QJsonObject deal(int n, const QString &stage, bool closed, bool won)
{
    return {
        {QStringLiteral("dealname"), QStringLiteral("Rocket expansion %1").arg(n)},
        {QStringLiteral("dealstage"), stage},
        {QStringLiteral("pipeline"), QStringLiteral("default")},
        {QStringLiteral("amount"), QStringLiteral("%1.25").arg(1000 * n)},
        {QStringLiteral("deal_currency_code"), QStringLiteral("USD")},
        {QStringLiteral("closedate"), QStringLiteral("2026-05-29T16:00:00Z")},
        {QStringLiteral("hs_is_closed"), closed ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("hs_is_closed_won"),
         won ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("createdate"), QStringLiteral("2026-01-05T12:00:00Z")}};
}

int count(ConnectorHarness &h, const QString &path)
{
    return h.server().requestCount(path);
}

} // namespace

// The HubSpot CRM connector against a fake HubSpot speaking the CRM search API.
class TestHubSpot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void pagesThroughSearchResultsWithAfter();
    void secondRunSearchesFromTheCursor();
    void mapsACompleteDealAndContact();
    void wrongTokenFailsWithHubSpotsMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void validationErrorCarriesHubSpotsMessage();
    void rejectsUnknownSettings();
};

void TestHubSpot::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("hubspot.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("hubspot"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(manifest->streams.size(), 3);
}

void TestHubSpot::pagesThroughSearchResultsWithAfter()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    for (int n = 1; n <= 230; ++n)
        hub.setObject(QStringLiteral("deals"), QString::number(9000 + n),
                      deal(n, QStringLiteral("appointmentscheduled"), false, false),
                      start.addSecs(n));
    for (int n = 1; n <= 3; ++n) {
        hub.setObject(QStringLiteral("companies"), QString::number(500 + n),
                      {{QStringLiteral("name"), QStringLiteral("Customer %1").arg(n)},
                       {QStringLiteral("domain"), QStringLiteral("customer%1.example").arg(n)}},
                      start.addSecs(n));
        hub.setObject(QStringLiteral("contacts"), QString::number(700 + n),
                      {{QStringLiteral("email"), QStringLiteral("ana%1@customer.example").arg(n)},
                       {QStringLiteral("firstname"), QStringLiteral("Ana %1").arg(n)}},
                      start.addSecs(n));
    }
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 3);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const StreamOutcome *deals = ConnectorHarness::find(outcomes, QStringLiteral("deals"));
    QVERIFY(deals);
    QCOMPARE(deals->records, 230);
    QCOMPARE(deals->pages, 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities")), 230);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM company_sources")), 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM users")), 3);
    QCOMPARE(count(h, QStringLiteral("/crm/v3/objects/deals/search")), 3);
    // The later pages carried HubSpot's "after" in the body, beside the same filter.
    QStringList afters;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == QLatin1String("/crm/v3/objects/deals/search"))
            afters.append(QJsonDocument::fromJson(request.body)
                              .object()
                              .value(QStringLiteral("after"))
                              .toString());
    }
    QCOMPARE(afters, (QStringList{QString(), QStringLiteral("100"), QStringLiteral("200")}));
}

void TestHubSpot::secondRunSearchesFromTheCursor()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    for (int n = 1; n <= 5; ++n)
        hub.setObject(QStringLiteral("deals"), QString::number(9000 + n),
                      deal(n, QStringLiteral("qualifiedtobuy"), false, false),
                      start.addSecs(n * 60));
    QCOMPARE(h.sync(token, false, {QStringLiteral("deals")}).first().status,
             StreamOutcome::Status::Ok);
    QCOMPARE(hub.filterValues().last(), QStringLiteral("0"));
    hub.setObject(QStringLiteral("deals"), QStringLiteral("9002"),
                  deal(2, QStringLiteral("closedwon"), true, true), start.addSecs(7200));
    const QList<StreamOutcome> second = h.sync(token, false, {QStringLiteral("deals")});
    QVERIFY2(second.first().status == StreamOutcome::Status::Ok, qPrintable(second.first().error));
    QCOMPARE(hub.filterValues().last(), QString::number(start.addSecs(300).toMSecsSinceEpoch()));
    QCOMPARE(second.first().records, 2); // the boundary deal again, and the change
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sales_opportunities")), 5);
    QCOMPARE(h.scalar(QStringLiteral("SELECT is_won FROM sales_opportunities WHERE external_id = "
                                     "'9002'")),
             1);
}

void TestHubSpot::mapsACompleteDealAndContact()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    hub.setObject(QStringLiteral("deals"), QStringLiteral("9431"),
                  deal(3, QStringLiteral("closedwon"), true, true),
                  QDateTime(QDate(2026, 3, 4), QTime(8, 30, 5, 371), Qt::UTC));
    hub.setObject(QStringLiteral("contacts"), QStringLiteral("151"),
                  {{QStringLiteral("email"), QStringLiteral("ana@customer.example")},
                   {QStringLiteral("firstname"), QStringLiteral("Ana")},
                   {QStringLiteral("lastname"), QStringLiteral("Lima")},
                   {QStringLiteral("associatedcompanyid"), QStringLiteral("512")}},
                  start);
    hub.setObject(QStringLiteral("companies"), QStringLiteral("512"),
                  {{QStringLiteral("name"), QStringLiteral("Customer Example")},
                   {QStringLiteral("domain"), QStringLiteral("customer.example")}},
                  start);
    const QList<StreamOutcome> outcomes = h.sync(token);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, stage, is_closed, is_won, deal_size, currency, close_date, "
        "updated_at FROM sales_opportunities"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), QStringLiteral("9431"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket expansion 3"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("closedwon"));
    QCOMPARE(row.at(3).toInt(), 1);
    QCOMPARE(row.at(4).toInt(), 1);
    QCOMPARE(row.at(5).toDouble(), 3000.25);
    QCOMPARE(row.at(6).toString(), QStringLiteral("USD"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-05-29"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-03-04T08:30:05.371Z"));
    const QVariantList user =
        h.row(QStringLiteral("SELECT external_id, email, name, first_seen_at FROM users"));
    QCOMPARE(user, (QVariantList{QStringLiteral("151"), QStringLiteral("ana@customer.example"),
                                 QStringLiteral("Ana"), QStringLiteral("2025-11-03T10:00:00Z")}));
    // The contact's primary company, asked for by name, links it to the company filed for it.
    QCOMPARE(h.row(QStringLiteral("SELECT u.company_ref, c.domain FROM users u JOIN companies c "
                                  "ON c.id = u.company_id")),
             (QVariantList{QStringLiteral("512"), QStringLiteral("customer.example")}));
    bool askedForCompany = false;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == QLatin1String("/crm/v3/objects/contacts/search"))
            askedForCompany = QJsonDocument::fromJson(request.body)
                                  .object()
                                  .value(QStringLiteral("properties"))
                                  .toArray()
                                  .contains(QStringLiteral("associatedcompanyid"));
    }
    QVERIFY(askedForCompany);
}

void TestHubSpot::wrongTokenFailsWithHubSpotsMessage()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    const QList<StreamOutcome> outcomes = h.sync("pat-na1-wrong", false, {QStringLiteral("deals")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(
        outcomes.first().error.contains(QStringLiteral("Authentication credentials not found")),
        qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requests().first().header("authorization"),
             QByteArray("Bearer pat-na1-wrong"));
}

void TestHubSpot::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    hub.setObject(QStringLiteral("deals"), QStringLiteral("9001"),
                  deal(1, QStringLiteral("closedlost"), true, false), start);
    auto limited = FakeHttpServer::Response::json(
        "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
        "\"category\":\"RATE_LIMITS\"}",
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/crm/v3/objects/deals/search"), limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(count(h, QStringLiteral("/crm/v3/objects/deals/search")), 2);
}

void TestHubSpot::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    auto limited = FakeHttpServer::Response::json(
        "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
        "\"category\":\"RATE_LIMITS\"}",
        429);
    limited.withHeader("Retry-After", "3600");
    h.server().queueFault(QStringLiteral("/crm/v3/objects/deals/search"), limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(3000));
}

void TestHubSpot::validationErrorCarriesHubSpotsMessage()
{
    ConnectorHarness h(QStringLiteral("hubspot"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpot hub(h.server(), token);
    h.manifest().streams[2].request.body.insert(QStringLiteral("limit"), 500);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("deals")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("limit must be at most 200")),
             qPrintable(outcomes.first().error));
}

void TestHubSpot::rejectsUnknownSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("hubspot"));
    QVERIFY(manifest);
    QStringList problems;
    SettingsValidator(*manifest).parse({QStringLiteral("portal=123")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("has no setting \"portal\"")),
             qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestHubSpot)
#include "tst_hubspot.moc"
