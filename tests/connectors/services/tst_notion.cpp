#include "connectorharness.h"
#include "fakenotion.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray Token = "ntn_4821937465Qx7Lm2Rt9Vb3Nc8Kd5Wf1Hg6Js0Pa";
const QString DbA = QStringLiteral("8f2c3e1d-9a6b-4c7d-8e9f-0a1b2c3d4e5f");
const QString DbB = QStringLiteral("1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809");
const QString InitialCursor = QStringLiteral("1970-01-01T00:00:00Z");

QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

QJsonObject bodyOf(const FakeHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QString onOrAfter(const FakeHttpServer::Request &request)
{
    return bodyOf(request)
        .value(QStringLiteral("filter"))
        .toObject()
        .value(QStringLiteral("last_edited_time"))
        .toObject()
        .value(QStringLiteral("on_or_after"))
        .toString();
}

} // namespace

// The built-in Notion connector against a fake Notion database query endpoint.
class TestNotion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void manifestLoads();
    void syncsEveryPageOfEveryDatabase();
    void resumesFromTheLastEditedTime();
    void mapsAPageFieldByField();
    void titleFollowsTheTitlePropertySetting();
    void skipsArchivedAndTrashedPages();
    void sendsTheIntegrationTokenAndVersion();
    void aWrongTokenFailsWithNotionsAnswer();
    void waitsOutAShortRateLimit();
    void aLongRateLimitEndsTheStreamRateLimited();
    void reportsNotionsOwnErrorMessage();
    void rejectsMalformedSettings();

private:
    // Adds the source the way `sources add` does, defaults included.
    bool start(const QStringList &assignments = {QStringLiteral("databases=") + DbA +
                                                 QLatin1Char(',') + DbB});
    QList<StreamOutcome> sync(const QByteArray &token = Token, bool full = false)
    {
        return m_harness->sync(token, full);
    }
    const StreamOutcome &pages(const QList<StreamOutcome> &outcomes) const;
    QList<FakeHttpServer::Request> requestsTo(const QString &database) const;
    QString storedCursor(const QString &database) const;

    std::unique_ptr<ConnectorHarness> m_harness;
    std::unique_ptr<FakeNotion> m_notion;
};

bool TestNotion::start(const QStringList &assignments)
{
    m_harness = std::make_unique<ConnectorHarness>(QStringLiteral("notion"));
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("notion"));
    if (!manifest) {
        qWarning("no notion connector: %s", qPrintable(registry.errors().join(QLatin1Char('\n'))));
        return false;
    }
    QStringList problems;
    const QJsonObject settings = SettingsValidator(*manifest).parse(assignments, &problems);
    if (!problems.isEmpty()) {
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
        return false;
    }
    if (!m_harness->start(settings)) {
        qWarning("%s", qPrintable(m_harness->error()));
        return false;
    }
    m_notion = std::make_unique<FakeNotion>(m_harness->server(), Token);
    m_notion->addDatabase(DbA);
    m_notion->addDatabase(DbB);
    return true;
}

void TestNotion::cleanup()
{
    m_notion.reset();
    m_harness.reset();
}

const StreamOutcome &TestNotion::pages(const QList<StreamOutcome> &outcomes) const
{
    static const StreamOutcome missing{QString(),
                                       QStringLiteral("(missing)"),
                                       StreamOutcome::Status::Failed,
                                       0,
                                       0,
                                       QStringLiteral("the stream did not run"),
                                       QDateTime()};
    const StreamOutcome *found = ConnectorHarness::find(outcomes, QStringLiteral("pages"));
    return found ? *found : missing;
}

QList<FakeHttpServer::Request> TestNotion::requestsTo(const QString &database) const
{
    QList<FakeHttpServer::Request> matching;
    for (const FakeHttpServer::Request &request : m_harness->server().requests()) {
        if (request.path == FakeNotion::queryPath(database))
            matching.append(request);
    }
    return matching;
}

QString TestNotion::storedCursor(const QString &database) const
{
    const QVariantList row = m_harness->row(
        QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'pages:%1'").arg(database));
    return row.isEmpty() ? QString() : row.first().toString();
}

void TestNotion::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QLatin1String("notion.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("notion"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("documents"));
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(manifest->headers.value(QStringLiteral("Notion-Version")),
             QStringLiteral("2022-06-28"));
    const StreamSpec *stream = manifest->stream(QStringLiteral("pages"));
    QVERIFY(stream);
    QCOMPARE(stream->request.method, QByteArray("POST"));
    QVERIFY(stream->pagination.parameterInBody);
    QCOMPARE(stream->cursor.initial, InitialCursor);
}

void TestNotion::syncsEveryPageOfEveryDatabase()
{
    QVERIFY(start());
    // Bulk edits leave runs of pages on the same minute.
    for (int n = 1; n <= 230; ++n)
        m_notion->setPage(DbA, FakeNotion::pageId(n), {QStringLiteral("Spec %1").arg(n)},
                          at(1, 8, 0).addSecs(60 * (n / 3)));
    for (int n = 301; n <= 340; ++n)
        m_notion->setPage(DbB, FakeNotion::pageId(n), {QStringLiteral("Note %1").arg(n)},
                          at(2, 8, 0).addSecs(60 * n));

    const QList<StreamOutcome> outcomes = sync();
    QVERIFY2(pages(outcomes).status == StreamOutcome::Status::Ok,
             qPrintable(pages(outcomes).error));
    QCOMPARE(pages(outcomes).records, 270);
    QCOMPARE(pages(outcomes).pages, 4);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 270);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents WHERE container = "
                                              "'%1'")
                                   .arg(DbB)),
             40);

    const QList<FakeHttpServer::Request> requests = requestsTo(DbA);
    QCOMPARE(requests.size(), 3);
    const QJsonArray ascending{
        QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("last_edited_time")},
                    {QStringLiteral("direction"), QStringLiteral("ascending")}}};
    for (int i = 0; i < requests.size(); ++i) {
        const FakeHttpServer::Request &request = requests.at(i);
        const QJsonObject body = bodyOf(request);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        QCOMPARE(body.value(QStringLiteral("page_size")), QJsonValue(100));
        QCOMPARE(onOrAfter(request), InitialCursor);
        QCOMPARE(body.value(QStringLiteral("sorts")).toArray(), ascending);
        // The cursor travels in the body: the first request has none, later ones Notion's
        // next_cursor, which is the id of the next page in the list.
        if (i == 0)
            QVERIFY(!body.contains(QStringLiteral("start_cursor")));
        else
            QCOMPARE(body.value(QStringLiteral("start_cursor")).toString(),
                     FakeNotion::pageId(1 + 100 * i));
        QVERIFY(request.query.isEmpty());
    }
    QCOMPARE(requestsTo(DbB).size(), 1);
    QCOMPARE(storedCursor(DbA), QStringLiteral("2026-03-01T09:16:00.000Z"));
    QCOMPARE(storedCursor(DbB), QStringLiteral("2026-03-02T13:40:00.000Z"));
}

void TestNotion::resumesFromTheLastEditedTime()
{
    QVERIFY(start({QStringLiteral("databases=") + DbA}));
    const QDateTime first = at(5, 9, 0);
    for (int n = 1; n <= 150; ++n)
        m_notion->setPage(DbA, FakeNotion::pageId(n), {QStringLiteral("Page %1").arg(n)},
                          first.addSecs(60 * (n - 1)));
    QCOMPARE(pages(sync()).records, 150);
    const QDateTime boundary = first.addSecs(60 * 149);
    QCOMPARE(storedCursor(DbA), boundary.toString(Qt::ISODateWithMs));

    // Three old pages are edited, one new page lands on the boundary minute, one after it.
    m_harness->server().clearRequests();
    for (int n : {3, 40, 77})
        m_notion->setPage(DbA, FakeNotion::pageId(n), {QStringLiteral("Page %1 v2").arg(n)},
                          boundary.addSecs(60 * 5));
    m_notion->setPage(DbA, FakeNotion::pageId(151), {QStringLiteral("Page 151")}, boundary);
    m_notion->setPage(DbA, FakeNotion::pageId(152), {QStringLiteral("Page 152")},
                      boundary.addSecs(60 * 9));
    QList<StreamOutcome> outcomes = sync();
    QVERIFY2(pages(outcomes).status == StreamOutcome::Status::Ok,
             qPrintable(pages(outcomes).error));
    // The boundary minute is read again (on_or_after), with everything edited since.
    QCOMPARE(pages(outcomes).records, 6);
    QList<FakeHttpServer::Request> requests = requestsTo(DbA);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(onOrAfter(requests.first()), boundary.toString(Qt::ISODate));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 152);
    QCOMPARE(m_harness->row(QStringLiteral("SELECT title FROM documents WHERE external_id = '%1'")
                                .arg(FakeNotion::pageId(40))),
             QVariantList{QStringLiteral("Page 40 v2")});
    QCOMPARE(storedCursor(DbA), boundary.addSecs(60 * 9).toString(Qt::ISODateWithMs));

    // A full sync starts from the initial time again, so the filter is still complete.
    m_harness->server().clearRequests();
    outcomes = sync(Token, true);
    QCOMPARE(pages(outcomes).records, 152);
    requests = requestsTo(DbA);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(onOrAfter(requests.first()), InitialCursor);
}

void TestNotion::mapsAPageFieldByField()
{
    QVERIFY(start());
    const QString id = QStringLiteral("59833787-2cf9-4fdf-8782-e53db20768a5");
    m_notion->setPage(DbA, id, {QStringLiteral("Launch plan: "), QStringLiteral("Q3 pricing")},
                      at(2, 14, 5));
    // Edited again later: created_time stays, last_edited_time moves (to the minute).
    m_notion->setPage(DbA, id, {QStringLiteral("Launch plan: "), QStringLiteral("Q3 pricing")},
                      QDateTime(QDate(2026, 3, 9), QTime(17, 41, 38), Qt::UTC));
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(pages(outcomes).status, StreamOutcome::Status::Ok);

    const QJsonObject fixture = m_notion->page(id);
    QCOMPARE(fixture.value(QStringLiteral("last_edited_time")).toString(),
             QStringLiteral("2026-03-09T17:41:00.000Z"));
    const QVariantList row = m_harness->row(
        QStringLiteral("SELECT external_id, title, kind, url, container, created_at, updated_at, "
                       "raw FROM documents WHERE external_id = '%1'")
            .arg(id));
    QCOMPARE(row.size(), 8);
    QCOMPARE(row.at(0).toString(), id);
    // Notion splits a styled title into segments that carry their own spaces: joined with
    // nothing between them.
    QCOMPARE(row.at(1).toString(), QStringLiteral("Launch plan: Q3 pricing"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("notion_page"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("https://www.notion.so/Launch-plan:-Q3-pricing-"
                                                  "598337872cf94fdf8782e53db20768a5"));
    QCOMPARE(row.at(4).toString(), DbA);
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-03-02T14:05:00Z"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-03-09T17:41:00Z"));
    QCOMPARE(QJsonDocument::fromJson(RawJson::unpack(row.at(7))).object(), fixture);
}

void TestNotion::titleFollowsTheTitlePropertySetting()
{
    QVERIFY(
        start({QStringLiteral("databases=") + DbA, QStringLiteral("title_property=Task name")}));
    m_notion->addDatabase(DbA, QStringLiteral("Task name"));
    m_notion->setPage(DbA, FakeNotion::pageId(1), {QStringLiteral("Write the FAQ")}, at(3, 9, 0));
    m_notion->setPage(DbA, FakeNotion::pageId(2), {}, at(3, 9, 1)); // a page nobody named
    const QList<StreamOutcome> outcomes = sync();
    QVERIFY2(pages(outcomes).status == StreamOutcome::Status::Ok,
             qPrintable(pages(outcomes).error));
    QVERIFY(m_notion->page(FakeNotion::pageId(1))
                .value(QStringLiteral("properties"))
                .toObject()
                .contains(QStringLiteral("Task name")));
    QCOMPARE(m_harness->row(QStringLiteral("SELECT title FROM documents WHERE external_id = '%1'")
                                .arg(FakeNotion::pageId(1))),
             QVariantList{QStringLiteral("Write the FAQ")});
    QCOMPARE(m_harness->row(QStringLiteral("SELECT title FROM documents WHERE external_id = '%1'")
                                .arg(FakeNotion::pageId(2))),
             QVariantList{QStringLiteral("Untitled")});
}

void TestNotion::skipsArchivedAndTrashedPages()
{
    QVERIFY(start({QStringLiteral("databases=") + DbA}));
    for (int n = 1; n <= 5; ++n)
        m_notion->setPage(DbA, FakeNotion::pageId(n), {QStringLiteral("Page %1").arg(n)},
                          at(4, 10, n), n == 2, n == 5);
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(pages(outcomes).status, StreamOutcome::Status::Ok);
    QCOMPARE(pages(outcomes).records, 3);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents WHERE external_id "
                                              "IN ('%1', '%2')")
                                   .arg(FakeNotion::pageId(2), FakeNotion::pageId(5))),
             0);
    // The skipped pages were still read, so the cursor passes them.
    QCOMPARE(storedCursor(DbA), QStringLiteral("2026-03-04T10:05:00.000Z"));
}

void TestNotion::sendsTheIntegrationTokenAndVersion()
{
    QVERIFY(start());
    m_notion->setPage(DbA, FakeNotion::pageId(1), {QStringLiteral("One")}, at(1, 9, 0));
    m_notion->setPage(DbB, FakeNotion::pageId(2), {QStringLiteral("Two")}, at(1, 9, 0));
    QCOMPARE(pages(sync()).status, StreamOutcome::Status::Ok);
    const QList<FakeHttpServer::Request> requests = m_harness->server().requests();
    QCOMPARE(requests.size(), 2);
    for (const FakeHttpServer::Request &request : requests) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer " + Token));
        QCOMPARE(request.header("notion-version"), QByteArray(FakeNotion::Version));
    }
}

void TestNotion::aWrongTokenFailsWithNotionsAnswer()
{
    QVERIFY(start());
    m_notion->setPage(DbA, FakeNotion::pageId(1), {QStringLiteral("One")}, at(1, 9, 0));
    const QList<StreamOutcome> outcomes = sync("ntn_revoked0000000000000000000000");
    const StreamOutcome &o = pages(outcomes);
    QCOMPARE(o.status, StreamOutcome::Status::Failed);
    QVERIFY2(o.error.contains(QLatin1String("Notion refused the credentials (HTTP 401)")),
             qPrintable(o.error));
    QVERIFY2(o.error.contains(QLatin1String("API token is invalid.")), qPrintable(o.error));
    QVERIFY2(o.error.contains(QLatin1String("product-hub auth set notion-test")),
             qPrintable(o.error));
    QVERIFY2(!o.error.contains(QLatin1String("ntn_revoked")), qPrintable(o.error));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 0);
    QCOMPARE(m_harness->server().requestCount(FakeNotion::queryPath(DbA)), 1);
}

void TestNotion::waitsOutAShortRateLimit()
{
    QVERIFY(start({QStringLiteral("databases=") + DbA}));
    for (int n = 1; n <= 120; ++n)
        m_notion->setPage(DbA, FakeNotion::pageId(n), {QStringLiteral("Page %1").arg(n)},
                          at(6, 8, 0).addSecs(60 * n));
    m_harness->server().queueFault(
        FakeNotion::queryPath(DbA),
        FakeHttpServer::Response::json(
            R"({"object":"error","status":429,"code":"rate_limited","message":"You have been rate limited. Please try again in a few minutes.","additional_data":{"rate_limit_reason":"connection"}})",
            429)
            .withHeader("Retry-After", "1"));
    QElapsedTimer clock;
    clock.start();
    const QList<StreamOutcome> outcomes = sync();
    QVERIFY2(pages(outcomes).status == StreamOutcome::Status::Ok,
             qPrintable(pages(outcomes).error));
    QCOMPARE(pages(outcomes).records, 120);
    QVERIFY2(clock.elapsed() >= 900, "the client did not wait as Retry-After asked");
    const QList<FakeHttpServer::Request> requests = requestsTo(DbA);
    QCOMPARE(requests.size(), 3);                       // refused, then the two pages
    QCOMPARE(requests.at(1).body, requests.at(0).body); // the same query, repeated
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 120);
}

void TestNotion::aLongRateLimitEndsTheStreamRateLimited()
{
    QVERIFY(start({QStringLiteral("databases=") + DbA}));
    m_notion->setPage(DbA, FakeNotion::pageId(1), {QStringLiteral("One")}, at(1, 9, 0));
    m_harness->server().queueFault(
        FakeNotion::queryPath(DbA),
        FakeHttpServer::Response::json(
            R"({"object":"error","status":429,"code":"rate_limited","message":"You have been rate limited. Please try again in a few minutes."})",
            429)
            .withHeader("Retry-After", "60"),
        5);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QList<StreamOutcome> outcomes = sync();
    const StreamOutcome &o = pages(outcomes);
    QCOMPARE(o.status, StreamOutcome::Status::RateLimited);
    QVERIFY(o.resumeAt >= before.addSecs(55));
    QVERIFY(o.resumeAt <= QDateTime::currentDateTimeUtc().addSecs(65));
    QCOMPARE(m_harness->server().requestCount(FakeNotion::queryPath(DbA)), 1);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 0);
    QVERIFY(storedCursor(DbA).isEmpty());
}

void TestNotion::reportsNotionsOwnErrorMessage()
{
    const QString unshared = QStringLiteral("0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a");
    QVERIFY(start({QStringLiteral("databases=") + DbA + QLatin1Char(',') + unshared}));
    m_notion->setPage(DbA, FakeNotion::pageId(1), {QStringLiteral("One")}, at(1, 9, 0));
    QList<StreamOutcome> outcomes = sync();
    QCOMPARE(pages(outcomes).status, StreamOutcome::Status::Failed);
    QVERIFY2(pages(outcomes).error.contains(QLatin1String("Could not find database with ID: ") +
                                            unshared),
             qPrintable(pages(outcomes).error));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 1);

    // A validation error is the same however often the query is sent.
    m_harness->server().clearRequests();
    m_harness->server().queueFault(
        FakeNotion::queryPath(DbA),
        FakeHttpServer::Response::json(
            R"({"object":"error","status":400,"code":"validation_error","message":"body failed validation: body.filter.last_edited_time.on_or_after should be a valid ISO 8601 date string."})",
            400),
        m_harness->manifest().retry.maxAttempts);
    outcomes = sync();
    QCOMPARE(pages(outcomes).status, StreamOutcome::Status::Failed);
    QVERIFY2(pages(outcomes).error.contains(FakeNotion::queryPath(DbA)),
             qPrintable(pages(outcomes).error));
    // A 400 is Notion's answer: quoted, and not retried.
    QVERIFY2(pages(outcomes).error.contains(
                 QLatin1String("body.filter.last_edited_time.on_or_after should be a valid ISO "
                               "8601 date string")),
             qPrintable(pages(outcomes).error));
    QCOMPARE(m_harness->server().requestCount(FakeNotion::queryPath(DbA)), 1);
}

void TestNotion::rejectsMalformedSettings()
{
    QVERIFY(start());
    const SettingsValidator validator(m_harness->manifest());
    QVERIFY(validator
                .check(QStringLiteral("databases"),
                       DbA + QStringLiteral(", ") + QString(DbB).remove(QLatin1Char('-')))
                .isEmpty());
    const QString slug =
        validator.check(QStringLiteral("databases"), QStringLiteral("launch-plans"));
    QVERIFY2(slug.contains(QLatin1String("\"launch-plans\" is not in the expected form")),
             qPrintable(slug));
    QVERIFY2(slug.contains(QLatin1String("32 hexadecimal characters")), qPrintable(slug));
    QVERIFY(
        !validator
             .check(QStringLiteral("databases"),
                    QStringLiteral("https://www.notion.so/acme/8f2c3e1d9a6b4c7d8e9f0a1b2c3d4e5f"))
             .isEmpty());
    const QString dotted = validator.check(QStringLiteral("title_property"), QStringLiteral("a.b"));
    QVERIFY2(dotted.contains(QLatin1String("without dots")), qPrintable(dotted));

    QStringList problems;
    validator.parse({QStringLiteral("title_property=Name")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("databases")), qPrintable(problems.first()));

    problems.clear();
    const QJsonObject settings = validator.parse({QStringLiteral("databases=") + DbA}, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(settings.value(QStringLiteral("title_property")).toString(), QStringLiteral("Name"));
}

QTEST_GUILESS_MAIN(TestNotion)
#include "tst_notion.moc"
