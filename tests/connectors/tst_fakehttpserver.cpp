#include "fakehttpserver.h"
#include "githubfixtures.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

// The fake server speaks HTTP/1.1 correctly and injects its faults at the byte level. The
// test talks to it with blocking sockets on the test thread, which also shows the server
// answers without the test's event loop.
class TestFakeHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void answersARouteAndRecordsTheRequest();
    void keepsOneConnectionForPipelinedRequests();
    void unknownRouteIsGitHubsNotFound();
    void longestPrefixWins();
    void requireHeaderAnswers401WithoutIt();
    void queuedFaultsComeBeforeTheHandler();
    void truncateBodySendsHalfAndCloses();
    void closeWithoutResponseSendsNothing();
    void delayHoldsTheAnswerBack();
    void closeDelimitedBody();
    void githubIssueHasTheRealShape();
    void githubPullRequestAndReleaseShapes();
    void githubLinkHeader();

private:
    struct RawResponse
    {
        int status = 0;
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };

    bool connectSocket(QTcpSocket &socket);
    // Reads one response from the socket (buffer keeps bytes of later responses).
    static std::optional<RawResponse> readResponse(QTcpSocket &socket, QByteArray &buffer);
    static QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {});
    // Reads until the server closes the connection; returns everything received.
    static QByteArray readUntilClosed(QTcpSocket &socket);

    std::unique_ptr<FakeHttpServer> m_server;
};

void TestFakeHttpServer::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->port() != 0);
}

void TestFakeHttpServer::cleanup()
{
    m_server.reset();
}

bool TestFakeHttpServer::connectSocket(QTcpSocket &socket)
{
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    return socket.waitForConnected(5000);
}

std::optional<TestFakeHttpServer::RawResponse> TestFakeHttpServer::readResponse(QTcpSocket &socket,
                                                                                QByteArray &buffer)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            RawResponse response;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            response.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                        lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = response.headers.value("content-length").toLongLong();
            if (buffer.size() >= headerEnd + 4 + length) {
                response.body = buffer.mid(headerEnd + 4, length);
                buffer.remove(0, headerEnd + 4 + length);
                return response;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && !socket.bytesAvailable())
            return std::nullopt;
        if (socket.waitForReadyRead(100))
            buffer += socket.readAll();
    }
    return std::nullopt;
}

QByteArray TestFakeHttpServer::get(const QByteArray &target, const QByteArray &extraHeaders)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray TestFakeHttpServer::readUntilClosed(QTcpSocket &socket)
{
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    return received + socket.readAll();
}

void TestFakeHttpServer::answersARouteAndRecordsTheRequest()
{
    m_server->route("GET", QStringLiteral("/repos/acme/rocket/issues"),
                    [](const FakeHttpServer::Request &request) {
                        return FakeHttpServer::Response::json(
                                   "{\"page\":" +
                                   request.query.queryItemValue(QStringLiteral("page")).toUtf8() +
                                   "}")
                            .withHeader("x-ratelimit-remaining", "4999");
                    });
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/repos/acme/rocket/issues?page=2&per_page=100",
                     "Accept: application/vnd.github+json\r\n"));
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray(R"({"page":2})"));
    QCOMPARE(response->headers.value("content-type"),
             QByteArray("application/json; charset=utf-8"));
    QCOMPARE(response->headers.value("x-ratelimit-remaining"), QByteArray("4999"));
    QCOMPARE(response->headers.value("connection"), QByteArray("keep-alive"));

    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, QByteArray("GET"));
    QCOMPARE(requests[0].path, QStringLiteral("/repos/acme/rocket/issues"));
    QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QCOMPARE(requests[0].header("ACCEPT"), QByteArray("application/vnd.github+json"));
    QCOMPARE(requests[0].url.port(), int(m_server->port()));
    QCOMPARE(m_server->requestCount(QStringLiteral("/repos/acme/rocket/issues")), 1);
    m_server->clearRequests();
    QCOMPARE(m_server->requests().size(), 0);
}

void TestFakeHttpServer::keepsOneConnectionForPipelinedRequests()
{
    m_server->route("GET", QStringLiteral("/a"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(R"({"which":"a"})");
    });
    m_server->route("POST", QStringLiteral("/b"), [](const FakeHttpServer::Request &request) {
        return FakeHttpServer::Response::json(request.body, 201);
    });
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    const QByteArray body = R"({"title":"posted"})";
    // Three requests in one write: the server must split them and answer in order.
    socket.write(get("/a") + "POST /b HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body + get("/a"));
    QByteArray buffer;
    const auto first = readResponse(socket, buffer);
    const auto second = readResponse(socket, buffer);
    const auto third = readResponse(socket, buffer);
    QVERIFY(first && second && third);
    QCOMPARE(first->body, QByteArray(R"({"which":"a"})"));
    QCOMPARE(second->status, 201);
    QCOMPARE(second->body, body);
    QCOMPARE(third->body, QByteArray(R"({"which":"a"})"));
    // And the connection stays usable afterwards.
    socket.write(get("/a"));
    QVERIFY(readResponse(socket, buffer));
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->requests().size(), 4);
    QCOMPARE(m_server->requests().at(1).body, body);
}

void TestFakeHttpServer::unknownRouteIsGitHubsNotFound()
{
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/nowhere"));
    QByteArray buffer;
    const auto response = readResponse(socket, buffer);
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    const QJsonObject body = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Not Found"));
    QVERIFY(body.contains(QStringLiteral("documentation_url")));
}

void TestFakeHttpServer::longestPrefixWins()
{
    m_server->routePrefix("GET", QStringLiteral("/repos/"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(R"("short")");
    });
    m_server->routePrefix("GET", QStringLiteral("/repos/acme/rocket/"),
                          [](const FakeHttpServer::Request &) {
                              return FakeHttpServer::Response::json(R"("long")");
                          });
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/repos/acme/rocket/releases") + get("/repos/other/thing"));
    QByteArray buffer;
    const auto first = readResponse(socket, buffer);
    const auto second = readResponse(socket, buffer);
    QVERIFY(first && second);
    QCOMPARE(first->body, QByteArray(R"("long")"));
    QCOMPARE(second->body, QByteArray(R"("short")"));
}

void TestFakeHttpServer::requireHeaderAnswers401WithoutIt()
{
    m_server->route("GET", QStringLiteral("/user"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(R"({"login":"octocat"})");
    });
    m_server->requireHeader("Authorization", "Bearer right");
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/user", "Authorization: Bearer wrong\r\n") + get("/user") +
                 get("/user", "authorization: Bearer right\r\n"));
    QByteArray buffer;
    const auto wrong = readResponse(socket, buffer);
    const auto missing = readResponse(socket, buffer);
    const auto right = readResponse(socket, buffer);
    QVERIFY(wrong && missing && right);
    QCOMPARE(wrong->status, 401);
    QCOMPARE(QJsonDocument::fromJson(wrong->body).object().value(QStringLiteral("message")),
             QStringLiteral("Bad credentials"));
    QCOMPARE(missing->status, 401);
    QCOMPARE(right->status, 200);
    QCOMPARE(right->body, QByteArray(R"({"login":"octocat"})"));
}

void TestFakeHttpServer::queuedFaultsComeBeforeTheHandler()
{
    m_server->route("GET", QStringLiteral("/flaky"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json("[]");
    });
    m_server->queueFault(QStringLiteral("/flaky"),
                         FakeHttpServer::Response::json(R"({"message":"Server Error"})", 502), 2);
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/flaky?page=1") + get("/flaky?page=2") + get("/flaky?page=3"));
    QByteArray buffer;
    QList<int> statuses;
    for (int i = 0; i < 3; ++i) {
        const auto response = readResponse(socket, buffer);
        QVERIFY(response);
        statuses.append(response->status);
    }
    QCOMPARE(statuses, (QList<int>{502, 502, 200}));
    QCOMPARE(m_server->requestCount(QStringLiteral("/flaky")), 3);
}

void TestFakeHttpServer::truncateBodySendsHalfAndCloses()
{
    m_server->queueFault(
        QStringLiteral("/cut"),
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::TruncateBody));
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/cut"));
    const QByteArray received = readUntilClosed(socket);
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headerEnd > 0);
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    const QByteArray head = received.left(headerEnd).toLower();
    const qsizetype lengthAt = head.indexOf("content-length: ") + 16;
    const qsizetype announced =
        head.mid(lengthAt, head.indexOf('\r', lengthAt) - lengthAt).toLongLong();
    const qsizetype bodyBytes = received.size() - headerEnd - 4;
    QVERIFY2(announced > 1000, qPrintable(QString::number(announced)));
    QCOMPARE(bodyBytes, announced / 2);
}

void TestFakeHttpServer::closeWithoutResponseSendsNothing()
{
    m_server->queueFault(
        QStringLiteral("/drop"),
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::CloseWithoutResponse));
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/drop"));
    QCOMPARE(readUntilClosed(socket), QByteArray());
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(m_server->requestCount(QStringLiteral("/drop")), 1);
}

void TestFakeHttpServer::delayHoldsTheAnswerBack()
{
    m_server->route("GET", QStringLiteral("/fast"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(R"("fast")");
    });
    m_server->queueFault(
        QStringLiteral("/slow"),
        FakeHttpServer::Response::faulty(FakeHttpServer::Response::Fault::DelayMs, 400));
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    QElapsedTimer timer;
    timer.start();
    socket.write(get("/slow") + get("/fast"));
    QByteArray buffer;
    const auto slow = readResponse(socket, buffer);
    QVERIFY(slow);
    QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(slow->status, 200);
    QVERIFY(slow->body.startsWith('['));
    // The request behind it is answered after it, in order.
    const auto fast = readResponse(socket, buffer);
    QVERIFY(fast);
    QCOMPARE(fast->body, QByteArray(R"("fast")"));
}

void TestFakeHttpServer::closeDelimitedBody()
{
    m_server->route("GET", QStringLiteral("/old"), [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json("[1,2,3]").withHeader("Connection", "close");
    });
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(get("/old"));
    const QByteArray received = readUntilClosed(socket);
    QVERIFY2(received.endsWith("\r\n\r\n[1,2,3]"), received.constData());
    QVERIFY(!received.toLower().contains("content-length"));
}

void TestFakeHttpServer::githubIssueHasTheRealShape()
{
    const GitHubFixtures::Repository repository;
    const QDateTime created(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    const QDateTime updated = created.addDays(2);
    const QJsonObject issue = GitHubFixtures::issue(repository, 1347, created, updated);

    const QStringList keys = {
        QStringLiteral("id"),
        QStringLiteral("node_id"),
        QStringLiteral("url"),
        QStringLiteral("repository_url"),
        QStringLiteral("labels_url"),
        QStringLiteral("comments_url"),
        QStringLiteral("events_url"),
        QStringLiteral("html_url"),
        QStringLiteral("number"),
        QStringLiteral("title"),
        QStringLiteral("user"),
        QStringLiteral("labels"),
        QStringLiteral("state"),
        QStringLiteral("locked"),
        QStringLiteral("assignee"),
        QStringLiteral("assignees"),
        QStringLiteral("milestone"),
        QStringLiteral("comments"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("closed_at"),
        QStringLiteral("author_association"),
        QStringLiteral("active_lock_reason"),
        QStringLiteral("body"),
        QStringLiteral("reactions"),
        QStringLiteral("timeline_url"),
        QStringLiteral("performed_via_github_app"),
        QStringLiteral("state_reason"),
    };
    for (const QString &key : keys)
        QVERIFY2(issue.contains(key), qPrintable(key));
    QVERIFY(!issue.contains(QStringLiteral("pull_request")));
    QCOMPARE(issue.value(QStringLiteral("number")).toInt(), 1347);
    QCOMPARE(issue.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QVERIFY(issue.value(QStringLiteral("closed_at")).isNull());
    QCOMPARE(issue.value(QStringLiteral("created_at")).toString(),
             QStringLiteral("2024-03-01T09:30:00Z"));
    QCOMPARE(issue.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://api.github.com/repos/acme/rocket/issues/1347"));
    QCOMPARE(issue.value(QStringLiteral("html_url")).toString(),
             QStringLiteral("https://github.com/acme/rocket/issues/1347"));
    const QJsonObject user = issue.value(QStringLiteral("user")).toObject();
    for (const char *key : {"login", "id", "node_id", "avatar_url", "type", "site_admin"})
        QVERIFY2(user.contains(QLatin1String(key)), key);
    QVERIFY(issue.value(QStringLiteral("reactions")).toObject().contains(QStringLiteral("+1")));

    const QDateTime closed = updated.addDays(1);
    const QJsonObject closedIssue =
        GitHubFixtures::issue(repository, 1347, created, updated, closed);
    QCOMPARE(closedIssue.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(closedIssue.value(QStringLiteral("state_reason")).toString(),
             QStringLiteral("completed"));

    // Deterministic, and about the size of a real issue in a list.
    const QByteArray once = QJsonDocument(issue).toJson(QJsonDocument::Compact);
    QCOMPARE(QJsonDocument(GitHubFixtures::issue(repository, 1347, created, updated))
                 .toJson(QJsonDocument::Compact),
             once);
    qint64 total = 0;
    for (int number = 1; number <= 100; ++number)
        total += QJsonDocument(GitHubFixtures::issue(repository, number, created, updated))
                     .toJson(QJsonDocument::Compact)
                     .size();
    QVERIFY2(total / 100 > 2800 && total / 100 < 4500, qPrintable(QString::number(total / 100)));
}

void TestFakeHttpServer::githubPullRequestAndReleaseShapes()
{
    const GitHubFixtures::Repository repository;
    const QDateTime created(QDate(2024, 5, 6), QTime(12, 0), Qt::UTC);
    const QJsonObject open = GitHubFixtures::pullRequest(repository, 7, created, created);
    const QJsonObject pull = open.value(QStringLiteral("pull_request")).toObject();
    for (const char *key : {"url", "html_url", "diff_url", "patch_url", "merged_at"})
        QVERIFY2(pull.contains(QLatin1String(key)), key);
    QVERIFY(pull.value(QStringLiteral("merged_at")).isNull());
    QCOMPARE(pull.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://api.github.com/repos/acme/rocket/pulls/7"));
    const QJsonObject merged =
        GitHubFixtures::pullRequest(repository, 7, created, created.addDays(1), created.addDays(1));
    QCOMPARE(
        merged.value(QStringLiteral("pull_request")).toObject().value(QStringLiteral("merged_at")),
        QStringLiteral("2024-05-07T12:00:00Z"));
    QCOMPARE(merged.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));

    const QJsonObject release =
        GitHubFixtures::release(repository, 3, created, created.addSecs(3600));
    for (const char *key : {"id", "tag_name", "name", "published_at", "created_at", "html_url",
                            "draft", "prerelease", "author", "body", "assets"})
        QVERIFY2(release.contains(QLatin1String(key)), key);
    QCOMPARE(release.value(QStringLiteral("tag_name")).toString(), QStringLiteral("v1.3.0"));
    QCOMPARE(release.value(QStringLiteral("published_at")).toString(),
             QStringLiteral("2024-05-06T13:00:00Z"));
    QVERIFY(!release.value(QStringLiteral("assets")).toArray().isEmpty());
}

void TestFakeHttpServer::githubLinkHeader()
{
    const QUrl page2 =
        m_server->url(QStringLiteral("/repos/acme/rocket/issues?per_page=100&page=2"));
    const QByteArray header = GitHubFixtures::linkHeader(page2, 2, 5);
    const QByteArray base = m_server->baseUrl().toEncoded();
    QCOMPARE(header,
             QByteArray("<" + base +
                        "/repos/acme/rocket/issues?per_page=100&page=1>; rel=\"prev\", "
                        "<" +
                        base +
                        "/repos/acme/rocket/issues?per_page=100&page=3>; rel=\"next\", "
                        "<" +
                        base +
                        "/repos/acme/rocket/issues?per_page=100&page=5>; rel=\"last\", "
                        "<" +
                        base + "/repos/acme/rocket/issues?per_page=100&page=1>; rel=\"first\""));
    QVERIFY(!GitHubFixtures::linkHeader(page2, 5, 5).contains("rel=\"next\""));
    QVERIFY(GitHubFixtures::linkHeader(page2, 1, 1).isEmpty());
}

QTEST_GUILESS_MAIN(TestFakeHttpServer)
#include "tst_fakehttpserver.moc"
