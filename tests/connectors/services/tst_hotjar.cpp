#include "connectorharness.h"
#include "fakehotjar.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace {

const QString clientId = QStringLiteral("b7c1e0a4-5d2f-4c1e-9a77-0f3e2d1c4b5a");
const QString clientSecret = QStringLiteral("hj-secret-Q2w3E4r5T6y7U8i9");
const QByteArray credentials = (clientId + QLatin1Char(':') + clientSecret).toUtf8();
const QString site = QStringLiteral("3402118");
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString responsesPath(const QString &survey)
{
    return QStringLiteral("/v1/sites/%1/surveys/%2/responses").arg(site, survey);
}

QString failures(const QList<StreamOutcome> &outcomes)
{
    QStringList out;
    for (const StreamOutcome &o : outcomes) {
        if (o.status != StreamOutcome::Status::Ok)
            out.append(o.stream + QStringLiteral(": ") + o.error);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

// The Hotjar connector against a fake Hotjar site: an API key's client id and secret
// exchanged for a token, cursor pages of responses per survey, answers as the body.
class TestHotjar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryPageOfEverySurvey();
    void secondRunAddsNewResponsesWithoutDuplicates();
    void mapsACompleteResponse();
    void wrongCredentialsAreRefused();
    void waitsOutAShortRateLimit();
    void longRetryAfterEndsTheStreamRateLimited();
    void unknownSurveyFailsWithHotjarsMessage();
    void rejectsMalformedSettings();

private:
    static bool begin(ConnectorHarness &h, const QStringList &surveys = {QStringLiteral("88213")})
    {
        return h.start({{QStringLiteral("site_id"), site},
                        {QStringLiteral("surveys"), QJsonArray::fromStringList(surveys)}});
    }
};

void TestHotjar::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("hotjar.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("hotjar"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("research"));
    QCOMPARE(manifest->auth.type, AuthSpec::Type::ClientCredentials);
    QCOMPARE(manifest->streams.size(), 1);
    QCOMPARE(manifest->streams.first().target, QStringLiteral("feedback"));
    QCOMPARE(manifest->streams.first().forEach, QStringLiteral("surveys"));
}

void TestHotjar::syncsEveryPageOfEverySurvey()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h, {QStringLiteral("88213"), QStringLiteral("90412")}), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    for (int n = 1; n <= 230; ++n)
        hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(n, start.addSecs(n * 60)));
    for (int n = 301; n <= 340; ++n)
        hotjar.addResponse(QStringLiteral("90412"), FakeHotjar::response(n, start.addSecs(n * 60)));

    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QCOMPARE(outcomes.first().records, 270);
    QCOMPARE(outcomes.first().pages, 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 270);
    QCOMPARE(h.server().requestCount(responsesPath(QStringLiteral("88213"))), 3);
    QCOMPARE(h.server().requestCount(responsesPath(QStringLiteral("90412"))), 1);
    // Pages follow next_cursor: the id of the last response of the page before.
    QCOMPARE(hotjar.cursors(), QStringList({QString(), QStringLiteral("c55100131"),
                                            QStringLiteral("c55100031"), QString()}));
    QCOMPARE(hotjar.tokensIssued(), 1);
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.method != "GET")
            continue;
        QCOMPARE(request.header("authorization"), QByteArray("Bearer hjtok-1"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
    }
}

void TestHotjar::secondRunAddsNewResponsesWithoutDuplicates()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    for (int n = 1; n <= 150; ++n)
        hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(n, start.addSecs(n * 60)));
    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "first run");

    for (int n = 151; n <= 153; ++n)
        hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(n, start.addDays(1)));
    hotjar.clearLog();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));

    // Hotjar offers no filter by time, so the run lists the survey again from the newest
    // response; rows are updated in place, and only the three new ones are added.
    QCOMPARE(hotjar.cursors().first(), QString());
    QCOMPARE(hotjar.served(), 153);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 153);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM feedback")), 153);
}

void TestHotjar::mapsACompleteResponse()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    const QDateTime created(QDate(2026, 2, 3), QTime(10, 15, 22), Qt::UTC);
    hotjar.addResponse(QStringLiteral("88213"),
                       FakeHotjar::response(7, created, QStringLiteral("user-4471")));

    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "sync");
    const QVariantList row = h.row(
        QStringLiteral("SELECT external_id, author, title, body, score, score_kind, channel, url, "
                       "created_at, updated_at FROM feedback"));
    QCOMPARE(row.size(), 10);
    QCOMPARE(row.at(0).toString(), QStringLiteral("55100007"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("user-4471"));
    QCOMPARE(row.at(2).toString(),
             QStringLiteral("What almost stopped you from signing up today?"));
    QCOMPARE(row.at(3).toString(),
             QStringLiteral("The pricing page did not say if SSO is included (7).\n\nEasy"));
    QVERIFY(row.at(4).isNull());
    QVERIFY(row.at(5).isNull());
    QCOMPARE(row.at(6).toString(), QStringLiteral("hotjar survey"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("https://www.acme.example/pricing"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-02-03T10:15:22Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("2026-02-03T10:15:22Z"));

    // An anonymous response has no author.
    hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(8, created.addSecs(5)));
    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "second sync");
    QCOMPARE(
        h.scalar(QStringLiteral(
            "SELECT count(*) FROM feedback WHERE external_id = '55100008' AND author IS NULL")),
        1);
}

void TestHotjar::wrongCredentialsAreRefused()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(1, start));

    const QByteArray wrong = (clientId + QStringLiteral(":expired-secret")).toUtf8();
    const QList<StreamOutcome> outcomes = h.sync(wrong);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("Hotjar gave no access token")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("The API key is invalid or has expired")),
             qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("expired-secret")));
    QCOMPARE(h.server().requestCount(responsesPath(QStringLiteral("88213"))), 0);

    // The token endpoint got the form the OAuth client-credentials grant asks for.
    const FakeHttpServer::Request token = h.server().requests().first();
    QCOMPARE(token.method, QByteArray("POST"));
    QCOMPARE(token.path, QStringLiteral("/v1/oauth/token"));
    const QUrlQuery form(QString::fromUtf8(token.body));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")),
             QStringLiteral("client_credentials"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), clientId);
}

void TestHotjar::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    for (int n = 1; n <= 120; ++n)
        hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(n, start.addSecs(n)));
    FakeHttpServer::Response limited = FakeHotjar::error(429, QStringLiteral("too_many_requests"),
                                                         QStringLiteral("Rate limit exceeded"));
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(responsesPath(QStringLiteral("88213")), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 120);
    QCOMPARE(h.server().requestCount(responsesPath(QStringLiteral("88213"))), 3);
}

void TestHotjar::longRetryAfterEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(1, start));
    FakeHttpServer::Response limited = FakeHotjar::error(429, QStringLiteral("too_many_requests"),
                                                         QStringLiteral("Rate limit exceeded"));
    limited.withHeader("Retry-After", "600");
    h.server().queueFault(responsesPath(QStringLiteral("88213")), limited, 5);

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY2(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() - (before + 600)) <= 3,
             qPrintable(outcomes.first().resumeAt.toString(Qt::ISODate)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestHotjar::unknownSurveyFailsWithHotjarsMessage()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h, {QStringLiteral("88213"), QStringLiteral("404404")}), qPrintable(h.error()));
    FakeHotjar hotjar(h.server(), clientId, clientSecret, site);
    hotjar.addResponse(QStringLiteral("88213"), FakeHotjar::response(1, start));

    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("Survey 404404 does not exist on this site")),
             qPrintable(error));
    QVERIFY2(error.contains(responsesPath(QStringLiteral("404404"))), qPrintable(error));
    // The survey before it was synced and kept.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 1);
}

void TestHotjar::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("hotjar"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("site_id"), QStringLiteral("3402118")).isEmpty());
    const QString siteError =
        validator.check(QStringLiteral("site_id"), QStringLiteral("https://insights.hotjar.com"));
    QVERIFY2(siteError.contains(QStringLiteral("is not in the expected form")),
             qPrintable(siteError));
    const QString surveys =
        validator.check(QStringLiteral("surveys"), QStringLiteral("88213,NPS survey"));
    QVERIFY2(surveys.contains(QStringLiteral("NPS survey")), qPrintable(surveys));
    QStringList problems;
    validator.parse({QStringLiteral("site_id=3402118")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("surveys")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestHotjar)
#include "tst_hotjar.moc"
