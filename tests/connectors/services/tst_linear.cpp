#include "connectorharness.h"
#include "fakelinear.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The Linear connector against a fake Linear GraphQL API on loopback.
class TestLinear : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsIssuesAndProjectsPageByPage();
    void resumesFromTheCursor();
    void mapsAnIssueFieldByField();
    void mapsAProjectToAFeature();
    void refusesABearerPrefixedKey();
    void waitsOutAShortRateLimit();
    void aLongRateLimitEndsTheStream();
    void graphqlErrorsFailWithLinearsMessage();
    void theFilterNeedsTheInitialCursor();
    void refusesUnknownSettings();

private:
    static QDateTime at(int day, int hour = 9, int minute = 0)
    {
        return QDateTime(QDate(2026, 6, day), QTime(hour, minute), Qt::UTC);
    }
    static QString describe(const StreamOutcome &o)
    {
        return QString(o.stream + QStringLiteral(": ") + o.error);
    }
    static QJsonObject variables(const FakeHttpServer::Request &request)
    {
        return QJsonDocument::fromJson(request.body)
            .object()
            .value(QStringLiteral("variables"))
            .toObject();
    }
    static bool isIssues(const FakeHttpServer::Request &request)
    {
        return QJsonDocument::fromJson(request.body)
            .object()
            .value(QStringLiteral("query"))
            .toString()
            .startsWith(QLatin1String("query Issues"));
    }
    static FakeHttpServer::Response limited(const QByteArray &retryAfter)
    {
        FakeHttpServer::Response response = FakeHttpServer::Response::json(
            R"({"errors":[{"message":"Rate limit exceeded","extensions":{"type":"ratelimited","code":"RATELIMITED","userPresentableMessage":"Too many requests, try again later."}}]})",
            429);
        response.withHeader("Retry-After", retryAfter);
        return response;
    }
};

void TestLinear::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("linear.json")), qPrintable(error));
    const ConnectorManifest *linear = registry.find(QStringLiteral("linear"));
    QVERIFY(linear);
    // A personal API key goes bare into Authorization; "Bearer " is for OAuth tokens only.
    QCOMPARE(linear->auth.type, AuthSpec::Type::Header);
    QCOMPARE(linear->auth.header, QStringLiteral("Authorization"));
    QVERIFY(linear->auth.prefix.isEmpty());
    QCOMPARE(linear->stream(QStringLiteral("projects"))->target, QStringLiteral("features"));
}

void TestLinear::syncsIssuesAndProjectsPageByPage()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    for (int number = 1; number <= 230; ++number)
        linear.setIssue(number, at(1).addSecs(number * 53),
                        number % 3 == 0 ? at(1).addSecs(number * 53 - 20) : QDateTime(),
                        1 + number % 4, number % 5);
    for (int number = 1; number <= 120; ++number)
        linear.setProject(number, at(2).addSecs(number * 71), QDate(2026, 9, 1 + number % 28));

    const QList<StreamOutcome> outcomes = h.sync("lin_api_TESTKEY");
    QCOMPARE(outcomes.size(), 2);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok, qPrintable(describe(o)));
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("issues"))->pages, 3);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("projects"))->pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 230);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 120);
    // Every issue's project is a synced feature.
    QCOMPARE(
        h.scalar(QStringLiteral("SELECT count(*) FROM work_items w JOIN features f ON "
                                "f.source_id = w.source_id AND f.external_id = w.feature_ref")),
        230);

    // POSTed GraphQL with the key bare; each page asks after the previous page's endCursor,
    // and the filter variable is there from the first request on.
    QList<FakeHttpServer::Request> issueRequests;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("authorization"), QByteArray("lin_api_TESTKEY"));
        if (isIssues(request))
            issueRequests.append(request);
    }
    QCOMPARE(issueRequests.size(), 3);
    QCOMPARE(variables(issueRequests.at(0)).value(QStringLiteral("since")).toString(),
             QStringLiteral("1970-01-01T00:00:00Z"));
    QCOMPARE(variables(issueRequests.at(0)).value(QStringLiteral("first")).toInt(), 100);
    QVERIFY(!variables(issueRequests.at(0)).contains(QStringLiteral("after")));
    QCOMPARE(variables(issueRequests.at(1)).value(QStringLiteral("after")).toString(),
             linear.issue(100).value(QStringLiteral("id")).toString());
    QCOMPARE(variables(issueRequests.at(2)).value(QStringLiteral("after")).toString(),
             linear.issue(200).value(QStringLiteral("id")).toString());
}

void TestLinear::resumesFromTheCursor()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    for (int number = 1; number <= 140; ++number)
        linear.setIssue(number, at(1).addSecs(number * 61).addMSecs(250));
    QCOMPARE(h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")}).first().records, 140);
    const QDateTime newest = QDateTime::fromString(
        linear.issue(140).value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs);

    linear.setIssue(17, at(9), at(9));
    linear.setIssue(90, at(9, 10));
    linear.setIssue(141, at(9, 11));
    h.server().clearRequests();
    const QList<StreamOutcome> outcomes =
        h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(describe(outcomes.first())));
    // Linear's filter is "greater than": a second before the newest change, to the second.
    QCOMPARE(variables(h.server().requests().first()).value(QStringLiteral("since")).toString(),
             newest.addSecs(-1).toString(Qt::ISODate));
    QCOMPARE(outcomes.first().records, 4); // three changes and the newest record again
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 141);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE state = 'Done'")), 1);
}

void TestLinear::mapsAnIssueFieldByField()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setIssue(5, at(10, 15, 30), at(10, 15), 2, 3); // cycle 3 has no name
    linear.setIssue(8, at(10, 16), {}, 0, 4);             // cycle 4 is named
    QCOMPARE(h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")}).first().status,
             StreamOutcome::Status::Ok);
    const QJsonObject issue = linear.issue(5);
    const QVariantList row = h.row(
        QStringLiteral("SELECT external_id, title, kind, state, points, assignee, created_at, "
                       "started_at, resolved_at, url, updated_at, project, feature_ref, "
                       "release_ref, sprint FROM work_items WHERE external_id = '%1'")
            .arg(issue.value(QStringLiteral("id")).toString()));
    QCOMPARE(row.size(), 15);
    QCOMPARE(row.at(0).toString().size(), 36); // the UUID, stable when the issue changes team
    QCOMPARE(row.at(1).toString(),
             QStringLiteral("Cycle report double-counts carried-over issues"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("issue"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Done"));
    QCOMPARE(row.at(4).toDouble(), 1.0);
    QCOMPARE(row.at(5).toString(), QStringLiteral("Lea Brandt"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-06-05T15:29:59.916Z"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-06-06T15:29:59.916Z"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-06-10T15:00:00Z"));
    QCOMPARE(row.at(9).toString(),
             QStringLiteral("https://linear.app/acme/issue/eng-5/"
                            "cycle-report-double-counts-carried-over-issues"));
    QCOMPARE(row.at(10).toString(), QStringLiteral("2026-06-10T15:30:00Z"));
    QCOMPARE(row.at(11).toString(), QStringLiteral("ENG"));
    QCOMPARE(row.at(12).toString(), FakeLinear::projectId(2));
    QVERIFY(row.at(13).isNull());
    QCOMPARE(row.at(14).toString(), QStringLiteral("3"));

    const QVariantList other = h.row(
        QStringLiteral("SELECT state, points, resolved_at, feature_ref, sprint FROM work_items "
                       "WHERE external_id = '%1'")
            .arg(linear.issue(8).value(QStringLiteral("id")).toString()));
    QCOMPARE(other.value(0).toString(), QStringLiteral("In Progress"));
    QCOMPARE(other.value(1).toDouble(), 5.0);
    QVERIFY(other.value(2).isNull());
    QVERIFY(other.value(3).isNull());
    QCOMPARE(other.value(4).toString(), QStringLiteral("Hardening 4"));
}

void TestLinear::mapsAProjectToAFeature()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setProject(2, at(3, 12), QDate(2026, 7, 1));
    linear.setProject(3, at(3, 13));
    QCOMPARE(h.sync("lin_api_TESTKEY", false, {QStringLiteral("projects")}).first().status,
             StreamOutcome::Status::Ok);
    const QJsonObject project = linear.project(2);
    const QVariantList row =
        h.row(QStringLiteral("SELECT external_id, name, description, status, release_date, url, "
                             "updated_at FROM features WHERE external_id = '%1'")
                  .arg(FakeLinear::projectId(2)));
    QCOMPARE(row.size(), 7);
    QCOMPARE(row.at(1).toString(), QStringLiteral("Launch 2"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Everything that ships with launch 2."));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Completed"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-07-01"));
    QCOMPARE(row.at(5).toString(), project.value(QStringLiteral("url")).toString());
    QVERIFY(row.at(5).toString().startsWith(QLatin1String("https://linear.app/acme/project/")));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-06-03T12:00:00Z"));
    const QVariantList undated =
        h.row(QStringLiteral("SELECT status, release_date FROM features WHERE external_id = '%1'")
                  .arg(FakeLinear::projectId(3)));
    QCOMPARE(undated.value(0).toString(), QStringLiteral("Planned"));
    QVERIFY(undated.value(1).isNull());
}

void TestLinear::refusesABearerPrefixedKey()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setIssue(1, at(1));
    const QList<StreamOutcome> outcomes =
        h.sync("Bearer lin_api_TESTKEY", false, {QStringLiteral("issues")});
    const StreamOutcome &issues = outcomes.first();
    QCOMPARE(issues.status, StreamOutcome::Status::Failed);
    QVERIFY2(issues.error.contains(QStringLiteral("refused the credentials")),
             qPrintable(issues.error));
    QVERIFY2(issues.error.contains(QStringLiteral("Authentication required, not authenticated")),
             qPrintable(issues.error));
    QVERIFY(!issues.error.contains(QStringLiteral("lin_api_TESTKEY")));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestLinear::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    for (int number = 1; number <= 120; ++number)
        linear.setIssue(number, at(1).addSecs(number * 61));
    h.server().queueFault(QStringLiteral("/graphql"), limited("1"));
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes =
        h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(describe(outcomes.first())));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(outcomes.first().pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 120);
}

void TestLinear::aLongRateLimitEndsTheStream()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setIssue(1, at(1));
    h.server().queueFault(QStringLiteral("/graphql"), limited("3600"), 5);
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QList<StreamOutcome> outcomes =
        h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(outcomes.first().resumeAt.toSecsSinceEpoch() >= before + 3600);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestLinear::graphqlErrorsFailWithLinearsMessage()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setIssue(1, at(1));
    // An error during execution comes with HTTP 200 and no data.
    h.server().queueFault(
        QStringLiteral("/graphql"),
        FakeHttpServer::Response::json(
            R"({"data":null,"errors":[{"message":"Entity not found: Project","path":["issues"],"extensions":{"type":"invalid input","code":"INPUT_ERROR","userError":true,"userPresentableMessage":"Could not find referenced Project."}}]})"));
    QList<StreamOutcome> outcomes = h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Entity not found: Project")),
             qPrintable(outcomes.first().error));

    // Linear's complexity limit answers 400 with RATELIMITED in the body: the engine reads
    // rate limits from the status and headers only, so this fails the stream, at once and
    // with Linear's message, instead of waiting.
    h.server().queueFault(
        QStringLiteral("/graphql"),
        FakeHttpServer::Response::json(
            R"({"errors":[{"message":"Query complexity exceeded the hourly limit","extensions":{"type":"ratelimited","code":"RATELIMITED","userError":true}}]})",
            400));
    outcomes = h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("Query complexity exceeded")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);

    // Once Linear answers again, the same source syncs.
    QCOMPARE(h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")}).first().status,
             StreamOutcome::Status::Ok);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 1);
}

// Without cursor.initial the engine would drop the empty $since from the variables, and
// Linear refuses the query: the declared non-null variable is missing.
void TestLinear::theFilterNeedsTheInitialCursor()
{
    ConnectorHarness h(QStringLiteral("linear"));
    QVERIFY2(h.start({}), qPrintable(h.error()));
    FakeLinear linear(h.server());
    linear.setIssue(1, at(1));
    for (StreamSpec &stream : h.manifest().streams)
        stream.cursor.initial.clear();
    const QList<StreamOutcome> outcomes =
        h.sync("lin_api_TESTKEY", false, {QStringLiteral("issues")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("\"$since\"")),
             qPrintable(outcomes.first().error));
    QVERIFY(!variables(h.server().requests().first()).contains(QStringLiteral("since")));
}

void TestLinear::refusesUnknownSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *linear = registry.find(QStringLiteral("linear"));
    QVERIFY(linear);
    const SettingsValidator validator(*linear);
    const QString problem = validator.check(QStringLiteral("team"), QStringLiteral("ENG"));
    QVERIFY2(problem.contains(QStringLiteral("Linear has no setting \"team\" (settings: none)")),
             qPrintable(problem));
    QStringList problems;
    validator.parse({QStringLiteral("team=ENG")}, &problems);
    QCOMPARE(problems.size(), 1);
    problems.clear();
    validator.parse({}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLinear)
#include "tst_linear.moc"
