#include "connectorharness.h"
#include "fakeasana.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray token = "2/1198000000000001/1207000000000001:5b3c9a0e7d41f2a6";
const QString projectA = QStringLiteral("1201000000000001");
const QString projectB = QStringLiteral("1202000000000002");
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString gid(int n)
{
    return QStringLiteral("1204%1").arg(n, 12, 10, QLatin1Char('0'));
}

} // namespace

// The Asana connector against a fake Asana speaking its real envelope, paging and errors.
class TestAsana : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryPageOfEveryProject();
    void secondRunFetchesOnlyWhatChanged();
    void mapsACompleteTask();
    void wrongTokenIsRefusedWithAsanasMessage();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void unknownProjectFailsWithAsanasMessage();
    void rejectsMalformedSettings();

private:
    bool begin(ConnectorHarness &h, const QStringList &projects);
};

bool TestAsana::begin(ConnectorHarness &h, const QStringList &projects)
{
    return h.start({{QStringLiteral("projects"), QJsonArray::fromStringList(projects)}});
}

void TestAsana::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("asana.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("asana"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(manifest->streams.size(), 1);
    QCOMPARE(manifest->streams.first().target, QStringLiteral("work_items"));
}

void TestAsana::syncsEveryPageOfEveryProject()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA, projectB}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    for (int n = 1; n <= 250; ++n)
        asana.setTask(projectA, FakeAsana::task(projectA, gid(n), QStringLiteral("Task %1").arg(n),
                                                start.addSecs(n * 60), n % 4 == 0));
    for (int n = 251; n <= 280; ++n)
        asana.setTask(projectB, FakeAsana::task(projectB, gid(n), QStringLiteral("Task %1").arg(n),
                                                start.addSecs(n * 60)));

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 280);
    QCOMPARE(outcomes.first().pages, 4); // 100 + 100 + 50 in A, 30 in B
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 280);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM work_items")), 280);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE resolved_at IS NOT "
                                     "NULL")),
             62);

    // Every request asked for 100 tasks of one project with the fields the mapping reads,
    // and later pages followed Asana's offset token.
    const QList<FakeHttpServer::Request> requests = h.server().requests();
    QCOMPARE(requests.size(), 4);
    int withOffset = 0;
    for (const FakeHttpServer::Request &request : requests) {
        QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        const QString optFields =
            request.query.queryItemValue(QStringLiteral("opt_fields"), QUrl::FullyDecoded);
        for (const char *field : {"name", "completed_at", "modified_at", "assignee.name",
                                  "permalink_url", "memberships.section.name"})
            QVERIFY2(optFields.split(QLatin1Char(',')).contains(QLatin1String(field)),
                     qPrintable(optFields));
        if (request.query.hasQueryItem(QStringLiteral("offset")))
            ++withOffset;
        QVERIFY(!request.query.hasQueryItem(QStringLiteral("modified_since")));
    }
    QCOMPARE(withOffset, 2);
    QCOMPARE(requests.at(3).query.queryItemValue(QStringLiteral("project")), projectB);
    // Each project keeps its own cursor: the newest modification time it saw.
    QCOMPARE(h.row(QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'tasks:%1'")
                       .arg(projectA))
                 .value(0)
                 .toString(),
             start.addSecs(250 * 60).toString(Qt::ISODateWithMs));
}

void TestAsana::secondRunFetchesOnlyWhatChanged()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    for (int n = 1; n <= 150; ++n)
        asana.setTask(projectA, FakeAsana::task(projectA, gid(n), QStringLiteral("Task %1").arg(n),
                                                start.addSecs(n * 60)));
    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 150);
    const QDateTime newest = start.addSecs(150 * 60);

    // Two old tasks change (one is completed and renamed), one task is new.
    const QDateTime later = newest.addSecs(3600);
    asana.setTask(projectA, FakeAsana::task(projectA, gid(7), QStringLiteral("Task 7, shipped"),
                                            later, true));
    asana.setTask(projectA,
                  FakeAsana::task(projectA, gid(90), QStringLiteral("Task 90"), later.addSecs(5)));
    asana.setTask(projectA, FakeAsana::task(projectA, gid(151), QStringLiteral("Task 151"),
                                            later.addSecs(10)));
    asana.clearLog();
    h.server().clearRequests();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));

    // Asked from the stored cursor on: the last task seen is read again, plus the changes.
    QCOMPARE(asana.modifiedSince(), QStringList{newest.toString(Qt::ISODate)});
    QCOMPARE(asana.recordsServed(), 4);
    QCOMPARE(outcomes.first().records, 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 151);
    const QVariantList row = h.row(
        QStringLiteral("SELECT title, state, resolved_at FROM work_items WHERE external_id = '%1'")
            .arg(gid(7)));
    QCOMPARE(row.value(0).toString(), QStringLiteral("Task 7, shipped"));
    QCOMPARE(row.value(1).toString(), QStringLiteral("Done"));
    QCOMPARE(row.value(2).toString(), later.toString(Qt::ISODate));
}

void TestAsana::mapsACompleteTask()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    // A completed subtask as Asana returns it for the connector's opt_fields.
    QJsonObject task =
        FakeAsana::task(projectA, gid(1), QStringLiteral("Ship the onboarding email"),
                        QDateTime(QDate(2026, 2, 3), QTime(10, 15, 22, 481), Qt::UTC), true);
    task.insert(QStringLiteral("resource_subtype"), QStringLiteral("milestone"));
    task.insert(QStringLiteral("created_at"), QStringLiteral("2026-01-28T08:01:09.113Z"));
    task.insert(QStringLiteral("assignee"),
                QJsonObject{{QStringLiteral("gid"), QStringLiteral("1199000000000042")},
                            {QStringLiteral("name"), QStringLiteral("Ana Lima")}});
    task.insert(QStringLiteral("parent"),
                QJsonObject{{QStringLiteral("gid"), QStringLiteral("1204000000009000")},
                            {QStringLiteral("name"), QStringLiteral("Onboarding revamp")}});
    asana.setTask(projectA, task);

    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, title, kind, state, assignee, created_at, resolved_at, url, "
        "updated_at, project, feature_ref, points, started_at FROM work_items"));
    QCOMPARE(row.size(), 13);
    QCOMPARE(row.at(0).toString(), gid(1));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Ship the onboarding email"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("milestone"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Done"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("Ana Lima"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-01-28T08:01:09.113Z"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    QCOMPARE(row.at(7).toString(),
             QStringLiteral("https://app.asana.com/1/1198000000000001/project/%1/task/%2")
                 .arg(projectA, gid(1)));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("Project %1").arg(projectA));
    QCOMPARE(row.at(10).toString(), QStringLiteral("1204000000009000"));
    QVERIFY(row.at(11).isNull());
    QVERIFY(row.at(12).isNull());
    // The row keeps the task as Asana sent it: only the fields opt_fields asked for.
    const QJsonObject raw =
        QJsonDocument::fromJson(
            RawJson::unpack(h.row(QStringLiteral("SELECT raw FROM work_items")).value(0)))
            .object();
    QCOMPARE(raw.value(QStringLiteral("gid")).toString(), gid(1));
    QVERIFY(raw.contains(QStringLiteral("memberships")));
    QVERIFY(!raw.contains(QStringLiteral("notes")));
}

void TestAsana::wrongTokenIsRefusedWithAsanasMessage()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    asana.setTask(projectA, FakeAsana::task(projectA, gid(1), QStringLiteral("Task"), start));

    const QByteArray wrong = "2/1198000000000001/1207000000000009:ffffffffffffffff";
    const QList<StreamOutcome> outcomes = h.sync(wrong);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("Asana refused the credentials (HTTP 401)")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Not Authorized")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("product-hub auth set asana-test")), qPrintable(error));
    QVERIFY(!error.contains(QString::fromLatin1(wrong)));
    // The token went out as Asana expects it, and nothing was written.
    QCOMPARE(h.server().requests().first().header("authorization"), "Bearer " + wrong);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestAsana::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    for (int n = 1; n <= 120; ++n)
        asana.setTask(projectA, FakeAsana::task(projectA, gid(n), QStringLiteral("Task %1").arg(n),
                                                start.addSecs(n)));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeAsana::error(QStringLiteral("You have made too many requests recently. Please, be "
                                        "chill.")),
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/tasks"), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900); // it waited as asked before trying again
    QCOMPARE(outcomes.first().records, 120);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 120);
    QCOMPARE(h.server().requestCount(QStringLiteral("/tasks")), 3);
}

void TestAsana::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    asana.setTask(projectA, FakeAsana::task(projectA, gid(1), QStringLiteral("Task"), start));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeAsana::error(QStringLiteral("You have made too many requests recently. Please, be "
                                        "chill.")),
        429);
    limited.withHeader("Retry-After", "600");
    h.server().queueFault(QStringLiteral("/tasks"), limited, 5);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY(timer.elapsed() < 10000); // it did not sleep for ten minutes
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    const qint64 resume = outcomes.first().resumeAt.toSecsSinceEpoch();
    const qint64 expected = QDateTime::currentSecsSinceEpoch() + 600;
    QVERIFY2(qAbs(resume - expected) < 30, qPrintable(outcomes.first().resumeAt.toString()));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestAsana::unknownProjectFailsWithAsanasMessage()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA, QStringLiteral("1299999999999999")}), qPrintable(h.error()));
    FakeAsana asana(h.server(), token);
    asana.setTask(projectA, FakeAsana::task(projectA, gid(1), QStringLiteral("Task"), start));

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("project: Unknown object: 1299999999999999")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("404")),
             qPrintable(outcomes.first().error));
    // The project before it was synced and keeps its rows and cursor.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 1);
}

void TestAsana::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("asana"));
    QVERIFY2(begin(h, {projectA}), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("projects"), projectA + QStringLiteral(",") + projectB)
                .isEmpty());
    // A project name or a pasted web address is not a gid.
    const QString problem = validator.check(
        QStringLiteral("projects"), QStringLiteral("https://app.asana.com/0/1201000000000001"));
    QVERIFY2(problem.contains(QStringLiteral("is not in the expected form")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("Project ids (gids)")), qPrintable(problem));

    QStringList problems;
    validator.parse({QStringLiteral("projects=Website relaunch")}, &problems);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().contains(QStringLiteral("Website relaunch")),
             qPrintable(problems.first()));
    problems.clear();
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("projects")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestAsana)
#include "tst_asana.moc"
