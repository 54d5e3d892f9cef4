#include "connectorharness.h"
#include "fakemarketo.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QString clientId = QStringLiteral("4b1f7c2e-93d1-4a6b-8e0f-2c5d7a9b1e3f");
const QString clientSecret = QStringLiteral("Kx8rQ2mZ7vT1wY4nB6cD9fG3hJ5kL0pS");
const QByteArray credentials = (clientId + QLatin1Char(':') + clientSecret).toUtf8();
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QString programsPath = QStringLiteral("/rest/asset/v1/programs.json");
const QJsonObject munchkin{{QStringLiteral("munchkin_id"), QStringLiteral("123-ABC-456")}};

QJsonObject withLaunchTags()
{
    QJsonObject settings = munchkin;
    settings.insert(QStringLiteral("launch_tag_type"), QStringLiteral("Product"));
    settings.insert(QStringLiteral("launch_tags"), QJsonArray{QStringLiteral("Rocket 2.0")});
    return settings;
}

FakeHttpServer::Response marketoFailure(const char *code, const char *message)
{
    return FakeHttpServer::Response::json(
        QByteArray("{\"requestId\":\"1a2b#3c4d\",\"success\":false,\"errors\":[{\"code\":\"") +
        code + "\",\"message\":\"" + message + "\"}]}");
}

} // namespace

// The Marketo connector against a fake Marketo: identity endpoint and asset API programs.
class TestMarketo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void pagesThroughProgramsWithOneAccessToken();
    void secondRunAsksFromTheNewestUpdate();
    void mapsACompleteProgram();
    void launchTagsFillTheProductLaunch();
    void anExpiredTokenIsRenewedOnce();
    void wrongClientSecretFailsWithMarketosMessage();
    void waitsOutMarketosRateLimitCode();
    void longRateLimitEndsTheStreamRateLimited();
    void waitsOutAnHttp429();
    void errorCodeInTheBodyCarriesMarketosMessage();
    void rejectsMalformedSettings();
};

void TestMarketo::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("marketo.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("marketo"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::ClientCredentials);
    QVERIFY(manifest->auth.clientTokenParametersInQuery);
    QCOMPARE(manifest->errorBody.authCodes,
             (QStringList{QStringLiteral("601"), QStringLiteral("602")}));
    QCOMPARE(manifest->streams.size(), 2);
}

void TestMarketo::pagesThroughProgramsWithOneAccessToken()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    for (int n = 1; n <= 400; ++n)
        marketo.setProgram(1000 + n, QStringLiteral("Program %1").arg(n), QStringLiteral("Default"),
                           QStringLiteral("Webinar"), QString(), start.addSecs(n));
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QCOMPARE(outcomes.size(), 2);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    const StreamOutcome *programs = ConnectorHarness::find(outcomes, QStringLiteral("programs"));
    QVERIFY(programs);
    QCOMPARE(programs->records, 400);
    // Two full pages, then Marketo's "No assets found" page, read as the empty last page.
    QCOMPARE(programs->pages, 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 400);
    QStringList offsets;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path != programsPath)
            continue;
        offsets.append(request.query.queryItemValue(QStringLiteral("offset")));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("maxReturn")), QStringLiteral("200"));
        QCOMPARE(request.header("authorization"),
                 QByteArray("Bearer cdf01657-110d-4155-99a7-f986b2ff13a0:ab1"));
    }
    QCOMPARE(offsets,
             (QStringList{QStringLiteral("0"), QStringLiteral("200"), QStringLiteral("400")}));
    // One token from the identity endpoint serves every request; launch_programs has no
    // launch tags to read and is skipped.
    QCOMPARE(marketo.tokensIssued(), 1);
    const FakeHttpServer::Request identity = h.server().requests().first();
    QCOMPARE(identity.path, QStringLiteral("/identity/oauth/token"));
    QCOMPARE(identity.query.queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("client_credentials"));
    QCOMPARE(identity.query.queryItemValue(QStringLiteral("client_id")), clientId);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("launch_programs"))->records, 0);
}

void TestMarketo::secondRunAsksFromTheNewestUpdate()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    // Listed by id, not by update time: the newest update is on the first program.
    for (int n = 1; n <= 5; ++n)
        marketo.setProgram(1000 + n, QStringLiteral("Program %1").arg(n), QStringLiteral("Default"),
                           QStringLiteral("Content"), QString(), start.addSecs(60 * (6 - n)));
    QCOMPARE(h.sync(credentials, false, {QStringLiteral("programs")}).first().status,
             StreamOutcome::Status::Ok);
    QVERIFY(marketo.earliestUpdatedAt().isEmpty());
    marketo.setProgram(1004, QStringLiteral("Program 4 renamed"), QStringLiteral("Default"),
                       QStringLiteral("Content"), QString(), start.addSecs(3600));
    const QList<StreamOutcome> second = h.sync(credentials, false, {QStringLiteral("programs")});
    QVERIFY2(second.first().status == StreamOutcome::Status::Ok, qPrintable(second.first().error));
    QCOMPARE(marketo.earliestUpdatedAt(), QStringList{QStringLiteral("2026-03-02T09:05:00Z")});
    QCOMPARE(second.first().records, 2); // the boundary program again, and the change
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 5);
    QCOMPARE(h.row(QStringLiteral("SELECT name FROM campaigns WHERE external_id = '1004'"))
                 .value(0)
                 .toString(),
             QStringLiteral("Program 4 renamed"));
}

void TestMarketo::mapsACompleteProgram()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(1069, QStringLiteral("Rocket 2.0 launch email"), QStringLiteral("Email"),
                       QStringLiteral("Email Send"), QStringLiteral("unlocked"),
                       QDateTime(QDate(2026, 3, 3), QTime(22, 53, 15), Qt::UTC), {},
                       {{QStringLiteral("startDate"), QStringLiteral("2026-04-21T15:00:00.000Z")},
                        {QStringLiteral("endDate"), QStringLiteral("2026-04-22T15:00:00.000Z")}});
    marketo.setProgram(1070, QStringLiteral("Onboarding nurture"), QStringLiteral("Engagement"),
                       QStringLiteral("Nurture"), QStringLiteral("on"), start);
    marketo.setProgram(1071, QStringLiteral("Old nurture"), QStringLiteral("Engagement"),
                       QStringLiteral("Nurture"), QStringLiteral("off"), start);
    marketo.setProgram(1072, QStringLiteral("Approved email"), QStringLiteral("Email"),
                       QStringLiteral("Email Send"), QStringLiteral("locked"), start);
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, type, status, start_date, end_date, product_launch, "
        "updated_at, raw FROM campaigns WHERE external_id = '1069'"));
    QCOMPARE(row.size(), 9);
    QCOMPARE(row.at(0).toString(), QStringLiteral("1069"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Rocket 2.0 launch email"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Email Send"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("draft"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-04-21"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-04-22"));
    QVERIFY(row.at(6).isNull());
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-03-03T22:53:15Z"));
    const QJsonObject raw = QJsonDocument::fromJson(RawJson::unpack(row.at(8))).object();
    QCOMPARE(raw.value(QStringLiteral("type")).toString(), QStringLiteral("Email"));
    QCOMPARE(raw.value(QStringLiteral("folder")).toObject().value(QStringLiteral("folderName")),
             QJsonValue(QStringLiteral("Launches")));
    const auto status = [&h](int id) {
        return h
            .row(QStringLiteral("SELECT status FROM campaigns WHERE external_id = '%1'").arg(id))
            .value(0)
            .toString();
    };
    QCOMPARE(status(1070), QStringLiteral("active"));
    QCOMPARE(status(1071), QStringLiteral("completed"));
    QCOMPARE(status(1072), QStringLiteral("scheduled"));
}

void TestMarketo::launchTagsFillTheProductLaunch()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(withLaunchTags()), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(2001, QStringLiteral("Launch webinar"), QStringLiteral("Event with Webinar"),
                       QStringLiteral("Webinar"), QString(), start,
                       {{QStringLiteral("Region"), QStringLiteral("EMEA")},
                        {QStringLiteral("Product"), QStringLiteral("Rocket 2.0")}});
    marketo.setProgram(2002, QStringLiteral("Atlas webinar"), QStringLiteral("Event with Webinar"),
                       QStringLiteral("Webinar"), QString(), start,
                       {{QStringLiteral("Product"), QStringLiteral("Atlas")}});
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    for (const StreamOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == StreamOutcome::Status::Ok, qPrintable(outcome.error));
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("launch_programs"))->records, 1);
    QCOMPARE(h.row(QStringLiteral("SELECT product_launch, type FROM campaigns WHERE "
                                  "external_id = '2001'")),
             (QVariantList{QStringLiteral("Rocket 2.0"), QStringLiteral("Webinar")}));
    QVERIFY(h.row(QStringLiteral("SELECT product_launch FROM campaigns WHERE external_id = "
                                 "'2002'"))
                .value(0)
                .isNull());
    bool asked = false;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path == QLatin1String("/rest/asset/v1/program/byTag.json"))
            asked = request.query.queryItemValue(QStringLiteral("tagType")) ==
                        QLatin1String("Product") &&
                    request.query.queryItemValue(QStringLiteral("tagValue"), QUrl::FullyDecoded) ==
                        QLatin1String("Rocket 2.0");
    }
    QVERIFY(asked);
    // The programs stream does not map the launch, so a later change keeps it.
    marketo.setProgram(2001, QStringLiteral("Launch webinar (moved)"),
                       QStringLiteral("Event with Webinar"), QStringLiteral("Webinar"), QString(),
                       start.addSecs(600));
    QCOMPARE(h.sync(credentials, false, {QStringLiteral("programs")}).first().status,
             StreamOutcome::Status::Ok);
    QCOMPARE(
        h.row(QStringLiteral("SELECT name, product_launch FROM campaigns WHERE "
                             "external_id = '2001'")),
        (QVariantList{QStringLiteral("Launch webinar (moved)"), QStringLiteral("Rocket 2.0")}));
}

void TestMarketo::anExpiredTokenIsRenewedOnce()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(1001, QStringLiteral("Program"), QStringLiteral("Default"),
                       QStringLiteral("Content"), QString(), start);
    h.server().queueFault(programsPath, marketoFailure("602", "Access token expired"), 1);
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(marketo.tokensIssued(), 2);

    // A token that stays refused after renewal fails the stream with Marketo's words.
    h.server().queueFault(programsPath, marketoFailure("601", "Access token invalid"), 2);
    const QList<StreamOutcome> refused = h.sync(credentials, false, {QStringLiteral("programs")});
    QCOMPARE(refused.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(refused.first().error.contains(QStringLiteral("Access token invalid")),
             qPrintable(refused.first().error));
}

void TestMarketo::wrongClientSecretFailsWithMarketosMessage()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    const QList<StreamOutcome> outcomes = h.sync(
        (clientId + QStringLiteral(":wrong-secret")).toUtf8(), false, {QStringLiteral("programs")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Bad client credentials")),
             qPrintable(outcomes.first().error));
    QVERIFY(!outcomes.first().error.contains(QStringLiteral("wrong-secret")));
    QCOMPARE(h.server().requestCount(programsPath), 0);
}

void TestMarketo::waitsOutMarketosRateLimitCode()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(1001, QStringLiteral("Program"), QStringLiteral("Default"),
                       QStringLiteral("Content"), QString(), start);
    h.manifest().errorBody.rateLimitWaitSeconds = 1;
    h.server().queueFault(
        programsPath, marketoFailure("606", "Max rate limit '100' exceeded with in '20' secs"), 1);
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 1);
    QCOMPARE(h.server().requestCount(programsPath), 2);
}

void TestMarketo::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    // Marketo's own wait (20 s) is longer than the harness lets a stream wait.
    h.server().queueFault(
        programsPath, marketoFailure("606", "Max rate limit '100' exceeded with in '20' secs"), 5);
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt > QDateTime::currentDateTimeUtc().addSecs(10));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 0);
}

void TestMarketo::waitsOutAnHttp429()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(1001, QStringLiteral("Program"), QStringLiteral("Default"),
                       QStringLiteral("Content"), QString(), start);
    auto limited = FakeHttpServer::Response::json("{\"message\":\"Too Many Requests\"}", 429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(programsPath, limited, 1);
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(h.server().requestCount(programsPath), 2);
}

void TestMarketo::errorCodeInTheBodyCarriesMarketosMessage()
{
    ConnectorHarness h(QStringLiteral("marketo"));
    QVERIFY2(h.start(munchkin), qPrintable(h.error()));
    FakeMarketo marketo(h.server(), clientId, clientSecret);
    marketo.setProgram(1001, QStringLiteral("Program"), QStringLiteral("Default"),
                       QStringLiteral("Content"), QString(), start);
    h.manifest().streams[0].pagination.size = 500;
    const QList<StreamOutcome> outcomes = h.sync(credentials, false, {QStringLiteral("programs")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("701")) &&
                 outcomes.first().error.contains(QStringLiteral("maxReturn cannot exceed 200")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM campaigns")), 0);
}

void TestMarketo::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("marketo"));
    QVERIFY(manifest);
    const SettingsValidator validator(*manifest);
    QVERIFY(
        validator.check(QStringLiteral("munchkin_id"), QStringLiteral("123-ABC-456")).isEmpty());
    const QString problem =
        validator.check(QStringLiteral("munchkin_id"), QStringLiteral("123-ABC-456.mktorest.com"));
    QVERIFY2(problem.contains(QStringLiteral("not in the expected form")), qPrintable(problem));
    QStringList problems;
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1); // munchkin_id is required
    QVERIFY2(problems.first().contains(QStringLiteral("munchkin_id")),
             qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestMarketo)
#include "tst_marketo.moc"
