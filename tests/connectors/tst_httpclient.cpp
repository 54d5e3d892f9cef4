#include "fakehttpserver.h"
#include "githubfixtures.h"
#include "http/httpclient.h"
#include "http/redaction.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>
#include <QTimer>

namespace {

using Fault = FakeHttpServer::Response::Fault;
using Response = FakeHttpServer::Response;

const QString issuesPath = QStringLiteral("/repos/acme/rocket/issues");

// Every message logged while a LogCapture is alive, for checks that secrets stay out.
class LogCapture
{
public:
    LogCapture()
    {
        QMutexLocker locker(&s_mutex);
        s_lines.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handle);
        QLoggingCategory::setFilterRules(QStringLiteral("hub.http.debug=true"));
    }
    ~LogCapture()
    {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(m_previous);
    }
    static QString text()
    {
        QMutexLocker locker(&s_mutex);
        return s_lines.join(QLatin1Char('\n'));
    }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        QMutexLocker locker(&s_mutex);
        s_lines.append(QString(QLatin1String(context.category ? context.category : "") +
                               QStringLiteral(": ") + message));
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

// The result of one send, shared with the callback so a late callback cannot touch a
// finished test's stack.
struct Outcome
{
    int calls = 0;
    HttpResult result;
};

} // namespace

// HttpClient against a real HTTP server on loopback: retries, waits asked by the server,
// rate limits, timeouts, broken bodies, token refresh, cancellation and redaction.
class TestHttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void getsAResponse();
    void postsABody();
    void notModifiedAnswersAConditionalRequest();
    void retriesServerErrorsThenSucceeds();
    void failsAfterEveryAttemptNamingTheUrl();
    void waitsForRetryAfterThenSucceeds();
    void stopsWhenRetryAfterIsTooLong_data();
    void stopsWhenRetryAfterIsTooLong();
    void githubSpentQuotaEndsRateLimited_data();
    void githubSpentQuotaEndsRateLimited();
    void githubSpentQuotaWaitsWhenResetIsNear();
    void rateLimitResetKinds_data();
    void rateLimitResetKinds();
    void forbiddenWithoutLimitSignalsIsNotRetried();
    void badRequestIsTheServicesAnswerNotAFault();
    void throttledOnEveryAttemptEndsRateLimited();
    void retriesATimeoutThenFails();
    void retriesATimeoutThenSucceeds();
    void truncatedBodyFails();
    void truncatedBodyIsRetried();
    void htmlErrorPageIsNamed();
    void oversizedBodyFails_data();
    void oversizedBodyFails();
    void refreshesOnceOn401AndRetriesWithTheNewToken();
    void secondUnauthorizedGivesUp();
    void failedRefreshGivesUp();
    void cancelAllEndsEverythingOnce();
    void followsRedirectsDroppingCredentialsAcrossHosts();
    void keepsSecretsOutOfLogsAndErrors();
    void redactsUrlsAndHeaders();
    void pagesLargeBodiesOverKeptAliveConnections();

private:
    std::shared_ptr<Outcome> start(const HttpRequest &request);
    HttpResult run(const HttpRequest &request, int timeoutMs = 20000);
    HttpRequest get(const QString &pathAndQuery) const;
    void setPolicy(int maxAttempts, int backoffMs, int timeoutMs = 5000);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_client;
};

void TestHttpClient::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_server->route("*", issuesPath, [](const FakeHttpServer::Request &request) {
        return Response::json(R"([{"number":1}])", request.method == "POST" ? 201 : 200)
            .withHeader("x-ratelimit-remaining", "4999");
    });
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_network.get());
    setPolicy(3, 20);
}

void TestHttpClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

std::shared_ptr<Outcome> TestHttpClient::start(const HttpRequest &request)
{
    auto outcome = std::make_shared<Outcome>();
    m_client->send(request, [outcome](const HttpResult &result) {
        ++outcome->calls;
        outcome->result = result;
    });
    return outcome;
}

HttpResult TestHttpClient::run(const HttpRequest &request, int timeoutMs)
{
    // A local event loop rather than QTest::qWaitFor, which sleeps between polls and would
    // hide the client's own latency.
    QEventLoop loop;
    auto outcome = std::make_shared<Outcome>();
    QPointer<QEventLoop> guard(&loop);
    m_client->send(request, [outcome, guard](const HttpResult &result) {
        ++outcome->calls;
        outcome->result = result;
        if (guard)
            guard->quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (outcome->calls == 0)
        loop.exec();
    if (outcome->calls == 0)
        qWarning("request did not finish in %d ms", timeoutMs);
    return outcome->result;
}

HttpRequest TestHttpClient::get(const QString &pathAndQuery) const
{
    HttpRequest request;
    request.url = m_server->url(pathAndQuery);
    request.setHeader("Accept", "application/vnd.github+json");
    return request;
}

void TestHttpClient::setPolicy(int maxAttempts, int backoffMs, int timeoutMs)
{
    RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    policy.backoffMs = backoffMs;
    policy.timeoutMs = timeoutMs;
    policy.maxWaitSeconds = 120;
    m_client->setRetryPolicy(policy);
}

void TestHttpClient::getsAResponse()
{
    const HttpResult result = run(get(QStringLiteral("/repos/acme/rocket/issues?page=2")));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.response.status, 200);
    QCOMPARE(result.response.body, QByteArray(R"([{"number":1}])"));
    QCOMPARE(result.response.header("X-RateLimit-Remaining"), QByteArray("4999"));
    QCOMPARE(result.response.url,
             m_server->url(QStringLiteral("/repos/acme/rocket/issues?page=2")));
    QCOMPARE(result.attempts, 1);
    QVERIFY(result.error.isEmpty());
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].header("accept"), QByteArray("application/vnd.github+json"));
    QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
}

void TestHttpClient::postsABody()
{
    HttpRequest request = get(issuesPath);
    request.method = "POST";
    request.body = R"({"title":"New"})";
    request.setHeader("Content-Type", "application/json");
    const HttpResult result = run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.response.status, 201);
    QCOMPARE(m_server->requests().value(0).method, QByteArray("POST"));
    QCOMPARE(m_server->requests().value(0).body, request.body);
}

void TestHttpClient::notModifiedAnswersAConditionalRequest()
{
    m_server->queueFault(issuesPath, Response::json({}, 304).withHeader("ETag", "\"abc\""));
    HttpRequest request = get(issuesPath);
    request.setHeader("If-None-Match", "\"abc\"");
    const HttpResult result = run(request);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.response.status, 304);
    QCOMPARE(result.attempts, 1);
}

void TestHttpClient::retriesServerErrorsThenSucceeds()
{
    setPolicy(4, 50);
    m_server->queueFault(issuesPath, Response::json(R"({"message":"Server Error"})", 500));
    m_server->queueFault(issuesPath, Response::html(502, "<html><body>Bad gateway</body></html>"));
    m_server->queueFault(issuesPath, Response::json("{}", 503));
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.attempts, 4);
    QCOMPARE(m_server->requestCount(issuesPath), 4);
    // Linear backoff: 50, 100 and 150 ms.
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
}

void TestHttpClient::failsAfterEveryAttemptNamingTheUrl()
{
    m_server->queueFault(issuesPath, Response::json(R"({"message":"Server Error"})", 502), 10);
    const HttpResult result = run(get(QStringLiteral("/repos/acme/rocket/issues?page=2")));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 3);
    QCOMPARE(m_server->requestCount(issuesPath), 3);
    QCOMPARE(result.response.status, 502);
    const QString url =
        m_server->url(QStringLiteral("/repos/acme/rocket/issues?page=2")).toString();
    QCOMPARE(result.error, QStringLiteral("GET %1 failed: HTTP 502 Bad Gateway after 3 attempts; "
                                          "the service says: \"Server Error\"")
                               .arg(url));
}

void TestHttpClient::waitsForRetryAfterThenSucceeds()
{
    m_server->queueFault(
        issuesPath,
        Response::json(R"({"message":"slow down"})", 429).withHeader("Retry-After", "1"));
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.attempts, 2);
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestHttpClient::stopsWhenRetryAfterIsTooLong_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTest::newRow("seconds") << QByteArray("3600") << now.addSecs(3600);
    // UserVoice sends an epoch timestamp.
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + 7200, Qt::UTC);
    QTest::newRow("epoch") << QByteArray::number(epoch.toSecsSinceEpoch()) << epoch;
    const QDateTime date = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + 5400, Qt::UTC);
    QTest::newRow("http-date")
        << QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()
        << date;
}

void TestHttpClient::stopsWhenRetryAfterIsTooLong()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QDateTime, expected);
    m_server->queueFault(
        issuesPath,
        Response::json(R"({"message":"quota"})", 429).withHeader("Retry-After", retryAfter));
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::RateLimited);
    QCOMPARE(result.resumeAt.timeSpec(), Qt::UTC);
    QVERIFY2(qAbs(result.resumeAt.secsTo(expected)) <= 2,
             qPrintable(result.resumeAt.toString(Qt::ISODate)));
    QCOMPARE(m_server->requestCount(issuesPath), 1);
    QVERIFY2(timer.elapsed() < 2000, "must not sleep until the limit resets");
    QVERIFY(result.error.contains(QLatin1String("429")));
}

void TestHttpClient::githubSpentQuotaEndsRateLimited_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("403") << 403;
    QTest::newRow("429") << 429;
}

void TestHttpClient::githubSpentQuotaEndsRateLimited()
{
    QFETCH(int, status);
    m_client->setRateLimitHeaders(
        {"x-ratelimit-remaining", "x-ratelimit-reset", RateLimitHeaders::ResetKind::EpochSeconds});
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 3000;
    m_server->queueFault(
        issuesPath,
        Response::json(R"({"message":"API rate limit exceeded for user ID 1.",)"
                       R"("documentation_url":"https://docs.github.com/rest/rate-limit"})",
                       status)
            .withHeader("x-ratelimit-limit", "5000")
            .withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-used", "5000")
            .withHeader("x-ratelimit-reset", QByteArray::number(reset))
            .withHeader("x-ratelimit-resource", "core"));
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::RateLimited);
    QCOMPARE(result.resumeAt, QDateTime::fromSecsSinceEpoch(reset, Qt::UTC));
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.error.contains(QLatin1String("API rate limit exceeded")),
             qPrintable(result.error));
}

void TestHttpClient::githubSpentQuotaWaitsWhenResetIsNear()
{
    m_client->setRateLimitHeaders(
        {"x-ratelimit-remaining", "x-ratelimit-reset", RateLimitHeaders::ResetKind::EpochSeconds});
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 1;
    m_server->queueFault(issuesPath,
                         Response::json(R"({"message":"API rate limit exceeded"})", 403)
                             .withHeader("x-ratelimit-remaining", "0")
                             .withHeader("x-ratelimit-reset", QByteArray::number(reset)));
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.attempts, 2);
    // Waited until the reset (plus a margin for clock skew), not just the backoff.
    QVERIFY(QDateTime::currentSecsSinceEpoch() >= reset);
}

void TestHttpClient::rateLimitResetKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("reset");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime ms = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() + 600000, Qt::UTC);
    QTest::newRow("epoch-ms") << int(RateLimitHeaders::ResetKind::EpochMilliseconds)
                              << QByteArray::number(ms.toMSecsSinceEpoch()) << ms;
    QTest::newRow("seconds-from-now") << int(RateLimitHeaders::ResetKind::SecondsFromNow)
                                      << QByteArray("900") << now.addSecs(900);
}

void TestHttpClient::rateLimitResetKinds()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, reset);
    QFETCH(QDateTime, expected);
    m_client->setRateLimitHeaders(
        {"X-Rate-Limit-Remaining", "X-Rate-Limit-Reset", RateLimitHeaders::ResetKind(kind)});
    m_server->queueFault(issuesPath, Response::json("{}", 429)
                                         .withHeader("X-Rate-Limit-Remaining", "0")
                                         .withHeader("X-Rate-Limit-Reset", reset));
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::RateLimited);
    QVERIFY2(qAbs(result.resumeAt.msecsTo(expected)) <= 2000,
             qPrintable(result.resumeAt.toString(Qt::ISODateWithMs)));
    QCOMPARE(m_server->requestCount(issuesPath), 1);
}

// Qt reports an HTTP 400 as a protocol error; it is still the service's answer, with its
// reason in the body, and retrying cannot change it.
void TestHttpClient::badRequestIsTheServicesAnswerNotAFault()
{
    const QByteArray body =
        R"({"errorMessages":["Error in the JQL Query: 'order' is a reserved word."],"errors":{}})";
    m_server->queueFault(issuesPath, Response::json(body, 400), 5);
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(m_server->requestCount(issuesPath), 1);
    QCOMPARE(result.response.status, 400);
    QVERIFY2(result.error.contains(QLatin1String("Error in the JQL Query")),
             qPrintable(result.error));
}

void TestHttpClient::forbiddenWithoutLimitSignalsIsNotRetried()
{
    m_client->setRateLimitHeaders(
        {"x-ratelimit-remaining", "x-ratelimit-reset", RateLimitHeaders::ResetKind::EpochSeconds});
    m_server->queueFault(
        issuesPath,
        Response::json(R"({"message":"Resource not accessible by integration"})", 403)
            .withHeader("x-ratelimit-remaining", "4990")
            .withHeader("x-ratelimit-reset", "1700000000"),
        5);
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(m_server->requestCount(issuesPath), 1);
    QVERIFY2(result.error.contains(QLatin1String("HTTP 403 Forbidden; the service says: "
                                                 "\"Resource not accessible by integration\"")),
             qPrintable(result.error));
}

void TestHttpClient::throttledOnEveryAttemptEndsRateLimited()
{
    m_server->queueFault(issuesPath, Response::json(R"({"message":"slow down"})", 429), 10);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::RateLimited);
    QCOMPARE(result.attempts, 3);
    QVERIFY(result.resumeAt > before);
}

void TestHttpClient::retriesATimeoutThenFails()
{
    setPolicy(2, 20, 300);
    m_server->queueFault(issuesPath, Response::faulty(Fault::DelayMs, 3000), 5);
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 2);
    QVERIFY2(result.error.contains(QLatin1String("timed out")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QLatin1String("after 2 attempts")), qPrintable(result.error));
    QVERIFY2(timer.elapsed() >= 550 && timer.elapsed() < 2500,
             qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->requestCount(issuesPath), 2);
}

void TestHttpClient::retriesATimeoutThenSucceeds()
{
    setPolicy(3, 20, 300);
    m_server->queueFault(issuesPath, Response::faulty(Fault::DelayMs, 2000));
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(result.response.body, QByteArray(R"([{"number":1}])"));
}

void TestHttpClient::truncatedBodyFails()
{
    m_server->queueFault(issuesPath, Response::faulty(Fault::TruncateBody), 10);
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 3);
    QVERIFY2(result.error.contains(QLatin1String("truncated")), qPrintable(result.error));
    QVERIFY(result.response.body.isEmpty());
}

void TestHttpClient::truncatedBodyIsRetried()
{
    const Response whole = Response::faulty(Fault::None);
    m_server->queueFault(issuesPath, Response::faulty(Fault::TruncateBody));
    m_server->queueFault(issuesPath, whole);
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(result.response.body, whole.body);
}

void TestHttpClient::htmlErrorPageIsNamed()
{
    m_server->queueFault(issuesPath,
                         Response::html(502,
                                        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway"
                                        "</title></head><body><h1>Bad Gateway</h1></body></html>"),
                         5);
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QVERIFY2(result.error.contains(QLatin1String("HTML error page")), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QLatin1String("<html")), qPrintable(result.error));
}

void TestHttpClient::oversizedBodyFails_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("fits");
    QTest::newRow("at the limit") << 1000 << true;
    QTest::newRow("one byte over") << 1001 << false;
    QTest::newRow("far over") << 5000000 << false;
    QTest::newRow("far over, no Content-Length") << -5000000 << false;
}

void TestHttpClient::oversizedBodyFails()
{
    QFETCH(int, size);
    QFETCH(bool, fits);
    RetryPolicy policy = m_client->retryPolicy();
    policy.maxBodyBytes = 1000;
    m_client->setRetryPolicy(policy);
    // A negative size: the body is delimited by closing the connection, so only the bytes
    // received tell the client it is too large.
    Response response = Response::json(QByteArray(qAbs(size), 'x'));
    if (size < 0)
        response.withHeader("Connection", "close");
    m_server->queueFault(issuesPath, response, 5);
    const HttpResult result = run(get(issuesPath));
    if (fits) {
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.response.body.size(), size);
        return;
    }
    QCOMPARE(result.outcome, HttpOutcome::Failed);
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.error.contains(QLatin1String("larger than")), qPrintable(result.error));
}

void TestHttpClient::refreshesOnceOn401AndRetriesWithTheNewToken()
{
    m_server->requireHeader("Authorization", "Bearer fresh");
    auto token = std::make_shared<QByteArray>("stale");
    auto refreshes = std::make_shared<int>(0);
    m_client->setAuthorizer(
        [token](HttpRequest &request) { request.setHeader("Authorization", "Bearer " + *token); });
    m_client->setRefresher([token, refreshes](std::function<void(bool)> done) {
        ++*refreshes;
        // As a real refresh does, answer later from the event loop.
        QTimer::singleShot(10, [token, done] {
            *token = "fresh";
            done(true);
        });
    });
    const HttpResult result = run(get(issuesPath));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(*refreshes, 1);
    QCOMPARE(result.attempts, 2);
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].header("authorization"), QByteArray("Bearer stale"));
    QCOMPARE(requests[1].header("authorization"), QByteArray("Bearer fresh"));
}

void TestHttpClient::secondUnauthorizedGivesUp()
{
    m_server->requireHeader("Authorization", "Bearer fresh");
    auto token = std::make_shared<QByteArray>("stale");
    auto refreshes = std::make_shared<int>(0);
    m_client->setAuthorizer(
        [token](HttpRequest &request) { request.setHeader("Authorization", "Bearer " + *token); });
    m_client->setRefresher([token, refreshes](std::function<void(bool)> done) {
        ++*refreshes;
        *token = "still-stale";
        done(true);
    });
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Unauthorized);
    QCOMPARE(*refreshes, 1);
    QCOMPARE(m_server->requestCount(issuesPath), 2);
    QCOMPARE(m_server->requests().value(1).header("authorization"),
             QByteArray("Bearer still-stale"));
    QVERIFY2(result.error.contains(QLatin1String("HTTP 401 Unauthorized")),
             qPrintable(result.error));
    QVERIFY2(result.error.contains(QLatin1String("Bad credentials")), qPrintable(result.error));
}

void TestHttpClient::failedRefreshGivesUp()
{
    m_server->requireHeader("Authorization", "Bearer fresh");
    auto refreshes = std::make_shared<int>(0);
    m_client->setRefresher([refreshes](std::function<void(bool)> done) {
        ++*refreshes;
        done(false);
    });
    const HttpResult result = run(get(issuesPath));
    QCOMPARE(result.outcome, HttpOutcome::Unauthorized);
    QCOMPARE(*refreshes, 1);
    QCOMPARE(m_server->requestCount(issuesPath), 1);
    QVERIFY2(result.error.contains(QLatin1String("could not be refreshed")),
             qPrintable(result.error));
}

void TestHttpClient::cancelAllEndsEverythingOnce()
{
    setPolicy(3, 10000);
    m_server->queueFault(QStringLiteral("/slow"), Response::faulty(Fault::DelayMs, 10000));
    m_server->queueFault(QStringLiteral("/flaky"), Response::json("{}", 503), 5);
    m_server->queueFault(QStringLiteral("/private"), Response::json("{}", 401));
    std::function<void(bool)> pendingRefresh;
    m_client->setRefresher(
        [&pendingRefresh](std::function<void(bool)> done) { pendingRefresh = done; });

    const auto slow = start(get(QStringLiteral("/slow")));
    const auto flaky = start(get(QStringLiteral("/flaky")));
    const auto refreshing = start(get(QStringLiteral("/private")));
    // In flight, waiting for its backoff, waiting for the refresher.
    QVERIFY(
        QTest::qWaitFor([&] { return m_server->requests().size() == 3 && bool(pendingRefresh); }));
    QTest::qWait(50);
    QCOMPARE(slow->calls + flaky->calls + refreshing->calls, 0);

    m_client->cancelAll();
    for (const auto &outcome : {slow, flaky, refreshing}) {
        QCOMPARE(outcome->calls, 1);
        QCOMPARE(outcome->result.outcome, HttpOutcome::Cancelled);
    }
    // A refresher answering late, timers and aborted replies change nothing.
    pendingRefresh(true);
    QTest::qWait(200);
    for (const auto &outcome : {slow, flaky, refreshing})
        QCOMPARE(outcome->calls, 1);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestHttpClient::followsRedirectsDroppingCredentialsAcrossHosts()
{
    FakeHttpServer other;
    QVERIFY(other.start());
    other.route("GET", QStringLiteral("/landing"),
                [](const FakeHttpServer::Request &) { return Response::json(R"("elsewhere")"); });
    m_server->route("GET", QStringLiteral("/old"), [](const FakeHttpServer::Request &) {
        return Response::json("{}", 301).withHeader("Location", "/repos/acme/rocket/issues");
    });
    const QByteArray away = other.url(QStringLiteral("/landing")).toEncoded();
    m_server->route("GET", QStringLiteral("/away"), [away](const FakeHttpServer::Request &) {
        return Response::json("{}", 302).withHeader("Location", away);
    });
    m_client->setAuthorizer(
        [](HttpRequest &request) { request.setHeader("Authorization", "Bearer secret-token"); });

    const HttpResult same = run(get(QStringLiteral("/old")));
    QVERIFY2(same.ok(), qPrintable(same.error));
    QCOMPARE(same.attempts, 1);
    QCOMPARE(same.response.url, m_server->url(issuesPath));
    QCOMPARE(m_server->requests().value(1).header("authorization"),
             QByteArray("Bearer secret-token"));

    const HttpResult moved = run(get(QStringLiteral("/away")));
    QVERIFY2(moved.ok(), qPrintable(moved.error));
    QCOMPARE(moved.response.body, QByteArray(R"("elsewhere")"));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(other.requests().value(0).header("authorization").isEmpty());
}

void TestHttpClient::keepsSecretsOutOfLogsAndErrors()
{
    const QStringList secrets = {QStringLiteral("tokAAAA1111"), QStringLiteral("keyBBBB2222"),
                                 QStringLiteral("tokCCCC3333"), QStringLiteral("secDDDD4444")};
    LogCapture capture;
    m_client->setAuthorizer(
        [](HttpRequest &request) { request.setHeader("Authorization", "Bearer secDDDD4444"); });
    // The service quotes the token back in its error, as some do.
    m_server->queueFault(
        QStringLiteral("/secret"),
        Response::json(R"({"message":"token secDDDD4444 is not valid here"})", 500), 5);
    const HttpResult failed = run(get(QStringLiteral(
        "/secret?access_token=tokAAAA1111&api_key=keyBBBB2222&token=tokCCCC3333&page=2")));
    QCOMPARE(failed.outcome, HttpOutcome::Failed);

    // A connection error, whose text Qt builds itself.
    HttpRequest refused;
    refused.url = QUrl(QStringLiteral("http://127.0.0.1:1/x?access_token=tokAAAA1111"));
    const HttpResult unreachable = run(refused);
    QCOMPARE(unreachable.outcome, HttpOutcome::Failed);

    const QString logs = LogCapture::text();
    QVERIFY2(logs.contains(QLatin1String("REDACTED")), qPrintable(logs));
    QVERIFY2(logs.contains(QLatin1String("page=2")), qPrintable(logs));
    QVERIFY2(logs.contains(QLatin1String("hub.http")), qPrintable(logs));
    for (const QString &secret : secrets) {
        QVERIFY2(!logs.contains(secret), qPrintable(secret));
        QVERIFY2(!failed.error.contains(secret), qPrintable(failed.error));
        QVERIFY2(!unreachable.error.contains(secret), qPrintable(unreachable.error));
    }
    QVERIFY2(failed.error.contains(QLatin1String("access_token=REDACTED")),
             qPrintable(failed.error));
    // The server did receive the real credentials.
    QCOMPARE(m_server->requests().value(0).header("authorization"),
             QByteArray("Bearer secDDDD4444"));
}

void TestHttpClient::redactsUrlsAndHeaders()
{
    QCOMPARE(Redaction::url(QUrl(QStringLiteral(
                 "https://user:pw@api.example.com/v1/x?api_key=k1&page=2&client_secret=s&code=c"))),
             QStringLiteral("https://api.example.com/v1/x?api_key=REDACTED&page=2"
                            "&client_secret=REDACTED&code=REDACTED"));
    QCOMPARE(Redaction::url(QUrl(QStringLiteral("http://localhost/cb#access_token=t&state=abc"))),
             QStringLiteral("http://localhost/cb#access_token=REDACTED&state=abc"));
    QCOMPARE(Redaction::url(QUrl(QStringLiteral(
                 "https://api.github.com/repos/a/b/issues?since=2024-01-01T00:00:00Z"))),
             QStringLiteral("https://api.github.com/repos/a/b/issues?since=2024-01-01T00:00:00Z"));
    QCOMPARE(Redaction::headerValue("Authorization", "Bearer abc"), QByteArray("REDACTED"));
    QCOMPARE(Redaction::headerValue("PRIVATE-TOKEN", "glpat-1"), QByteArray("REDACTED"));
    QCOMPARE(Redaction::headerValue("X-Api-Key", "k"), QByteArray("REDACTED"));
    QCOMPARE(Redaction::headerValue("Cookie", "s=1"), QByteArray("REDACTED"));
    QCOMPARE(Redaction::headerValue("Accept", "application/json"), QByteArray("application/json"));
}

void TestHttpClient::pagesLargeBodiesOverKeptAliveConnections()
{
    // A page of 100 realistic issues is about 350 KB, like a full GitHub page.
    QJsonArray issues;
    const QDateTime created(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
    for (int number = 1; number <= 100; ++number)
        issues.append(GitHubFixtures::issue({}, number, created, created.addDays(number)));
    const QByteArray page = GitHubFixtures::toJson(issues);
    QVERIFY2(page.size() > 250000, qPrintable(QString::number(page.size())));
    m_server->route("GET", QStringLiteral("/pages"),
                    [page](const FakeHttpServer::Request &) { return Response::json(page); });

    constexpr int pages = 40;
    int done = 0;
    bool allComplete = true;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    std::function<void()> next = [&] {
        m_client->send(get(QStringLiteral("/pages?page=%1").arg(done + 1)),
                       [&](const HttpResult &result) {
                           allComplete = allComplete && result.ok() && result.response.body == page;
                           if (++done < pages)
                               next();
                           else
                               loop.quit();
                       });
    };
    next();
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(done, pages);
    QVERIFY(allComplete);
    qInfo("%d pages of %lld bytes in %lld ms over %d connection(s)", pages, qint64(page.size()),
          timer.elapsed(), m_server->connectionCount());
    QVERIFY2(m_server->connectionCount() <= 2,
             qPrintable(QString::number(m_server->connectionCount())));
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
