#include "auth/oauthflow.h"
#include "databasewriter.h"
#include "engine/streamhook.h"
#include "engine/syncengine.h"
#include "fakegithub.h"
#include "fakehttpserver.h"
#include "fakeoauthserver.h"
#include "manifest/connectorregistry.h"
#include "manifest/manifestparser.h"
#include "rawjson.h"
#include "sourcestore.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

// The sync engine against a fake GitHub speaking real HTTP on loopback.
class TestSyncEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void syncsEveryPageOfEveryStream();
    void resumesIncrementallyWithTiesOnTheCursor();
    void sendsTheCursorInTheStreamsFormatWithItsLookback();
    void aCursorCommittedAtTheEndWaitsForTheLastPage();
    void aFailedPageChangesNothing_data();
    void aFailedPageChangesNothing();
    void retriesUntilThePageComes();
    void rateLimitStopsWithAResumeTime();
    void oneFailingStreamDoesNotStopTheOthers();
    void anEmptyListSkipsItsStreamOnlyWhenOptional();
    void refusedCredentialsAreExplained();
    void cancelKeepsWhatWasCommitted();
    void renewsAnExpiredAccessTokenOnce();
    void runsTheStreamsHook();

private:
    QList<StreamOutcome> sync(const QString &token = QStringLiteral("TOKEN"), bool full = false,
                              const QStringList &streams = {});
    qint64 scalar(const QString &sql) const;
    void addIssues(int count, const QDateTime &from, int tieEvery = 7);
    static const StreamOutcome *find(const QList<StreamOutcome> &outcomes, const QString &stream);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<FakeGitHub> m_github;
    ConnectorManifest m_manifest;
    Source m_source;
};

void TestSyncEngine::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_server->requireHeader("authorization", "Bearer TOKEN");
    m_github = std::make_unique<FakeGitHub>(*m_server);

    const ConnectorRegistry registry = ConnectorRegistry::load();
    m_manifest = *registry.find(QStringLiteral("github"));
    // Quick retries, so that the fault tests take milliseconds rather than seconds.
    m_manifest.retry.backoffMs = 20;
    m_manifest.retry.timeoutMs = 1500;
    m_manifest.retry.maxWaitSeconds = 2;

    m_source.kind = QStringLiteral("github");
    m_source.name = QStringLiteral("gh");
    m_source.baseUrl = m_server->baseUrl().toString();
    m_source.settings =
        QJsonObject{{QStringLiteral("repositories"), QJsonArray{QStringLiteral("acme/rocket")}}};
    const WriteResult added = m_db->writer()->run(
        [this](QSqlDatabase &db, QString *error) { return SourceStore(db).add(m_source, error); });
    QVERIFY2(added.ok, qPrintable(added.error));
}

void TestSyncEngine::cleanup()
{
    m_github.reset();
    m_server.reset();
    m_db.reset();
    m_workspace.reset();
}

QList<StreamOutcome> TestSyncEngine::sync(const QString &token, bool full,
                                          const QStringList &streams)
{
    SyncEngine engine(m_db.get());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    SyncEngine::Options options;
    options.full = full;
    engine.start({SyncTarget{m_source, m_manifest, Credentials{token.toUtf8()}, streams}}, options);
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<QList<StreamOutcome>>();
}

qint64 TestSyncEngine::scalar(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestSyncEngine::addIssues(int count, const QDateTime &from, int tieEvery)
{
    QDateTime updated = from;
    for (int number = 1; number <= count; ++number) {
        // Runs of records share one updated_at, as bulk edits make them do.
        if (number % tieEvery != 0)
            updated = updated.addSecs(37);
        m_github->setIssue(number, updated, number % 5 == 0,
                           number % 3 == 0 ? updated : QDateTime());
    }
}

const StreamOutcome *TestSyncEngine::find(const QList<StreamOutcome> &outcomes,
                                          const QString &stream)
{
    for (const StreamOutcome &outcome : outcomes) {
        if (outcome.stream == stream)
            return &outcome;
    }
    return nullptr;
}

void TestSyncEngine::syncsEveryPageOfEveryStream()
{
    addIssues(530, QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC));
    for (int r = 1; r <= 3; ++r)
        m_github->setRelease(r, QDateTime(QDate(2026, r, 15), QTime(12, 0), Qt::UTC));
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcomes.size(), 4); // issues, pull requests, releases, milestones
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->records, 424);
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->pages, 6);
    QCOMPARE(find(outcomes, QStringLiteral("pull_requests"))->records, 106);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'issue'")), 424);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'pull_request'")),
             106);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM releases")), 3);
    // Every row keeps the record as received, and the mapping took the right fields.
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(
        QStringLiteral("SELECT external_id, title, url, raw, resolved_at FROM work_items "
                       "WHERE kind = 'issue' ORDER BY created_at LIMIT 1")));
    QVERIFY(query.next());
    // Kept compressed, and exactly as the service sent it.
    QVERIFY(query.value(3).typeId() == QMetaType::QByteArray);
    const QByteArray rawBytes = RawJson::unpack(query.value(3));
    QVERIFY(query.value(3).toByteArray().startsWith("\x28\xb5\x2f\xfd")); // a zstd frame
    QVERIFY(query.value(3).toByteArray().size() < rawBytes.size() * 2 / 3);
    const QJsonObject raw = QJsonDocument::fromJson(rawBytes).object();
    QCOMPARE(rawBytes, QJsonDocument(m_github->issue(raw.value(QStringLiteral("number")).toInt()))
                           .toJson(QJsonDocument::Compact));
    QCOMPARE(query.value(0).toString(),
             QString::number(raw.value(QStringLiteral("id")).toInteger()));
    QCOMPARE(query.value(1).toString(), raw.value(QStringLiteral("title")).toString());
    QCOMPARE(query.value(2).toString(), raw.value(QStringLiteral("html_url")).toString());
    QVERIFY(raw.contains(QStringLiteral("node_id")));
    // The runs are recorded per stream, and the cursor is the newest update seen.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_runs WHERE status = 'ok'")), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT sum(records) FROM sync_runs")), 533);
    QSqlQuery cursor(m_db->connection());
    QVERIFY(cursor.exec(
        QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'issues:acme/rocket'")));
    QVERIFY(cursor.next());
    QCOMPARE(QDateTime::fromString(cursor.value(0).toString(), Qt::ISODateWithMs),
             QDateTime::fromString(
                 m_github->issue(530).value(QStringLiteral("updated_at")).toString(), Qt::ISODate));
    // Every request carried the token in GitHub's form.
    for (const FakeHttpServer::Request &request : m_server->requests())
        QCOMPARE(request.header("authorization"), QByteArray("Bearer TOKEN"));
}

void TestSyncEngine::resumesIncrementallyWithTiesOnTheCursor()
{
    const QDateTime start(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    addIssues(250, start, 4);
    QList<StreamOutcome> outcomes = sync();
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Ok);
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM work_items"));
    QCOMPARE(before, 250);
    const QDateTime boundary = QDateTime::fromString(
        m_github->issue(250).value(QStringLiteral("updated_at")).toString(), Qt::ISODate);

    // New records land on the very second of the cursor, one old record changes.
    m_github->setIssue(251, boundary);
    m_github->setIssue(252, boundary);
    m_github->setIssue(17, boundary.addSecs(60), false, {},
                       QStringLiteral("Renamed after the first sync"));
    m_server->clearRequests();
    outcomes = sync();
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Ok);

    // The second run asked only for what changed since the cursor, boundary included...
    const QList<FakeHttpServer::Request> requests = m_server->requests();
    QVERIFY(!requests.isEmpty());
    const QString since =
        requests.first().query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    QCOMPARE(QDateTime::fromString(since, Qt::ISODate), boundary);
    // ...and the workspace holds exactly the repository's records, none twice.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 252);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM work_items")), 252);
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT title FROM work_items WHERE external_id = '%1'")
                           .arg(m_github->issue(17).value(QStringLiteral("id")).toInteger())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Renamed after the first sync"));
}

// Jira's JQL takes minutes in a pattern of its own and lags behind: the cursor is sent in
// the stream's pattern, a lookback before the stored time, and an initial value comes first.
void TestSyncEngine::sendsTheCursorInTheStreamsFormatWithItsLookback()
{
    for (StreamSpec &stream : m_manifest.streams) {
        stream.cursor.format = QStringLiteral("yyyy/MM/dd HH:mm");
        stream.cursor.lookbackSeconds = 3600;
        stream.cursor.initial = QStringLiteral("1970/01/01 00:00");
    }
    const QDateTime start(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    addIssues(30, start);
    m_server->clearRequests();
    QCOMPARE(find(sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")}),
                  QStringLiteral("issues"))
                 ->status,
             StreamOutcome::Status::Ok);
    QCOMPARE(m_server->requests().first().query.queryItemValue(QStringLiteral("since"),
                                                               QUrl::FullyDecoded),
             QStringLiteral("1970/01/01 00:00"));
    const QDateTime newest = QDateTime::fromString(
        m_github->issue(30).value(QStringLiteral("updated_at")).toString(), Qt::ISODate);

    m_server->clearRequests();
    QCOMPARE(find(sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")}),
                  QStringLiteral("issues"))
                 ->status,
             StreamOutcome::Status::Ok);
    QCOMPARE(m_server->requests().first().query.queryItemValue(QStringLiteral("since"),
                                                               QUrl::FullyDecoded),
             newest.addSecs(-3600).toString(QStringLiteral("yyyy/MM/dd HH:mm")));
}

// For services that list newest first: pages are written as they come, but the cursor only
// with the last one, so a sync interrupted half-way never skips what it did not read.
void TestSyncEngine::aCursorCommittedAtTheEndWaitsForTheLastPage()
{
    for (StreamSpec &stream : m_manifest.streams)
        stream.cursor.commitAtEnd = true;
    addIssues(300, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC), 1000);
    // As many failures as attempts: this sync gives up on page 3, the next one gets it.
    m_github->failIssuePage(3, FakeHttpServer::Response::json(R"({"message":"Server Error"})", 500),
                            m_manifest.retry.maxAttempts);
    QList<StreamOutcome> outcomes =
        sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")});
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Failed);
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->pages, 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 160);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);

    m_server->clearRequests();
    outcomes = sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")});
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Ok);
    // Nothing was saved, so everything was asked for again; now the newest time is kept.
    QVERIFY(!m_server->requests().first().query.hasQueryItem(QStringLiteral("since")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 240);
    QSqlQuery cursor(m_db->connection());
    QVERIFY(cursor.exec(QStringLiteral("SELECT cursor FROM sync_state")) && cursor.next());
    QCOMPARE(QDateTime::fromString(cursor.value(0).toString(), Qt::ISODateWithMs),
             QDateTime::fromString(
                 m_github->issue(300).value(QStringLiteral("updated_at")).toString(), Qt::ISODate));
}

void TestSyncEngine::aFailedPageChangesNothing_data()
{
    using R = FakeHttpServer::Response;
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("retried");
    QTest::addColumn<QString>("message");
    QTest::newRow("500") << 500 << int(R::Fault::None)
                         << QByteArray(R"({"message":"Server Error"})") << true
                         << QStringLiteral("500");
    QTest::newRow("502 html") << 502 << int(R::Fault::None)
                              << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                              << true << QStringLiteral("502");
    QTest::newRow("503") << 503 << int(R::Fault::None) << QByteArray("{}") << true
                         << QStringLiteral("503");
    QTest::newRow("truncated") << 200 << int(R::Fault::TruncateBody) << QByteArray() << true
                               << QStringLiteral("truncated");
    QTest::newRow("timeout") << 200 << int(R::Fault::DelayMs) << QByteArray() << true << QString();
    QTest::newRow("malformed json")
        << 200 << int(R::Fault::None) << QByteArray(R"([{"id": 1, "title": )") << false
        << QStringLiteral("not valid JSON");
    QTest::newRow("html instead of json")
        << 200 << int(R::Fault::None)
        << QByteArray("<!DOCTYPE html><html><title>Sign in</title></html>") << false
        << QStringLiteral("HTML page");
    QTest::newRow("not a list") << 200 << int(R::Fault::None)
                                << QByteArray(R"({"message":"Moved Permanently"})") << false
                                << QStringLiteral("expected a list of records");
}

void TestSyncEngine::aFailedPageChangesNothing()
{
    QFETCH(int, status);
    QFETCH(int, fault);
    QFETCH(QByteArray, body);
    QFETCH(bool, retried);
    QFETCH(QString, message);
    addIssues(300, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC), 1000);
    FakeHttpServer::Response response = FakeHttpServer::Response::faulty(
        FakeHttpServer::Response::Fault(fault),
        fault == int(FakeHttpServer::Response::Fault::DelayMs) ? 4000 : 0);
    response.status = status;
    if (!body.isEmpty())
        response.body = body;
    m_github->failIssuePage(2, response, 10);

    const QList<StreamOutcome> outcomes =
        sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")});
    const StreamOutcome *issues = find(outcomes, QStringLiteral("issues"));
    QVERIFY(issues);
    QCOMPARE(issues->status, StreamOutcome::Status::Failed);
    QVERIFY2(issues->error.contains(message), qPrintable(issues->error));
    QVERIFY2(issues->error.contains(QStringLiteral("page=2")), qPrintable(issues->error));
    // Page 1 is in, nothing of page 2 and beyond, and the cursor stops at page 1.
    QCOMPARE(issues->pages, 1);
    const qint64 page1Issues = scalar(QStringLiteral("SELECT count(*) FROM work_items"));
    QCOMPARE(page1Issues, 80); // 100 records on page 1, of which every fifth is a pull request
    QSqlQuery cursor(m_db->connection());
    QVERIFY(cursor.exec(QStringLiteral("SELECT cursor FROM sync_state")) && cursor.next());
    QCOMPARE(QDateTime::fromString(cursor.value(0).toString(), Qt::ISODateWithMs),
             QDateTime::fromString(
                 m_github->issue(100).value(QStringLiteral("updated_at")).toString(), Qt::ISODate));
    // Retried as many times as the policy says, and no more; a bad body is not retried.
    int page2Requests = 0;
    for (const FakeHttpServer::Request &request : m_server->requests()) {
        if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
            ++page2Requests;
    }
    QCOMPARE(page2Requests, retried ? m_manifest.retry.maxAttempts : 1);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM sync_runs WHERE status = 'failed' AND error IS NOT NULL")),
             1);
}

void TestSyncEngine::retriesUntilThePageComes()
{
    addIssues(250, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    FakeHttpServer::Response unavailable =
        FakeHttpServer::Response::json(R"({"message":"Service Unavailable"})", 503);
    m_github->failIssuePage(2, unavailable, 2);
    const QList<StreamOutcome> outcomes =
        sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")});
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Ok);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 200);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM work_items")), 200);
}

void TestSyncEngine::rateLimitStopsWithAResumeTime()
{
    addIssues(250, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 3000;
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"})",
        403);
    limited.withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", QByteArray::number(reset));
    m_github->failIssuePage(2, limited, 5);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes =
        sync(QStringLiteral("TOKEN"), false, {QStringLiteral("issues")});
    QVERIFY(timer.elapsed() < 10000); // it did not sleep until the reset
    const StreamOutcome *issues = find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::RateLimited);
    QCOMPARE(issues->resumeAt.toSecsSinceEpoch(), reset);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_runs WHERE status = 'rate_limited' "
                                   "AND resume_at IS NOT NULL")),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 80);
}

void TestSyncEngine::oneFailingStreamDoesNotStopTheOthers()
{
    addIssues(120, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    m_server->queueFault(m_github->path(QStringLiteral("releases")),
                         FakeHttpServer::Response::json(R"({"message":"Server Error"})", 500), 10);
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcomes.size(), 4); // issues, pull requests, releases, milestones
    QCOMPARE(find(outcomes, QStringLiteral("issues"))->status, StreamOutcome::Status::Ok);
    QCOMPARE(find(outcomes, QStringLiteral("pull_requests"))->status, StreamOutcome::Status::Ok);
    QCOMPARE(find(outcomes, QStringLiteral("releases"))->status, StreamOutcome::Status::Failed);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 120);
}

void TestSyncEngine::anEmptyListSkipsItsStreamOnlyWhenOptional()
{
    m_source.settings = QJsonObject{{QStringLiteral("repositories"), QJsonArray()}};
    QList<StreamOutcome> outcomes =
        sync(QStringLiteral("TOKEN"), false, {QStringLiteral("releases")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("lists nothing to sync")),
             qPrintable(outcomes.first().error));
    for (SettingSpec &setting : m_manifest.settings)
        setting.required = false;
    outcomes = sync(QStringLiteral("TOKEN"), false, {QStringLiteral("releases")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 0);
    QVERIFY(m_server->requests().isEmpty());
}

void TestSyncEngine::refusedCredentialsAreExplained()
{
    addIssues(10, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    const QList<StreamOutcome> outcomes =
        sync(QStringLiteral("WRONG"), false, {QStringLiteral("issues")});
    const StreamOutcome *issues = find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::Failed);
    QVERIFY2(issues->error.contains(QStringLiteral("refused the credentials")),
             qPrintable(issues->error));
    QVERIFY2(issues->error.contains(QStringLiteral("Bad credentials")), qPrintable(issues->error));
    QVERIFY(!issues->error.contains(QStringLiteral("WRONG")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestSyncEngine::cancelKeepsWhatWasCommitted()
{
    addIssues(600, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC), 1000);
    // Page 3 is slow, so the cancel arrives while it is in flight.
    FakeHttpServer::Response slow =
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::DelayMs, 1000);
    m_github->failIssuePage(3, slow, 1);
    SyncEngine engine(m_db.get());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QSignalSpy progress(&engine, &SyncEngine::progress);
    engine.start(
        {SyncTarget{m_source, m_manifest, Credentials{"TOKEN"}, {QStringLiteral("issues")}}}, {});
    QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 2, 10000);
    engine.cancel();
    QVERIFY(finished.wait(10000));
    const auto outcomes = finished.first().first().value<QList<StreamOutcome>>();
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Cancelled);
    const qint64 rows = scalar(QStringLiteral("SELECT count(*) FROM work_items"));
    QCOMPARE(rows, qint64(outcomes.first().pages) * 80); // whole pages only
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_runs WHERE status = 'cancelled'")),
             1);
}

void TestSyncEngine::renewsAnExpiredAccessTokenOnce()
{
    addIssues(150, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    FakeOAuthServer oauth;
    QVERIFY(oauth.listen());
    // Sign in once, the way the app does, to get real tokens from the authorization server.
    OAuthConfig config;
    config.authorizeUrl = oauth.authorizeUrl();
    config.tokenUrl = oauth.tokenUrl();
    config.clientId = oauth.clientId();
    QNetworkAccessManager browserNetwork;
    QNetworkAccessManager flowNetwork;
    OAuthFlow flow(config, &flowNetwork);
    flow.setBrowserOpener([&browserNetwork](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browserNetwork.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    QSignalSpy signedIn(&flow, &OAuthFlow::finished);
    flow.start();
    QVERIFY(signedIn.wait(20000));
    const OAuthTokens first = signedIn.first().first().value<OAuthTokens>();
    QVERIFY(!first.refreshToken.isEmpty());

    // The service now refuses the first access token, as it does once a token expires.
    m_server->clearRequiredHeaders();
    FakeOAuthServer *authority = &oauth;
    const QByteArray expired = "Bearer " + first.accessToken;
    m_server->requireAuthorization([authority, expired](const QByteArray &authorization) {
        if (authorization == expired || !authorization.startsWith("Bearer "))
            return false;
        bool valid = false;
        QMetaObject::invokeMethod(
            authority, [&] { valid = authority->isAccessTokenValid(authorization.mid(7)); },
            Qt::BlockingQueuedConnection);
        return valid;
    });
    m_manifest.auth.type = AuthSpec::Type::OAuth2;
    m_manifest.auth.authorizeUrl = oauth.authorizeUrl();
    m_manifest.auth.tokenUrl = oauth.tokenUrl();
    m_source.settings.insert(QStringLiteral("client_id"), oauth.clientId());

    SyncEngine engine(m_db.get());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QSignalSpy refreshed(&engine, &SyncEngine::credentialsRefreshed);
    Credentials credentials;
    credentials.token = first.accessToken;
    credentials.refreshToken = first.refreshToken;
    engine.start({SyncTarget{m_source, m_manifest, credentials, {QStringLiteral("issues")}}}, {});
    QVERIFY(finished.wait(30000));
    const auto outcomes = finished.first().first().value<QList<StreamOutcome>>();
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 120);
    // Renewed once, and the renewed tokens are handed out to be stored.
    QCOMPARE(refreshed.size(), 1);
    const QByteArray newAccess = refreshed.first().at(1).toByteArray();
    const QByteArray newRefresh = refreshed.first().at(2).toByteArray();
    QVERIFY(newAccess != first.accessToken && oauth.isAccessTokenValid(newAccess));
    QVERIFY(newRefresh != first.refreshToken && oauth.isRefreshTokenValid(newRefresh));
    QVERIFY(!oauth.isRefreshTokenValid(first.refreshToken)); // rotated: the old one is spent

    // With the grant gone, the stream fails and says how to fix it.
    SyncEngine again(m_db.get());
    QSignalSpy againFinished(&again, &SyncEngine::finished);
    again.start({SyncTarget{m_source, m_manifest, credentials, {QStringLiteral("issues")}}},
                {SyncEngine::Options{true}});
    QVERIFY(againFinished.wait(30000));
    const auto failed = againFinished.first().first().value<QList<StreamOutcome>>();
    QCOMPARE(failed.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(failed.first().error.contains(QStringLiteral("refused the credentials")),
             qPrintable(failed.first().error));
}

namespace {

// What a service-specific hook does: here, a service that prefixes its JSON with )]}' to stop
// it being run as a script, and wants a header on the first request.
class GuardedJsonHook : public StreamHook
{
public:
    bool prepareRequest(HttpRequest &request, const Source &source, const StreamSpec &,
                        QString *) override
    {
        request.setHeader("X-Workspace-Source", source.name.toUtf8());
        return true;
    }
    bool transformBody(QByteArray &body, QString *error) override
    {
        if (!body.startsWith(")]}'")) {
            *error = QStringLiteral("the response lacks the )]}' guard");
            return false;
        }
        body.remove(0, body.indexOf('\n') + 1);
        return true;
    }
};

} // namespace

void TestSyncEngine::runsTheStreamsHook()
{
    StreamHooks::add(QStringLiteral("guarded-json"),
                     [] { return std::make_unique<GuardedJsonHook>(); });
    QJsonObject manifestJson{
        {QStringLiteral("kind"), QStringLiteral("guarded")},
        {QStringLiteral("title"), QStringLiteral("Guarded")},
        {QStringLiteral("category"), QStringLiteral("engineering")},
        {QStringLiteral("baseUrl"), m_server->baseUrl().toString()},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}},
        {QStringLiteral("streams"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("changes")},
                         {QStringLiteral("hook"), QStringLiteral("guarded-json")},
                         {QStringLiteral("request"),
                          QJsonObject{{QStringLiteral("path"), QStringLiteral("/changes")}}},
                         {QStringLiteral("pagination"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}},
                         {QStringLiteral("target"), QStringLiteral("work_items")},
                         {QStringLiteral("mapping"),
                          QJsonObject{{QStringLiteral("external_id"), QStringLiteral("id")},
                                      {QStringLiteral("title"), QStringLiteral("subject")}}}}}},
    };
    const ManifestParser::Result parsed =
        ManifestParser::parse(QJsonDocument(manifestJson).toJson(), QStringLiteral("guarded.json"));
    QVERIFY2(parsed.manifest, qPrintable(parsed.error));
    m_server->clearRequiredHeaders();
    m_server->route("GET", QStringLiteral("/changes"), [](const FakeHttpServer::Request &request) {
        if (request.header("x-workspace-source") != "gh")
            return FakeHttpServer::Response::json(R"({"message":"missing header"})", 400);
        return FakeHttpServer::Response::json(")]}'\n[{\"id\":\"I1\",\"subject\":\"Fix "
                                              "login\"},{\"id\":\"I2\",\"subject\":\"Add SSO\"}]");
    });
    SyncEngine engine(m_db.get());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.start({SyncTarget{m_source, *parsed.manifest, {}, {}}}, {});
    QVERIFY(finished.wait(20000));
    const auto outcomes = finished.first().first().value<QList<StreamOutcome>>();
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM work_items WHERE title IN ('Fix login', 'Add SSO')")),
             2);

    // A manifest naming a hook nobody registered is refused when it loads.
    QJsonObject unknown = manifestJson;
    QJsonArray streams = unknown.value(QStringLiteral("streams")).toArray();
    QJsonObject stream = streams.first().toObject();
    stream.insert(QStringLiteral("hook"), QStringLiteral("soql"));
    streams.replace(0, stream);
    unknown.insert(QStringLiteral("streams"), streams);
    const ManifestParser::Result refused =
        ManifestParser::parse(QJsonDocument(unknown).toJson(), QStringLiteral("guarded.json"));
    QVERIFY(!refused.manifest);
    QVERIFY2(
        refused.error.contains(QStringLiteral("streams[0].hook: there is no hook named \"soql\"")),
        qPrintable(refused.error));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
