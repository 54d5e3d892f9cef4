#include "connectorharness.h"
#include "fakegithub.h"
#include "githubfixtures.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The GitHub connector's own behaviour, beyond what tst_syncengine checks with the same fake:
// milestones as releases and the links to them, the repository of each item, merge times,
// GitHub's headers, rate-limit answers, error bodies and the repositories setting.
class TestGitHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void milestonesBecomeReleasesThatIssuesPointAt();
    void milestonesAreReadWholeEverySync();
    void itemsCarryTheirRepository();
    void pullRequestsTakeTheirMergeTime();
    void mapsACompleteIssueFieldByField();
    void sendsGitHubsHeaders();
    void waitsOutAShortRateLimit();
    void aLongRateLimitEndsTheStream();
    void reportsGitHubsOwnErrorMessage();
    void refusesMalformedRepositories();

private:
    static QDateTime at(int day, int hour = 9, int minute = 0)
    {
        return QDateTime(QDate(2026, 4, day), QTime(hour, minute), Qt::UTC);
    }
    static bool start(ConnectorHarness &h,
                      const QStringList &repositories = {QStringLiteral("acme/rocket")});
};

bool TestGitHub::start(ConnectorHarness &h, const QStringList &repositories)
{
    if (!h.start({{QStringLiteral("repositories"), QJsonArray::fromStringList(repositories)}}))
        return false;
    h.server().requireHeader("authorization", "Bearer TOKEN");
    return true;
}

void TestGitHub::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("github.json")), qPrintable(error));
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    QVERIFY(github);
    QCOMPARE(github->stream(QStringLiteral("milestones"))->target, QStringLiteral("releases"));
}

void TestGitHub::milestonesBecomeReleasesThatIssuesPointAt()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    for (int number = 1; number <= 30; ++number)
        github.setIssue(number, at(1).addSecs(number * 60), number % 5 == 0);
    github.setMilestone(1, at(2), at(20), at(21));
    github.setMilestone(2, at(3), at(28));
    github.setMilestone(3, at(4), at(30));
    github.setMilestone(4, at(5), {}, at(6, 15)); // closed, never given a due date

    const QList<StreamOutcome> outcomes = h.sync("TOKEN");
    QCOMPARE(outcomes.size(), 4);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(QString(o.stream + QStringLiteral(": ") + o.error)));
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("milestones"))->records, 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases")), 4);

    // Every state is asked for, oldest due date first.
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (!request.path.endsWith(QLatin1String("/milestones")))
            continue;
        QCOMPARE(request.query.queryItemValue(QStringLiteral("state")), QStringLiteral("all"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("sort")), QStringLiteral("due_on"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("direction")), QStringLiteral("asc"));
    }

    const QJsonObject second = github.milestone(2);
    const QVariantList row =
        h.row(QStringLiteral("SELECT name, version, released_at, url, updated_at FROM releases "
                             "WHERE external_id = '%1'")
                  .arg(second.value(QStringLiteral("node_id")).toString()));
    QCOMPARE(row.size(), 5);
    QCOMPARE(row.at(0).toString(), QStringLiteral("v1.2"));
    QVERIFY(row.at(1).isNull());
    QCOMPARE(row.at(2).toString(), QStringLiteral("2026-04-28T09:00:00Z")); // due_on
    QCOMPARE(row.at(3).toString(), QStringLiteral("https://github.com/acme/rocket/milestone/2"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-04-03T09:00:00Z"));
    // Without a due date, the day it was closed stands in.
    QCOMPARE(h.row(QStringLiteral("SELECT released_at FROM releases WHERE name = 'v1.4'"))
                 .value(0)
                 .toString(),
             QStringLiteral("2026-04-06T15:00:00Z"));

    // Issues and pull requests with a milestone point at its row; the others at nothing.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE release_ref IS NOT "
                                     "NULL")),
             5); // numbers 6, 12, 18, 24 and 30
    QCOMPARE(h.scalar(QStringLiteral(
                 "SELECT count(*) FROM work_items w JOIN releases r ON r.source_id = w.source_id "
                 "AND r.external_id = w.release_ref")),
             5);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items w JOIN releases r ON "
                                     "r.external_id = w.release_ref WHERE r.name = 'v1.1' AND "
                                     "w.url LIKE '%/pull/30'")),
             1); // number 30 is a pull request in milestone 1 + 30 % 3
}

void TestGitHub::milestonesAreReadWholeEverySync()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    github.setMilestone(1, at(2), at(20));
    github.setMilestone(2, at(3), at(28));
    QCOMPARE(h.sync("TOKEN", false, {QStringLiteral("milestones")}).first().records, 2);

    // The list has no filter by change time: the next sync reads it all and upserts.
    github.setMilestone(2, at(10), at(29, 17), at(10));
    github.setMilestone(3, at(11), at(30));
    h.server().clearRequests();
    const QList<StreamOutcome> second = h.sync("TOKEN", false, {QStringLiteral("milestones")});
    QCOMPARE(second.first().status, StreamOutcome::Status::Ok);
    QCOMPARE(second.first().records, 3);
    QVERIFY(!h.server().requests().first().query.hasQueryItem(QStringLiteral("since")));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases")), 3);
    QCOMPARE(h.row(QStringLiteral("SELECT released_at FROM releases WHERE name = 'v1.2'")).value(0),
             QVariant(QStringLiteral("2026-04-29T17:00:00Z")));
}

void TestGitHub::itemsCarryTheirRepository()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h, {QStringLiteral("acme/rocket"), QStringLiteral("acme/web")}),
             qPrintable(h.error()));
    FakeGitHub rocket(h.server(), QStringLiteral("acme"), QStringLiteral("rocket"));
    FakeGitHub web(h.server(), QStringLiteral("acme"), QStringLiteral("web"), 1300001);
    for (int number = 1; number <= 12; ++number) {
        rocket.setIssue(number, at(1).addSecs(number * 60), number % 4 == 0);
        if (number <= 7)
            web.setIssue(number, at(2).addSecs(number * 60), number % 4 == 0);
    }
    const QList<StreamOutcome> outcomes =
        h.sync("TOKEN", false, {QStringLiteral("issues"), QStringLiteral("pull_requests")});
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(QString(o.stream + QStringLiteral(": ") + o.error)));
    const QString base = h.server().baseUrl().toString();
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE project = '%1'")
                          .arg(QString(base + QStringLiteral("/repos/acme/rocket")))),
             12);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE project = '%1' AND "
                                     "kind = 'pull_request'")
                          .arg(QString(base + QStringLiteral("/repos/acme/web")))),
             1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE project IS NULL")), 0);
    // Each repository keeps its own cursor.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state WHERE stream IN "
                                     "('issues:acme/rocket', 'issues:acme/web', "
                                     "'pull_requests:acme/rocket', 'pull_requests:acme/web')")),
             4);
}

void TestGitHub::pullRequestsTakeTheirMergeTime()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    GitHubFixtures::Repository repository;
    repository.apiBase = h.server().baseUrl().toString();
    // Merged: closed_at is set a little apart from merged_at so that the test sees which
    // one was taken.
    QJsonObject merged =
        GitHubFixtures::pullRequest(repository, 1, at(1), at(3, 12), at(3, 11, 30));
    merged.insert(QStringLiteral("closed_at"), QStringLiteral("2026-04-03T11:31:00Z"));
    github.putIssue(merged);
    // Closed without merging: merged_at is null, the close time is all there is.
    QJsonObject abandoned = GitHubFixtures::pullRequest(repository, 2, at(1), at(4, 12));
    abandoned.insert(QStringLiteral("state"), QStringLiteral("closed"));
    abandoned.insert(QStringLiteral("closed_at"), QStringLiteral("2026-04-04T10:00:00Z"));
    github.putIssue(abandoned);
    github.putIssue(GitHubFixtures::pullRequest(repository, 3, at(1), at(5, 12))); // open

    const QList<StreamOutcome> outcomes = h.sync("TOKEN", false, {QStringLiteral("pull_requests")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 3);
    const auto resolved = [&h](int number) {
        return h
            .row(QStringLiteral("SELECT resolved_at FROM work_items WHERE url LIKE '%/pull/%1'")
                     .arg(number))
            .value(0);
    };
    QCOMPARE(resolved(1).toString(), QStringLiteral("2026-04-03T11:30:00Z"));
    QCOMPARE(resolved(2).toString(), QStringLiteral("2026-04-04T10:00:00Z"));
    QVERIFY(resolved(3).isNull());
}

void TestGitHub::mapsACompleteIssueFieldByField()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    // Number 12 has a milestone, two assignees and labels; it is closed.
    github.setIssue(12, at(9, 16, 45), false, at(9, 16, 40));
    QCOMPARE(h.sync("TOKEN", false, {QStringLiteral("issues")}).first().status,
             StreamOutcome::Status::Ok);
    const QJsonObject issue = github.issue(12);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, title, kind, state, points, assignee, created_at, started_at, "
        "resolved_at, url, updated_at, project, feature_ref, release_ref, sprint FROM work_items"));
    QCOMPARE(row.size(), 15);
    QCOMPARE(row.at(0).toString(), QString::number(issue.value(QStringLiteral("id")).toInteger()));
    QCOMPARE(row.at(0).toString(), QStringLiteral("1296269012"));
    QCOMPARE(row.at(1).toString(), issue.value(QStringLiteral("title")).toString());
    QCOMPARE(row.at(2).toString(), QStringLiteral("issue"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("closed"));
    QVERIFY(row.at(4).isNull()); // GitHub issues carry no estimate
    QCOMPARE(row.at(5).toString(), issue.value(QStringLiteral("assignee"))
                                       .toObject()
                                       .value(QStringLiteral("login"))
                                       .toString());
    QVERIFY(!row.at(5).toString().isEmpty());
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-04-06T16:45:00Z")); // three days before
    QVERIFY(row.at(7).isNull());
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-04-09T16:40:00Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("https://github.com/acme/rocket/issues/12"));
    QCOMPARE(row.at(10).toString(), QStringLiteral("2026-04-09T16:45:00Z"));
    QCOMPARE(row.at(11).toString(), issue.value(QStringLiteral("repository_url")).toString());
    QVERIFY(row.at(11).toString().endsWith(QLatin1String("/repos/acme/rocket")));
    QVERIFY(row.at(12).isNull());
    QCOMPARE(row.at(13).toString(), issue.value(QStringLiteral("milestone"))
                                        .toObject()
                                        .value(QStringLiteral("node_id"))
                                        .toString());
    QVERIFY(!row.at(13).toString().isEmpty());
    QVERIFY(row.at(14).isNull());
}

void TestGitHub::sendsGitHubsHeaders()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    github.setIssue(1, at(1));
    github.setRelease(1, at(2));
    github.setMilestone(1, at(2), at(20));
    const QList<StreamOutcome> outcomes = h.sync("TOKEN");
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(QString(o.stream + QStringLiteral(": ") + o.error)));
    QCOMPARE(h.server().requests().size(), 4);
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer TOKEN"));
        QCOMPARE(request.header("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
    }
}

void TestGitHub::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    for (int number = 1; number <= 150; ++number)
        github.setIssue(number, at(1).addSecs(number * 60));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})",
        429);
    limited.withHeader("Retry-After", "1");
    github.failIssuePage(2, limited);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync("TOKEN", false, {QStringLiteral("issues")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900); // it waited as asked
    QCOMPARE(outcomes.first().pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 150);
}

void TestGitHub::aLongRateLimitEndsTheStream()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitHub github(h.server());
    for (int number = 1; number <= 150; ++number)
        github.setIssue(number, at(1).addSecs(number * 60));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})",
        429);
    limited.withHeader("Retry-After", "3600");
    github.failIssuePage(2, limited, 5);
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QList<StreamOutcome> outcomes = h.sync("TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome &issues = outcomes.first();
    QCOMPARE(issues.status, StreamOutcome::Status::RateLimited);
    QVERIFY(issues.resumeAt.toSecsSinceEpoch() >= before + 3600);
    QVERIFY(issues.resumeAt.toSecsSinceEpoch() <= QDateTime::currentSecsSinceEpoch() + 3600);
    // The first page is kept, with its cursor, for the next sync to resume from.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 100);
    QCOMPARE(h.scalar(QStringLiteral(
                 "SELECT count(*) FROM sync_state WHERE stream = 'issues:acme/rocket'")),
             1);
}

void TestGitHub::reportsGitHubsOwnErrorMessage()
{
    ConnectorHarness h(QStringLiteral("github"));
    QVERIFY2(start(h, {QStringLiteral("acme/gone")}), qPrintable(h.error()));
    h.server().route(
        "GET", QStringLiteral("/repos/acme/gone/milestones"), [](const FakeHttpServer::Request &) {
            return FakeHttpServer::Response::json(
                R"({"message":"Repository access blocked","block":{"reason":"tos","created_at":"2026-01-01T00:00:00Z","html_url":"https://github.com/tos"},"documentation_url":"https://docs.github.com/rest"})",
                451);
        });
    const QList<StreamOutcome> outcomes = h.sync("TOKEN");
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::Failed);
    QVERIFY2(issues->error.contains(QStringLiteral("Not Found")), qPrintable(issues->error));
    QVERIFY2(issues->error.contains(QStringLiteral("404")), qPrintable(issues->error));
    const StreamOutcome *milestones =
        ConnectorHarness::find(outcomes, QStringLiteral("milestones"));
    QCOMPARE(milestones->status, StreamOutcome::Status::Failed);
    QVERIFY2(milestones->error.contains(QStringLiteral("Repository access blocked")),
             qPrintable(milestones->error));
}

void TestGitHub::refusesMalformedRepositories()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    QVERIFY(github);
    const SettingsValidator validator(*github);
    QVERIFY(
        validator.check(QStringLiteral("repositories"), QStringLiteral("acme/rocket")).isEmpty());
    const QString problem = validator.check(QStringLiteral("repositories"),
                                            QStringLiteral("https://github.com/acme/rocket"));
    QVERIFY2(problem.contains(QStringLiteral("is not in the expected form")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("owner/name")), qPrintable(problem));

    QStringList problems;
    const QJsonObject settings =
        validator.parse({QStringLiteral("repositories=acme/rocket, acme/web")}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(settings.value(QStringLiteral("repositories")).toArray().size(), 2);
    validator.parse({QStringLiteral("repositories=acme/rocket,acme")}, &problems);
    QCOMPARE(problems.size(), 2); // the bad item, and so the required setting is missing
    QVERIFY2(problems.first().contains(QStringLiteral("\"acme\"")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestGitHub)
#include "tst_github.moc"
