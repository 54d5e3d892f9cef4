#include "connectorharness.h"
#include "fakehubspotmarketing.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray token = "pat-na1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
const QDateTime start(QDate(2026, 2, 2), QTime(9, 0), Qt::UTC);
const QString campaignsPath = QStringLiteral("/marketing/v3/campaigns");
const QString emailsPath = QStringLiteral("/marketing/v3/emails");

QString guid(int n)
{
    return QStringLiteral("6f1d2c3b-4a59-4e8d-9c7b-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QJsonObject campaign(const QString &name, const QString &status)
{
    return {{QStringLiteral("hs_name"), name},
            {QStringLiteral("hs_campaign_status"), status},
            {QStringLiteral("hs_start_date"), QStringLiteral("2026-04-20")},
            {QStringLiteral("hs_end_date"), QStringLiteral("2026-05-15")},
            {QStringLiteral("hs_notes"), QStringLiteral("Launch plan in the wiki")},
            {QStringLiteral("hs_audience"), QStringLiteral("Existing customers")},
            {QStringLiteral("hs_utm"), QStringLiteral("rocket-2-launch")},
            {QStringLiteral("product_launch"), QStringLiteral("Rocket 2.0")}};
}

QJsonObject email(const QString &name, const QString &state, const QString &published = {})
{
    QJsonObject fields{{QStringLiteral("name"), name},
                       {QStringLiteral("subject"), QStringLiteral("Meet %1").arg(name)},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("type"), QStringLiteral("BATCH_EMAIL")},
                       {QStringLiteral("subcategory"), QStringLiteral("batch")},
                       {QStringLiteral("campaign"), guid(1)},
                       {QStringLiteral("campaignName"), QStringLiteral("Rocket 2.0 launch")},
                       {QStringLiteral("isPublished"), !published.isEmpty()},
                       {QStringLiteral("language"), QStringLiteral("en")}};
    if (!published.isEmpty())
        fields.insert(QStringLiteral("publishDate"), published);
    return fields;
}

QStringList afters(ConnectorHarness &h, const QString &path)
{
    QStringList values;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == path)
            values.append(request.query.queryItemValue(QStringLiteral("after")));
    }
    return values;
}

} // namespace

// The HubSpot Marketing connector against a fake of HubSpot's campaigns and marketing emails
// APIs.
class TestHubSpotMarketing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void pagesThroughCampaignsAndEmails();
    void secondRunReadsOnlyChangedEmails();
    void mapsACompleteCampaignWithItsLaunch();
    void mapsACompleteEmailAndKeepsItsStats();
    void withoutALaunchPropertyTheLaunchStaysEmpty();
    void wrongTokenFailsWithHubSpotsMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void validationErrorCarriesHubSpotsMessage();
    void rejectsMalformedSettings();
};

void TestHubSpotMarketing::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("hubspotmarketing.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("hubspotmarketing"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(manifest->category, QStringLiteral("marketing"));
    QCOMPARE(manifest->streams.size(), 2);
}

void TestHubSpotMarketing::pagesThroughCampaignsAndEmails()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    for (int n = 1; n <= 250; ++n)
        hub.setCampaign(guid(n),
                        campaign(QStringLiteral("Campaign %1").arg(n), QStringLiteral("active")),
                        start.addSecs(n));
    for (int n = 1; n <= 120; ++n)
        hub.setEmail(QString::number(90000 + n),
                     email(QStringLiteral("Email %1").arg(n), QStringLiteral("DRAFT")),
                     start.addSecs(n));
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 2);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const StreamOutcome *campaigns = ConnectorHarness::find(outcomes, QStringLiteral("campaigns"));
    const StreamOutcome *emails = ConnectorHarness::find(outcomes, QStringLiteral("emails"));
    QVERIFY(campaigns && emails);
    QCOMPARE(campaigns->records, 250);
    QCOMPARE(campaigns->pages, 3);
    QCOMPARE(emails->records, 120);
    QCOMPARE(emails->pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 370);
    QCOMPARE(afters(h, campaignsPath),
             (QStringList{QString(), QStringLiteral("100"), QStringLiteral("200")}));
    QCOMPARE(afters(h, emailsPath), (QStringList{QString(), QStringLiteral("100")}));
}

void TestHubSpotMarketing::secondRunReadsOnlyChangedEmails()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    for (int n = 1; n <= 5; ++n)
        hub.setEmail(QString::number(90000 + n),
                     email(QStringLiteral("Email %1").arg(n), QStringLiteral("DRAFT")),
                     start.addSecs(60 * n));
    QCOMPARE(h.sync(token, false, {QStringLiteral("emails")}).first().status,
             StreamOutcome::Status::Ok);
    QVERIFY(hub.updatedAfter().isEmpty());
    hub.setEmail(QStringLiteral("90002"),
                 email(QStringLiteral("Email 2"), QStringLiteral("SCHEDULED"),
                       QStringLiteral("2026-04-21T15:00:00Z")),
                 start.addSecs(3600));
    const QList<StreamOutcome> second = h.sync(token, false, {QStringLiteral("emails")});
    QVERIFY2(second.first().status == StreamOutcome::Status::Ok, qPrintable(second.first().error));
    // updatedAfter is strictly after: one second before the newest change read.
    QCOMPARE(hub.updatedAfter(), QStringList{QStringLiteral("2026-02-02T09:04:59Z")});
    QCOMPARE(second.first().records, 2); // the boundary email again, and the change
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 5);
    QCOMPARE(h.row(QStringLiteral("SELECT status, start_date FROM campaigns WHERE external_id = "
                                  "'90002'")),
             (QVariantList{QStringLiteral("scheduled"), QStringLiteral("2026-04-21")}));
}

void TestHubSpotMarketing::mapsACompleteCampaignWithItsLaunch()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({{QStringLiteral("launch_property"), QStringLiteral("product_launch")}}),
             qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    hub.setCampaign(guid(7),
                    campaign(QStringLiteral("Rocket 2.0 launch"), QStringLiteral("in_progress")),
                    QDateTime(QDate(2026, 3, 4), QTime(8, 30, 5, 371), Qt::UTC));
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("campaigns")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(hub.requestedProperties().first().endsWith(QStringLiteral(",product_launch")));
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, type, status, start_date, end_date, product_launch, "
        "updated_at FROM campaigns"));
    QCOMPARE(row.size(), 8);
    QCOMPARE(row.at(0).toString(), guid(7));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket 2.0 launch"));
    QVERIFY(row.at(2).isNull()); // a HubSpot campaign spans channels
    QCOMPARE(row.at(3).toString(), QStringLiteral("draft"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-04-20"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-05-15"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("Rocket 2.0"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-03-04T08:30:05.371Z"));

    const QList<QPair<QString, QString>> states{
        {QStringLiteral("planned"), QStringLiteral("draft")},
        {QStringLiteral("active"), QStringLiteral("active")},
        {QStringLiteral("paused"), QStringLiteral("active")},
        {QStringLiteral("completed"), QStringLiteral("completed")}};
    for (const auto &[hubspot, canonical] : states) {
        hub.setCampaign(guid(7), campaign(QStringLiteral("Rocket 2.0 launch"), hubspot), start);
        QCOMPARE(h.sync(token, false, {QStringLiteral("campaigns")}).first().status,
                 StreamOutcome::Status::Ok);
        QCOMPARE(h.row(QStringLiteral("SELECT status FROM campaigns")).value(0).toString(),
                 canonical);
    }
}

void TestHubSpotMarketing::mapsACompleteEmailAndKeepsItsStats()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    hub.setEmail(QStringLiteral("172846311"),
                 email(QStringLiteral("Rocket 2.0 announcement"), QStringLiteral("PUBLISHED"),
                       QStringLiteral("2026-04-22T14:00:00.000Z")),
                 QDateTime(QDate(2026, 4, 22), QTime(14, 0, 3), Qt::UTC));
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("emails")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, type, status, start_date, end_date, product_launch, "
        "updated_at, raw FROM campaigns"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), QStringLiteral("172846311"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket 2.0 announcement"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("email"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("completed"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-04-22"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-04-22"));
    QVERIFY(row.at(6).isNull());
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-04-22T14:00:03Z"));
    // Opens and clicks have no column: they stay in the raw record.
    const QJsonObject raw = QJsonDocument::fromJson(RawJson::unpack(row.at(8))).object();
    const QJsonObject counters =
        raw.value(QStringLiteral("stats")).toObject().value(QStringLiteral("counters")).toObject();
    QCOMPARE(counters.value(QStringLiteral("open")).toInt(), 2214);
    QCOMPARE(counters.value(QStringLiteral("click")).toInt(), 391);
    QCOMPARE(raw.value(QStringLiteral("campaign")).toString(), guid(1));
}

void TestHubSpotMarketing::withoutALaunchPropertyTheLaunchStaysEmpty()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    hub.setCampaign(guid(3), campaign(QStringLiteral("Spring webinar"), QStringLiteral("planned")),
                    start);
    QCOMPARE(h.sync(token, false, {QStringLiteral("campaigns")}).first().status,
             StreamOutcome::Status::Ok);
    QVERIFY(!hub.requestedProperties().first().contains(QStringLiteral("product_launch")));
    // Not the properties object: the planner's name rule needs an empty launch.
    QVERIFY(h.row(QStringLiteral("SELECT product_launch FROM campaigns")).value(0).isNull());
    QCOMPARE(h.row(QStringLiteral("SELECT name FROM campaigns")).value(0).toString(),
             QStringLiteral("Spring webinar"));
}

void TestHubSpotMarketing::wrongTokenFailsWithHubSpotsMessage()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    const QList<StreamOutcome> outcomes =
        h.sync("pat-na1-wrong", false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(
        outcomes.first().error.contains(QStringLiteral("Authentication credentials not found")),
        qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requests().first().header("authorization"),
             QByteArray("Bearer pat-na1-wrong"));
}

void TestHubSpotMarketing::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    hub.setEmail(QStringLiteral("1"), email(QStringLiteral("Hello"), QStringLiteral("DRAFT")),
                 start);
    auto limited = FakeHttpServer::Response::json(
        "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
        "\"category\":\"RATE_LIMITS\"}",
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(emailsPath, limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("emails")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(h.server().requestCount(emailsPath), 2);
}

void TestHubSpotMarketing::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    auto limited = FakeHttpServer::Response::json(
        "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
        "\"category\":\"RATE_LIMITS\"}",
        429);
    limited.withHeader("Retry-After", "3600");
    h.server().queueFault(campaignsPath, limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(3000));
}

void TestHubSpotMarketing::validationErrorCarriesHubSpotsMessage()
{
    ConnectorHarness h(QStringLiteral("hubspotmarketing"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeHubSpotMarketing hub(h.server(), token);
    for (auto &[name, value] : h.manifest().streams[1].request.query) {
        if (name == QLatin1String("limit"))
            value = QStringLiteral("500");
    }
    const QList<StreamOutcome> outcomes = h.sync(token, false, {QStringLiteral("emails")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("must be less than or equal to 100")),
             qPrintable(outcomes.first().error));
}

void TestHubSpotMarketing::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("hubspotmarketing"));
    QVERIFY(manifest);
    const SettingsValidator validator(*manifest);
    QVERIFY(validator.check(QStringLiteral("launch_property"), QStringLiteral("product_launch"))
                .isEmpty());
    const QString problem =
        validator.check(QStringLiteral("launch_property"), QStringLiteral("Product launch"));
    QVERIFY2(problem.contains(QStringLiteral("not in the expected form")), qPrintable(problem));
    QStringList problems;
    validator.parse({}, &problems);
    QVERIFY(problems.isEmpty()); // nothing is required
}

QTEST_GUILESS_MAIN(TestHubSpotMarketing)
#include "tst_hubspotmarketing.moc"
