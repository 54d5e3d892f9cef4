#include "connectorharness.h"
#include "engine/requestbuilder.h"
#include "fakegitlab.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

// The GitLab connector against a fake GitLab on loopback.
class TestGitLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryStreamPageByPage();
    void resumesFromTheCursor();
    void mapsAnIssueFieldByField();
    void keepsAMergeRequestApartFromTheIssueWithItsId();
    void mapsMilestonesReleasesAndPipelines();
    void refusesAWrongToken();
    void waitsOutAShortRateLimit();
    void aLongRateLimitEndsTheStream();
    void reportsGitLabsOwnErrors();
    void projectPathsCannotReachTheApi();
    void refusesProjectPathsAsSettings();

private:
    static constexpr qint64 rocket = 278964;
    static QDateTime at(int day, int hour = 9, int minute = 0)
    {
        return QDateTime(QDate(2026, 5, day), QTime(hour, minute), Qt::UTC);
    }
    static bool start(ConnectorHarness &h, const QStringList &projects = {QStringLiteral("278964")})
    {
        return h.start({{QStringLiteral("projects"), QJsonArray::fromStringList(projects)}},
                       QStringLiteral("/api/v4"));
    }
    static QString describe(const StreamOutcome &o)
    {
        return QString(o.stream + QStringLiteral(": ") + o.error);
    }
};

void TestGitLab::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("gitlab.json")), qPrintable(error));
    const ConnectorManifest *gitlab = registry.find(QStringLiteral("gitlab"));
    QVERIFY(gitlab);
    QCOMPARE(gitlab->auth.type, AuthSpec::Type::Header);
    QCOMPARE(gitlab->auth.header, QStringLiteral("PRIVATE-TOKEN"));
    QCOMPARE(gitlab->defaultBaseUrl, QStringLiteral("https://gitlab.com/api/v4"));
    QCOMPARE(gitlab->stream(QStringLiteral("pipelines"))->target, QStringLiteral("pipelines"));
}

void TestGitLab::syncsEveryStreamPageByPage()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    for (int iid = 1; iid <= 230; ++iid)
        gitlab.setIssue(rocket, iid, at(1).addSecs(iid * 61), iid % 4 == 0 ? at(20) : QDateTime(),
                        iid % 5 == 0 ? 1 + iid % 3 : 0);
    for (int iid = 1; iid <= 120; ++iid)
        gitlab.setMergeRequest(rocket, iid, at(2).addSecs(iid * 47),
                               iid % 2 ? at(2).addSecs(iid * 47 - 30) : QDateTime());
    for (int n = 1; n <= 150; ++n)
        gitlab.setPipeline(rocket, n, at(3).addSecs(n * 90),
                           n % 7 ? QStringLiteral("success") : QStringLiteral("failed"));
    for (int iid = 1; iid <= 3; ++iid)
        gitlab.setMilestone(rocket, iid, at(4), QDate(2026, 6, iid * 7));
    gitlab.setRelease(rocket, 1, at(5));
    gitlab.setRelease(rocket, 2, at(12));

    const QList<StreamOutcome> outcomes = h.sync("glpat-TOKEN");
    QCOMPARE(outcomes.size(), 5);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok, qPrintable(describe(o)));
    const auto outcome = [&outcomes](const char *name) {
        return *ConnectorHarness::find(outcomes, QString::fromLatin1(name));
    };
    QCOMPARE(outcome("issues").records, 230);
    QCOMPARE(outcome("issues").pages, 3);
    QCOMPARE(outcome("merge_requests").records, 120);
    QCOMPARE(outcome("merge_requests").pages, 2);
    QCOMPARE(outcome("pipelines").pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'issue'")), 230);
    QCOMPARE(
        h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'merge_request'")),
        120);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases")), 5); // 3 milestones
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM pipelines")), 150);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM pipelines WHERE status = 'failed'")),
             21);
    // Issues in a milestone point at its row.
    QCOMPARE(
        h.scalar(QStringLiteral("SELECT count(*) FROM work_items w JOIN releases r ON "
                                "r.source_id = w.source_id AND r.external_id = w.release_ref")),
        46);

    // The token went in GitLab's header, never in Authorization; the first request of each
    // incremental stream asked for the oldest change first and had no cursor yet.
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        QCOMPARE(request.header("private-token"), QByteArray("glpat-TOKEN"));
        QVERIFY(request.header("authorization").isEmpty());
    }
    const FakeHttpServer::Request first = h.server().requests().first();
    QCOMPARE(first.path, FakeGitLab::path(rocket, QStringLiteral("issues")));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("order_by")), QStringLiteral("updated_at"));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("sort")), QStringLiteral("asc"));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QVERIFY(!first.query.hasQueryItem(QStringLiteral("updated_after")));
}

void TestGitLab::resumesFromTheCursor()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    // Milliseconds, as GitLab writes them: the cursor is sent in whole seconds.
    for (int iid = 1; iid <= 140; ++iid)
        gitlab.setIssue(rocket, iid, at(1).addSecs(iid * 61).addMSecs(250));
    for (int n = 1; n <= 40; ++n)
        gitlab.setPipeline(rocket, n, at(2).addSecs(n * 90).addMSecs(600),
                           QStringLiteral("success"));
    const QStringList streams{QStringLiteral("issues"), QStringLiteral("pipelines")};
    QList<StreamOutcome> outcomes = h.sync("glpat-TOKEN", false, streams);
    QCOMPARE(outcomes.first().records, 140);
    const QString newestIssue = gitlab.record(rocket, QStringLiteral("issues"), 140)
                                    .value(QStringLiteral("updated_at"))
                                    .toString();
    const QString newestPipeline = gitlab.record(rocket, QStringLiteral("pipelines"), 40)
                                       .value(QStringLiteral("updated_at"))
                                       .toString();

    gitlab.setIssue(rocket, 17, at(9), at(9));
    gitlab.setIssue(rocket, 90, at(9, 10));
    gitlab.setIssue(rocket, 141, at(9, 11));
    gitlab.setPipeline(rocket, 41, at(9, 12), QStringLiteral("running"));
    h.server().clearRequests();
    outcomes = h.sync("glpat-TOKEN", false, streams);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok, qPrintable(describe(o)));

    // Asked from the newest change seen, to the second...
    QString issuesAfter;
    QString pipelinesAfter;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        const QString after =
            request.query.queryItemValue(QStringLiteral("updated_after"), QUrl::FullyDecoded);
        if (request.path.endsWith(QLatin1String("/issues")))
            issuesAfter = after;
        else
            pipelinesAfter = after;
    }
    QCOMPARE(issuesAfter, QString(newestIssue.left(19) + QLatin1Char('Z')));
    QCOMPARE(pipelinesAfter, QString(newestPipeline.left(19) + QLatin1Char('Z')));
    // ...so the fake sent the three changes plus the boundary record, read again.
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("issues"))->records, 4);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("pipelines"))->records, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 141);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE state = 'closed'")), 1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM pipelines")), 41);
}

void TestGitLab::mapsAnIssueFieldByField()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    // Number 2: assigned, weighted, in an epic, an iteration and milestone 1; closed.
    gitlab.setIssue(rocket, 2, at(7, 14, 30), at(7, 14, 0), 1);
    QCOMPARE(h.sync("glpat-TOKEN", false, {QStringLiteral("issues")}).first().status,
             StreamOutcome::Status::Ok);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, title, kind, state, points, assignee, created_at, started_at, "
        "resolved_at, url, updated_at, project, feature_ref, release_ref, sprint FROM work_items"));
    QCOMPARE(row.size(), 15);
    QCOMPARE(row.at(0).toString(), QStringLiteral("1964002")); // the global id, not the iid
    QCOMPARE(row.at(1).toString(), QStringLiteral("Sync retries forever after a 401"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("issue"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("closed"));
    QCOMPARE(row.at(4).toDouble(), 2.0); // weight
    QCOMPARE(row.at(5).toString(), QStringLiteral("tobias"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-05-05T14:29:59.683Z"));
    QVERIFY(row.at(7).isNull());
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-05-07T14:00:00Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("https://gitlab.com/acme/rocket/-/issues/2"));
    QCOMPARE(row.at(10).toString(), QStringLiteral("2026-05-07T14:30:00Z"));
    QCOMPARE(row.at(11).toString(), QStringLiteral("278964"));
    QCOMPARE(row.at(12).toString(), QStringLiteral("42")); // the epic
    QCOMPARE(row.at(13).toString(), QString::number(FakeGitLab::milestoneId(rocket, 1)));
    QCOMPARE(row.at(14).toString(), QStringLiteral("Sprint 14"));
}

void TestGitLab::keepsAMergeRequestApartFromTheIssueWithItsId()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    gitlab.setIssue(rocket, 7, at(6));
    gitlab.setMergeRequest(rocket, 7, at(8, 16), at(8, 15, 45), 2);
    gitlab.setMergeRequest(rocket, 8, at(8, 17));
    QCOMPARE(
        gitlab.record(rocket, QStringLiteral("issues"), 7).value(QStringLiteral("id")),
        gitlab.record(rocket, QStringLiteral("merge_requests"), 7).value(QStringLiteral("id")));
    const QList<StreamOutcome> outcomes =
        h.sync("glpat-TOKEN", false, {QStringLiteral("issues"), QStringLiteral("merge_requests")});
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok, qPrintable(describe(o)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 3);

    const QVariantList merged = h.row(
        QStringLiteral("SELECT external_id, title, kind, state, assignee, created_at, resolved_at, "
                       "url, updated_at, project, release_ref FROM work_items WHERE url LIKE "
                       "'%/merge_requests/7'"));
    QCOMPARE(merged.size(), 11);
    QCOMPARE(merged.at(0).toString(), QStringLiteral("acme/rocket!7"));
    QCOMPARE(merged.at(1).toString(),
             QStringLiteral("Resolve \"Sync retries forever after a 401\""));
    QCOMPARE(merged.at(2).toString(), QStringLiteral("merge_request"));
    QCOMPARE(merged.at(3).toString(), QStringLiteral("merged"));
    QCOMPARE(merged.at(4).toString(), QStringLiteral("root")); // unassigned: the author
    QCOMPARE(merged.at(5).toString(), QStringLiteral("2026-05-07T15:59:59.488Z"));
    QCOMPARE(merged.at(6).toString(), QStringLiteral("2026-05-08T15:45:00Z")); // merged_at
    QCOMPARE(merged.at(7).toString(),
             QStringLiteral("https://gitlab.com/acme/rocket/-/merge_requests/7"));
    QCOMPARE(merged.at(8).toString(), QStringLiteral("2026-05-08T16:00:00Z"));
    QCOMPARE(merged.at(9).toString(), QStringLiteral("278964"));
    QCOMPARE(merged.at(10).toString(), QString::number(FakeGitLab::milestoneId(rocket, 2)));
    const QVariantList open = h.row(QStringLiteral(
        "SELECT state, assignee, resolved_at FROM work_items WHERE external_id = 'acme/rocket!8'"));
    QCOMPARE(open.value(0).toString(), QStringLiteral("opened"));
    QCOMPARE(open.value(1).toString(), QStringLiteral("tobias"));
    QVERIFY(open.value(2).isNull());
}

void TestGitLab::mapsMilestonesReleasesAndPipelines()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    gitlab.setMilestone(rocket, 1, at(3, 8), QDate(2026, 6, 1));
    gitlab.setMilestone(rocket, 2, at(3, 9), QDate());
    gitlab.setRelease(rocket, 3, at(10, 12));
    gitlab.setRelease(rocket, 4, at(11, 12)); // released without a name
    gitlab.setPipeline(rocket, 5, at(12, 18, 20), QStringLiteral("failed"));
    const QList<StreamOutcome> outcomes = h.sync(
        "glpat-TOKEN", false,
        {QStringLiteral("milestones"), QStringLiteral("releases"), QStringLiteral("pipelines")});
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok, qPrintable(describe(o)));

    const QVariantList milestone = h.row(
        QStringLiteral("SELECT name, version, released_at, url, updated_at FROM releases WHERE "
                       "external_id = '%1'")
            .arg(FakeGitLab::milestoneId(rocket, 1)));
    QCOMPARE(milestone.size(), 5);
    QCOMPARE(milestone.at(0).toString(), QStringLiteral("17.0"));
    QVERIFY(milestone.at(1).isNull());
    QCOMPARE(milestone.at(2).toString(), QStringLiteral("2026-06-01T00:00:00Z")); // due date
    QCOMPARE(milestone.at(3).toString(),
             QStringLiteral("https://gitlab.com/acme/rocket/-/milestones/1"));
    QCOMPARE(milestone.at(4).toString(), QStringLiteral("2026-05-03T08:00:00Z"));
    QVERIFY(h.row(QStringLiteral("SELECT released_at FROM releases WHERE name = '18.0'"))
                .value(0)
                .isNull());

    // Releases have no id in GitLab's API: their own address stands in, one per project and tag.
    const QVariantList release =
        h.row(QStringLiteral("SELECT external_id, name, version, released_at, url, updated_at "
                             "FROM releases WHERE version = 'v2.3.0'"));
    QCOMPARE(release.size(), 6);
    QCOMPARE(release.at(0).toString(),
             QStringLiteral("https://gitlab.com/acme/rocket/-/releases/v2.3.0"));
    QCOMPARE(release.at(1).toString(), QStringLiteral("Rocket v2.3.0"));
    QCOMPARE(release.at(3).toString(), QStringLiteral("2026-05-10T12:00:00Z"));
    QCOMPARE(release.at(4).toString(), release.at(0).toString());
    QCOMPARE(release.at(5).toString(), QStringLiteral("2026-05-10T12:00:00Z"));
    QCOMPARE(h.row(QStringLiteral("SELECT name FROM releases WHERE version = 'v2.4.0'")).value(0),
             QVariant(QStringLiteral("v2.4.0")));

    const QVariantList pipeline =
        h.row(QStringLiteral("SELECT external_id, project, ref, status, created_at, started_at, "
                             "finished_at, duration_seconds, url, updated_at FROM pipelines"));
    QCOMPARE(pipeline.size(), 10);
    QCOMPARE(pipeline.at(0).toString(), QStringLiteral("9964005"));
    QCOMPARE(pipeline.at(1).toString(), QStringLiteral("278964"));
    QCOMPARE(pipeline.at(2).toString(), QStringLiteral("main"));
    QCOMPARE(pipeline.at(3).toString(), QStringLiteral("failed"));
    QCOMPARE(pipeline.at(4).toString(), QStringLiteral("2026-05-12T18:15:00Z"));
    // GitLab's list leaves these out; only GET /projects/:id/pipelines/:pipeline_id has them.
    QVERIFY(pipeline.at(5).isNull());
    QVERIFY(pipeline.at(6).isNull());
    QVERIFY(pipeline.at(7).isNull());
    QCOMPARE(pipeline.at(8).toString(),
             QStringLiteral("https://gitlab.com/acme/rocket/-/pipelines/9964005"));
    QCOMPARE(pipeline.at(9).toString(), QStringLiteral("2026-05-12T18:20:00Z"));
}

void TestGitLab::refusesAWrongToken()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    gitlab.setIssue(rocket, 1, at(1));
    const QList<StreamOutcome> outcomes = h.sync("glpat-WRONG", false, {QStringLiteral("issues")});
    const StreamOutcome &issues = outcomes.first();
    QCOMPARE(issues.status, StreamOutcome::Status::Failed);
    QVERIFY2(issues.error.contains(QStringLiteral("refused the credentials")),
             qPrintable(issues.error));
    QVERIFY2(issues.error.contains(QStringLiteral("401 Unauthorized")), qPrintable(issues.error));
    QVERIFY(!issues.error.contains(QStringLiteral("glpat-WRONG")));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
    QCOMPARE(h.server().requests().first().header("private-token"), QByteArray("glpat-WRONG"));
}

void TestGitLab::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    for (int iid = 1; iid <= 150; ++iid)
        gitlab.setIssue(rocket, iid, at(1).addSecs(iid * 61));
    // What GitLab's throttle sends: plain text and a wait in seconds.
    FakeHttpServer::Response limited;
    limited.status = 429;
    limited.body = "Retry later\n";
    limited.withHeader("Content-Type", "text/plain").withHeader("Retry-After", "1");
    gitlab.failPage(rocket, QStringLiteral("issues"), 2, limited);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync("glpat-TOKEN", false, {QStringLiteral("issues")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(outcomes.first().pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 150);
}

void TestGitLab::aLongRateLimitEndsTheStream()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    for (int iid = 1; iid <= 150; ++iid)
        gitlab.setIssue(rocket, iid, at(1).addSecs(iid * 61));
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 1800;
    FakeHttpServer::Response limited;
    limited.status = 429;
    limited.body = "Retry later\n";
    limited.withHeader("Content-Type", "text/plain")
        .withHeader("Retry-After", "1800")
        .withHeader("RateLimit-Remaining", "0")
        .withHeader("RateLimit-Reset", QByteArray::number(reset));
    gitlab.failPage(rocket, QStringLiteral("issues"), 2, limited, 5);
    const QList<StreamOutcome> outcomes = h.sync("glpat-TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome &issues = outcomes.first();
    QCOMPARE(issues.status, StreamOutcome::Status::RateLimited);
    QVERIFY(qAbs(issues.resumeAt.toSecsSinceEpoch() - reset) <= 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 100);
    QCOMPARE(
        h.scalar(QStringLiteral("SELECT count(*) FROM sync_state WHERE stream = 'issues:278964'")),
        1);
}

void TestGitLab::reportsGitLabsOwnErrors()
{
    ConnectorHarness h(QStringLiteral("gitlab"));
    QVERIFY2(start(h, {QStringLiteral("278964"), QStringLiteral("404404")}), qPrintable(h.error()));
    FakeGitLab gitlab(h.server());
    gitlab.addProject(rocket, QStringLiteral("acme/rocket"));
    gitlab.setIssue(rocket, 1, at(1));
    QList<StreamOutcome> outcomes = h.sync("glpat-TOKEN", false, {QStringLiteral("issues")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("404 Project Not Found")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 1); // the first project

    // A parameter GitLab does not accept comes back as {"error": ...}.
    for (StreamSpec &stream : h.manifest().streams) {
        for (auto &[name, value] : stream.request.query) {
            if (name == QLatin1String("order_by"))
                value = QStringLiteral("updated");
        }
    }
    outcomes = h.sync("glpat-TOKEN", false, {QStringLiteral("pipelines")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(
        outcomes.first().error.contains(QStringLiteral("order_by does not have a valid value")),
        qPrintable(outcomes.first().error));
}

// GitLab wants a project path with its slash encoded (acme%2Frocket); the engine keeps the
// slash of a path placeholder, and encodes a typed %2F again. Hence numeric ids.
void TestGitLab::projectPathsCannotReachTheApi()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *gitlab = registry.find(QStringLiteral("gitlab"));
    QVERIFY(gitlab);
    const StreamSpec &issues = *gitlab->stream(QStringLiteral("issues"));
    const RequestBuilder builder(*gitlab, issues, QUrl(gitlab->defaultBaseUrl), {});
    QCOMPARE(builder.first(QStringLiteral("278964"), QString()).url.path(QUrl::FullyEncoded),
             QStringLiteral("/api/v4/projects/278964/issues"));
    QCOMPARE(builder.first(QStringLiteral("acme/rocket"), QString()).url.path(QUrl::FullyEncoded),
             QStringLiteral("/api/v4/projects/acme/rocket/issues"));
    QCOMPARE(builder.first(QStringLiteral("acme%2Frocket"), QString()).url.path(QUrl::FullyEncoded),
             QStringLiteral("/api/v4/projects/acme%252Frocket/issues"));
}

void TestGitLab::refusesProjectPathsAsSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *gitlab = registry.find(QStringLiteral("gitlab"));
    QVERIFY(gitlab);
    const SettingsValidator validator(*gitlab);
    QVERIFY(validator.check(QStringLiteral("projects"), QStringLiteral("278964")).isEmpty());
    for (const QString &bad : {QStringLiteral("acme/rocket"), QStringLiteral("acme%2Frocket")}) {
        const QString problem = validator.check(QStringLiteral("projects"), bad);
        QVERIFY2(problem.contains(QStringLiteral("is not in the expected form")),
                 qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("Numeric ids")), qPrintable(problem));
    }
    QStringList problems;
    const QJsonObject settings =
        validator.parse({QStringLiteral("projects=278964, 13083")}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(settings.value(QStringLiteral("projects")).toArray(),
             QJsonArray({QStringLiteral("278964"), QStringLiteral("13083")}));
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1); // projects is required
    QVERIFY2(problems.first().contains(QStringLiteral("projects")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestGitLab)
#include "tst_gitlab.moc"
