#include "connectorharness.h"
#include "engine/requestbuilder.h"
#include "engine/sourcesettings.h"
#include "fakemailchimp.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray apiKey = "8f3c2a1b9d7e6f5a4c3b2a1908f7e6d5-us21";
const QDateTime start(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
const QString campaignsPath = QStringLiteral("/3.0/campaigns");

QString id(int n)
{
    return QStringLiteral("c%1").arg(n, 9, 16, QLatin1Char('0'));
}

QStringList queryValues(ConnectorHarness &h, const QString &name)
{
    QStringList values;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == campaignsPath)
            values.append(request.query.queryItemValue(name));
    }
    return values;
}

} // namespace

// The Mailchimp connector against a fake Mailchimp Marketing API (campaign list).
class TestMailchimp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void pagesThroughCampaignsWithCountAndOffset();
    void secondRunRereadsRecentCampaignsAndNewlySentOnes();
    void mapsACompleteCampaignAndKeepsItsReport();
    void mapsEveryStatusOntoTheLaunchPlannersStates();
    void dataCentreComesFromTheKey();
    void wrongKeyFailsWithMailchimpsMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void badRequestCarriesMailchimpsDetail();
    void rejectsMalformedSettings();
};

void TestMailchimp::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("mailchimp.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("mailchimp"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(manifest->category, QStringLiteral("marketing"));
    QCOMPARE(manifest->streams.size(), 2);
    for (const StreamSpec &stream : manifest->streams)
        QCOMPARE(stream.target, QStringLiteral("campaigns"));
}

void TestMailchimp::pagesThroughCampaignsWithCountAndOffset()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    for (int n = 1; n <= 2100; ++n)
        chimp.setCampaign(FakeMailchimp::campaign(id(n), QStringLiteral("Newsletter %1").arg(n),
                                                  QStringLiteral("save"), start.addSecs(n)));
    const QList<StreamOutcome> outcomes = h.sync(apiKey, false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 2100);
    QCOMPARE(outcomes.first().pages, 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 2100);
    QCOMPARE(queryValues(h, QStringLiteral("offset")),
             (QStringList{QStringLiteral("0"), QStringLiteral("1000"), QStringLiteral("2000")}));
    QCOMPARE(queryValues(h, QStringLiteral("count")),
             (QStringList{QStringLiteral("1000"), QStringLiteral("1000"), QStringLiteral("1000")}));
    QCOMPARE(queryValues(h, QStringLiteral("sort_field")).first(), QStringLiteral("create_time"));
    QCOMPARE(queryValues(h, QStringLiteral("sort_dir")).first(), QStringLiteral("ASC"));
    QVERIFY(chimp.sinceCreateTimes().isEmpty()); // a first sync reads everything
}

void TestMailchimp::secondRunRereadsRecentCampaignsAndNewlySentOnes()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    // An old launch draft, then one campaign every ten days.
    const QDateTime oldDraft = start.addDays(-90);
    chimp.setCampaign(FakeMailchimp::campaign(id(1), QStringLiteral("Rocket 2.0 launch email"),
                                              QStringLiteral("save"), oldDraft));
    for (int n = 2; n <= 6; ++n)
        chimp.setCampaign(FakeMailchimp::campaign(id(n), QStringLiteral("Newsletter %1").arg(n),
                                                  QStringLiteral("sent"), start.addDays(10 * n),
                                                  start.addDays(10 * n + 1)));
    const QList<StreamOutcome> first = h.sync(apiKey);
    for (const StreamOutcome &outcome : first)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 6);
    QVERIFY(chimp.sinceCreateTimes().isEmpty());
    QVERIFY(chimp.sinceSendTimes().isEmpty());

    // The old draft is sent, a recent campaign is renamed and a new one is drafted.
    chimp.setCampaign(FakeMailchimp::campaign(id(1), QStringLiteral("Rocket 2.0 launch email"),
                                              QStringLiteral("sent"), oldDraft, start.addDays(70)));
    chimp.setCampaign(FakeMailchimp::campaign(id(6), QStringLiteral("Newsletter six"),
                                              QStringLiteral("sent"), start.addDays(60),
                                              start.addDays(61)));
    chimp.setCampaign(FakeMailchimp::campaign(id(7), QStringLiteral("Webinar invite"),
                                              QStringLiteral("schedule"), start.addDays(69)));
    const QList<StreamOutcome> second = h.sync(apiKey);
    for (const StreamOutcome &outcome : second)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    // Creation times from 31 days before the newest seen; send times from 7 days before.
    QCOMPARE(chimp.sinceCreateTimes(), QStringList{QStringLiteral("2026-02-03T09:00:00Z")});
    QCOMPARE(chimp.sinceSendTimes(), QStringList{QStringLiteral("2026-02-28T09:00:00Z")});
    const StreamOutcome *created = ConnectorHarness::find(second, QStringLiteral("campaigns"));
    const StreamOutcome *sent = ConnectorHarness::find(second, QStringLiteral("sent_campaigns"));
    QVERIFY(created && sent);
    QCOMPARE(created->records, 5); // created since 3 February: campaigns 3 to 7
    QCOMPARE(sent->records, 2);    // the old draft, now sent, and campaign 6
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 7);
    QCOMPARE(
        h.row(QStringLiteral("SELECT status, start_date FROM campaigns WHERE external_id = '%1'")
                  .arg(id(1))),
        (QVariantList{QStringLiteral("completed"), QStringLiteral("2026-03-16")}));
    QCOMPARE(h.row(QStringLiteral("SELECT name FROM campaigns WHERE external_id = '%1'").arg(id(6)))
                 .value(0)
                 .toString(),
             QStringLiteral("Newsletter six"));
}

void TestMailchimp::mapsACompleteCampaignAndKeepsItsReport()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    chimp.setCampaign(FakeMailchimp::campaign(
        QStringLiteral("42694e9e57"), QStringLiteral("Rocket 2.0 announcement"),
        QStringLiteral("sent"), QDateTime(QDate(2026, 3, 1), QTime(14, 5, 11), Qt::UTC),
        QDateTime(QDate(2026, 3, 3), QTime(15, 0), Qt::UTC)));
    const QList<StreamOutcome> outcomes = h.sync(apiKey);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, type, status, start_date, end_date, product_launch, "
        "updated_at, raw FROM campaigns"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), QStringLiteral("42694e9e57"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket 2.0 announcement"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("email"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("completed"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-03-03"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-03-03"));
    // No launch name in Mailchimp's campaign: left empty so the planner's name rule applies.
    QVERIFY(row.at(6).isNull());
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-03-03T15:00:00Z"));
    // Opens and clicks have no column: they stay in the record as received.
    const QJsonObject raw = QJsonDocument::fromJson(RawJson::unpack(row.at(8))).object();
    const QJsonObject report = raw.value(QStringLiteral("report_summary")).toObject();
    QCOMPARE(report.value(QStringLiteral("opens")).toInt(), 1893);
    QCOMPARE(report.value(QStringLiteral("clicks")).toInt(), 411);
    QCOMPARE(report.value(QStringLiteral("click_rate")).toDouble(), 0.0682);

    // A campaign without a title is named by its subject line.
    QJsonObject untitled =
        FakeMailchimp::campaign(QStringLiteral("b7c1d2e3f4"), QString(), QStringLiteral("save"),
                                QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    QJsonObject settings = untitled.value(QStringLiteral("settings")).toObject();
    settings.insert(QStringLiteral("subject_line"), QStringLiteral("Spring product news"));
    untitled.insert(QStringLiteral("settings"), settings);
    chimp.setCampaign(untitled);
    QCOMPARE(h.sync(apiKey, false, {QStringLiteral("campaigns")}).first().status,
             StreamOutcome::Status::Ok);
    const QVariantList draft = h.row(QStringLiteral(
        "SELECT name, status, start_date, updated_at FROM campaigns WHERE external_id = "
        "'b7c1d2e3f4'"));
    QCOMPARE(draft.size(), 4);
    QCOMPARE(draft.at(0).toString(), QStringLiteral("Spring product news"));
    QCOMPARE(draft.at(1).toString(), QStringLiteral("draft"));
    QVERIFY(draft.at(2).isNull()); // not sent: no day yet
    QCOMPARE(draft.at(3).toString(), QStringLiteral("2026-03-02T10:00:00Z"));
}

void TestMailchimp::mapsEveryStatusOntoTheLaunchPlannersStates()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    const QList<QPair<QString, QString>> expected{
        {QStringLiteral("save"), QStringLiteral("draft")},
        {QStringLiteral("schedule"), QStringLiteral("scheduled")},
        {QStringLiteral("sending"), QStringLiteral("active")},
        {QStringLiteral("paused"), QStringLiteral("active")},
        {QStringLiteral("sent"), QStringLiteral("completed")},
        {QStringLiteral("canceled"), QStringLiteral("completed")}};
    for (int n = 0; n < expected.size(); ++n)
        chimp.setCampaign(FakeMailchimp::campaign(id(n), QStringLiteral("Campaign %1").arg(n),
                                                  expected.at(n).first, start.addSecs(n)));
    QCOMPARE(h.sync(apiKey, false, {QStringLiteral("campaigns")}).first().status,
             StreamOutcome::Status::Ok);
    for (int n = 0; n < expected.size(); ++n)
        QCOMPARE(
            h.row(
                 QStringLiteral("SELECT status FROM campaigns WHERE external_id = '%1'").arg(id(n)))
                .value(0)
                .toString(),
            expected.at(n).second);
}

void TestMailchimp::dataCentreComesFromTheKey()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("mailchimp"));
    QVERIFY(manifest);
    QString error;
    const QJsonObject fromKey = SourceSettings::withSecretParts(*manifest, {}, apiKey);
    QCOMPARE(fromKey.value(QStringLiteral("data_center")).toString(), QStringLiteral("us21"));
    QCOMPARE(RequestBuilder::baseUrl(manifest->defaultBaseUrl, *manifest, fromKey, &error),
             QUrl(QStringLiteral("https://us21.api.mailchimp.com/3.0")));
    // A data centre the source sets (an OAuth token has none) wins over the key.
    const QJsonObject set = SourceSettings::withSecretParts(
        *manifest, {{QStringLiteral("data_center"), QStringLiteral("us6")}}, apiKey);
    QCOMPARE(RequestBuilder::baseUrl(manifest->defaultBaseUrl, *manifest, set, &error),
             QUrl(QStringLiteral("https://us6.api.mailchimp.com/3.0")));

    // Through a sync: the fake serves the data centre's path, which only the key names.
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/{settings.data_center}/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey, QStringLiteral("/us21/3.0"));
    chimp.setCampaign(
        FakeMailchimp::campaign(id(1), QStringLiteral("Hello"), QStringLiteral("save"), start));
    const QList<StreamOutcome> outcomes = h.sync(apiKey, false, {QStringLiteral("campaigns")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requestCount(QStringLiteral("/us21/3.0/campaigns")), 1);

    // An OAuth token carries no data centre: without the setting the stream says what to set.
    const QList<StreamOutcome> oauth =
        h.sync("2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c", false, {QStringLiteral("campaigns")});
    QCOMPARE(oauth.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(oauth.first().error.contains(QStringLiteral("needs the setting \"data_center\"")),
             qPrintable(oauth.first().error));
}

void TestMailchimp::wrongKeyFailsWithMailchimpsMessage()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    const QByteArray wrong = "00000000000000000000000000000000-us21";
    const QList<StreamOutcome> outcomes = h.sync(wrong, false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Your API key may be invalid")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requests().first().header("authorization"), "Bearer " + wrong);
}

void TestMailchimp::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    chimp.setCampaign(
        FakeMailchimp::campaign(id(1), QStringLiteral("Hello"), QStringLiteral("save"), start));
    auto limited = FakeHttpServer::Response::json(
        "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\","
        "\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"You have exceeded the "
        "limit of 10 simultaneous connections.\",\"instance\":\"\"}",
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(campaignsPath, limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(apiKey, false, {QStringLiteral("campaigns")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(h.server().requestCount(campaignsPath), 2);
}

void TestMailchimp::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    auto limited = FakeHttpServer::Response::json(
        "{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Slow down.\"}", 429);
    limited.withHeader("Retry-After", "3600");
    h.server().queueFault(campaignsPath, limited, 5);
    const QList<StreamOutcome> outcomes = h.sync(apiKey, false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(3000));
}

void TestMailchimp::badRequestCarriesMailchimpsDetail()
{
    ConnectorHarness h(QStringLiteral("mailchimp"));
    QVERIFY2(h.start({}, QStringLiteral("/3.0")), qPrintable(h.error()));
    FakeMailchimp chimp(h.server(), apiKey);
    h.manifest().streams[0].pagination.size = 5000;
    const QList<StreamOutcome> outcomes = h.sync(apiKey, false, {QStringLiteral("campaigns")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("The count parameter must be between 1 and 1000.")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 0);
}

void TestMailchimp::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("mailchimp"));
    QVERIFY(manifest);
    const SettingsValidator validator(*manifest);
    QVERIFY(validator.check(QStringLiteral("data_center"), QStringLiteral("us21")).isEmpty());
    const QString problem =
        validator.check(QStringLiteral("data_center"), QStringLiteral("us21.api.mailchimp.com"));
    QVERIFY2(problem.contains(QStringLiteral("not in the expected form")), qPrintable(problem));
    QStringList problems;
    const QJsonObject settings = validator.parse({}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')))); // from the key
    QVERIFY(!settings.contains(QStringLiteral("data_center")));
    validator.parse({QStringLiteral("datacenter=us21")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("\"datacenter\"")),
             qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestMailchimp)
#include "tst_mailchimp.moc"
