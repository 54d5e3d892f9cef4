#include "connectorharness.h"
#include "fakejira.h"
#include "isodate.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

// The built-in Jira Cloud connector against a fake Jira site speaking the v3 REST API.
class TestJira : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void manifestLoadsWithItsDefaults();
    void syncsEveryPageOfEveryStream();
    void stopsAtTheLastPageInEachForm_data();
    void stopsAtTheLastPageInEachForm();
    void mapsAnIssueFieldByField();
    void readsJiraTimestamps();
    void readsOnlyWhatChangedWithALookback();
    void appliesTheExtraJqlCondition();
    void reportsJirasOwnErrorMessage();
    void reportsABadQueryWithoutRetrying();
    void refusedCredentialsAreExplained();
    void waitsOutAShortRateLimit();
    void stopsOnALongRateLimit();
    void rejectsMalformedSettings();

private:
    static constexpr int PacificOffset = -8 * 3600;

    bool start(const QStringList &assignments = {});
    QList<StreamOutcome> sync(const QByteArray &token = "ana@example.com:API_TOKEN",
                              bool full = false, const QStringList &streams = {});
    // Stories ROCKET-1..count, one an hour from `from`, every tenth an epic with the next
    // nine as its children.
    void addRocketIssues(int count, const QDateTime &from);
    static const ConnectorManifest *manifest(const ConnectorRegistry &registry);

    std::unique_ptr<ConnectorHarness> m_harness;
    std::unique_ptr<FakeJira> m_jira;
};

const ConnectorManifest *TestJira::manifest(const ConnectorRegistry &registry)
{
    return registry.find(QStringLiteral("jira"));
}

void TestJira::init()
{
    m_harness = std::make_unique<ConnectorHarness>(QStringLiteral("jira"));
}

void TestJira::cleanup()
{
    m_jira.reset();
    m_harness.reset();
}

bool TestJira::start(const QStringList &assignments)
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    if (!manifest(registry))
        return false;
    QStringList problems;
    const QJsonObject settings =
        SettingsValidator(*manifest(registry))
            .parse(QStringList{QStringLiteral("projects=ROCKET,WEB")} + assignments, &problems);
    if (!problems.isEmpty()) {
        qWarning() << problems;
        return false;
    }
    if (!m_harness->start(settings))
        return false;
    m_jira = std::make_unique<FakeJira>(m_harness->server(), "ana@example.com", "API_TOKEN");
    m_jira->setUserUtcOffset(PacificOffset);
    return true;
}

QList<StreamOutcome> TestJira::sync(const QByteArray &token, bool full, const QStringList &streams)
{
    return m_harness->sync(token, full, streams);
}

void TestJira::addRocketIssues(int count, const QDateTime &from)
{
    for (int n = 1; n <= count; ++n) {
        FakeJira::Issue issue;
        issue.number = n;
        issue.created = from.addDays(-10).addSecs(n * 60);
        issue.updated = from.addSecs(qint64(n) * 3600);
        if (n % 10 == 1) {
            issue.type = QStringLiteral("Epic");
            issue.summary = QStringLiteral("Epic %1").arg(n);
        } else {
            issue.parentKey = QStringLiteral("ROCKET-%1").arg(n - (n - 1) % 10);
            issue.points = n % 5 + 1;
        }
        m_jira->setIssue(issue);
    }
}

void TestJira::manifestLoadsWithItsDefaults()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QLatin1String("jira.json")), qPrintable(error));
    const ConnectorManifest *jira = manifest(registry);
    QVERIFY(jira);
    QCOMPARE(jira->auth.type, AuthSpec::Type::Basic);
    QCOMPARE(jira->auth.firstName, QStringLiteral("email"));
    QCOMPARE(jira->auth.secondName, QStringLiteral("api_token"));
    QStringList problems;
    const QJsonObject settings =
        SettingsValidator(*jira).parse({QStringLiteral("projects=ROCKET")}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(settings.value(QStringLiteral("story_points_field")).toString(),
             QStringLiteral("customfield_10016"));
    QCOMPARE(settings.value(QStringLiteral("sprint_field")).toString(),
             QStringLiteral("customfield_10020"));
    QCOMPARE(settings.value(QStringLiteral("epic_link_field")).toString(),
             QStringLiteral("customfield_10014"));
    QVERIFY(!settings.value(QStringLiteral("jql")).toString().isEmpty());
}

void TestJira::syncsEveryPageOfEveryStream()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    const QDateTime from(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    addRocketIssues(250, from);
    for (int n = 1; n <= 12; ++n) {
        FakeJira::Issue issue;
        issue.project = QStringLiteral("WEB");
        issue.number = n;
        issue.type = QStringLiteral("Bug");
        issue.created = from;
        issue.updated = from.addSecs(n * 600);
        m_jira->setIssue(issue);
    }
    for (int v = 1; v <= 60; ++v)
        m_jira->addVersion(QStringLiteral("ROCKET"), QString::number(10100 + v),
                           QStringLiteral("1.%1").arg(v), v <= 57, QDate(2025, 1, 1).addDays(v));

    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcomes.size(), 3);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));
    // 250 ROCKET issues in pages of 100, of which 25 are epics; 12 WEB issues on one page.
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->records, 225 + 12);
    QCOMPARE(issues->pages, 3 + 1);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 237);
    QCOMPARE(
        m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE project = 'WEB'")),
        12);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("epics"))->records, 25);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM features")), 25);
    // 60 versions in pages of 50, of which 57 are released.
    // ROCKET's in two pages, WEB's one empty page.
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("versions"))->pages, 3);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM releases")), 57);

    int searches = 0;
    for (const FakeHttpServer::Request &request : m_harness->server().requests()) {
        QCOMPARE(request.header("authorization"),
                 "Basic " + QByteArray("ana@example.com:API_TOKEN").toBase64());
        if (request.path != FakeJira::searchPath())
            continue;
        ++searches;
        // Without fields the enhanced search returns bare ids.
        QVERIFY(!request.query.queryItemValue(QStringLiteral("fields")).isEmpty());
        QCOMPARE(request.query.queryItemValue(QStringLiteral("maxResults")), QStringLiteral("100"));
    }
    // issues: 3 + 1 pages, epics: one page per project.
    QCOMPARE(searches, 6);
    // Each project keeps its own cursor, at the newest update seen there.
    QCOMPARE(m_harness->scalar(
                 QStringLiteral("SELECT count(*) FROM sync_state WHERE stream IN ('issues:ROCKET', "
                                "'issues:WEB', 'epics:ROCKET')")),
             3);
    const QVariantList cursor = m_harness->row(
        QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'issues:ROCKET'"));
    QCOMPARE(IsoDate::parse(cursor.value(0).toString()), from.addSecs(250 * 3600));
}

void TestJira::stopsAtTheLastPageInEachForm_data()
{
    QTest::addColumn<int>("style");
    QTest::newRow("isLast, token missing") << int(FakeJira::LastPage::TokenMissing);
    QTest::newRow("token null") << int(FakeJira::LastPage::TokenNull);
    QTest::newRow("isLast with a token") << int(FakeJira::LastPage::IsLastOnly);
}

void TestJira::stopsAtTheLastPageInEachForm()
{
    QFETCH(int, style);
    QVERIFY2(start({QStringLiteral("projects=ROCKET")}), qPrintable(m_harness->error()));
    m_jira->setLastPage(FakeJira::LastPage(style));
    addRocketIssues(230, QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC));
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QVERIFY2(issues->status == StreamOutcome::Status::Ok, qPrintable(issues->error));
    QCOMPARE(issues->pages, 3);
    QCOMPARE(m_jira->searchCount(), 3); // not one request past the last page
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 230 - 23);
}

void TestJira::mapsAnIssueFieldByField()
{
    // A company-managed site: points in customfield_10028, sprints in 10021, epic link 10014.
    QVERIFY2(start({QStringLiteral("projects=ROCKET"),
                    QStringLiteral("story_points_field=customfield_10028"),
                    QStringLiteral("sprint_field=customfield_10021")}),
             qPrintable(m_harness->error()));
    m_jira->setCustomFields(QStringLiteral("customfield_10028"),
                            QStringLiteral("customfield_10021"),
                            QStringLiteral("customfield_10014"));
    const QDateTime updated(QDate(2022, 12, 8), QTime(10, 22, 18, 889), Qt::UTC);

    FakeJira::Issue epic;
    epic.number = 40;
    epic.type = QStringLiteral("Epic");
    epic.summary = QStringLiteral("Self-serve billing");
    epic.status = QStringLiteral("In Progress");
    epic.created = updated.addDays(-60);
    epic.updated = updated.addDays(-1);
    epic.dueDate = QDate(2023, 2, 28);
    m_jira->setIssue(epic);

    FakeJira::Issue story;
    story.number = 42;
    story.summary = QStringLiteral("Invoice PDF download");
    story.status = QStringLiteral("Done");
    story.statusCategory = QStringLiteral("done");
    story.created = QDateTime(QDate(2022, 12, 1), QTime(18, 2, 11, 371), Qt::UTC);
    story.updated = updated;
    story.resolved = QDateTime(QDate(2022, 12, 8), QTime(10, 20, 0), Qt::UTC);
    story.points = 5;
    story.sprints = {QStringLiteral("ROCKET Sprint 12"), QStringLiteral("ROCKET Sprint 13")};
    story.parentKey = QStringLiteral("ROCKET-40");
    story.fixVersionId = QStringLiteral("10101");
    story.fixVersionName = QStringLiteral("2.4");
    story.assignee = QStringLiteral("Mia Krystof");
    m_jira->setIssue(story);

    // Company-managed: the epic is named in the Epic Link field, and there is no parent.
    FakeJira::Issue classic;
    classic.number = 43;
    classic.type = QStringLiteral("Bug");
    classic.status = QStringLiteral("To Do");
    classic.statusCategory = QStringLiteral("new");
    classic.created = updated.addDays(-2);
    classic.updated = updated.addSecs(60);
    classic.epicLink = QStringLiteral("ROCKET-40");
    m_jira->setIssue(classic);

    // A sub-task's parent is its story, which the Epic Link does not name.
    FakeJira::Issue subtask;
    subtask.number = 44;
    subtask.type = QStringLiteral("Sub-task");
    subtask.created = updated.addDays(-2);
    subtask.updated = updated.addSecs(120);
    subtask.parentKey = QStringLiteral("ROCKET-42");
    m_jira->setIssue(subtask);

    m_jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10101"), QStringLiteral("2.4"),
                       true, QDate(2023, 1, 15));
    m_jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10102"), QStringLiteral("2.5"),
                       false, QDate(2023, 4, 1));

    const QList<StreamOutcome> outcomes = sync();
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));

    const QString id =
        m_jira->issue(QStringLiteral("ROCKET-42")).value(QStringLiteral("id")).toString();
    const QVariantList row = m_harness->row(
        QStringLiteral("SELECT title, kind, state, points, assignee, created_at, started_at, "
                       "resolved_at, url, updated_at, project, feature_ref, release_ref, sprint "
                       "FROM work_items WHERE external_id = '%1'")
            .arg(id));
    QCOMPARE(row.size(), 14);
    QCOMPARE(row.at(0).toString(), QStringLiteral("Invoice PDF download"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Story"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Done"));
    QCOMPARE(row.at(3).toDouble(), 5.0);
    QCOMPARE(row.at(4).toString(), QStringLiteral("Mia Krystof"));
    // Sent as 2022-12-01T10:02:11.371-0800, stored in UTC.
    QCOMPARE(row.at(5).toString(), QStringLiteral("2022-12-01T18:02:11.371Z"));
    QVERIFY(row.at(6).isNull()); // Jira's search has no start time
    QCOMPARE(row.at(7).toString(), QStringLiteral("2022-12-08T10:20:00Z"));
    QVERIFY(row.at(8).isNull());
    QCOMPARE(row.at(9).toString(), QStringLiteral("2022-12-08T10:22:18.889Z"));
    QCOMPARE(row.at(10).toString(), QStringLiteral("ROCKET"));
    QCOMPARE(row.at(11).toString(), QStringLiteral("ROCKET-40"));
    QCOMPARE(row.at(12).toString(), QStringLiteral("10101"));
    QCOMPARE(row.at(13).toString(), QStringLiteral("ROCKET Sprint 12, ROCKET Sprint 13"));

    const QVariantList classicRow =
        m_harness->row(QStringLiteral("SELECT feature_ref, kind, state, points, sprint FROM "
                                      "work_items WHERE title = 'Work item ROCKET-43'"));
    QCOMPARE(classicRow.size(), 5);
    QCOMPARE(classicRow.at(0).toString(), QStringLiteral("ROCKET-40"));
    QCOMPARE(classicRow.at(1).toString(), QStringLiteral("Bug"));
    QCOMPARE(classicRow.at(2).toString(), QStringLiteral("To Do"));
    QVERIFY(classicRow.at(3).isNull());
    QVERIFY(classicRow.at(4).isNull());
    // Without a way to tell an epic parent from a story parent, a sub-task points at its story.
    QCOMPARE(m_harness->row(QStringLiteral("SELECT kind, feature_ref FROM work_items WHERE title "
                                           "= 'Work item ROCKET-44'")),
             (QVariantList{QStringLiteral("Sub-task"), QStringLiteral("ROCKET-42")}));
    // The epic is a feature, not a work item, and its key is what the issues point at.
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 3);
    QCOMPARE(m_harness->row(QStringLiteral("SELECT external_id, name, status, release_date, "
                                           "updated_at FROM features")),
             (QVariantList{QStringLiteral("ROCKET-40"), QStringLiteral("Self-serve billing"),
                           QStringLiteral("In Progress"), QStringLiteral("2023-02-28"),
                           QStringLiteral("2022-12-07T10:22:18.889Z")}));
    // Only the released version, under the id the fix version carries.
    QCOMPARE(m_harness->row(QStringLiteral("SELECT external_id, name, version, released_at FROM "
                                           "releases")),
             (QVariantList{QStringLiteral("10101"), QStringLiteral("2.4"), QStringLiteral("2.4"),
                           QStringLiteral("2023-01-15T00:00:00Z")}));
    // The custom fields of the settings were asked for.
    const QString fields = m_harness->server().requests().first().query.queryItemValue(
        QStringLiteral("fields"), QUrl::FullyDecoded);
    QVERIFY2(fields.contains(QLatin1String("customfield_10028")) &&
                 fields.contains(QLatin1String("customfield_10021")) &&
                 fields.contains(QLatin1String("customfield_10014")),
             qPrintable(fields));
}

void TestJira::readsJiraTimestamps()
{
    QCOMPARE(IsoDate::parse(QStringLiteral("2022-12-08T02:22:18.889-0800")),
             QDateTime(QDate(2022, 12, 8), QTime(10, 22, 18, 889), Qt::UTC));
    QCOMPARE(IsoDate::parse(QStringLiteral("2023-06-01T09:00:00.000+0530")),
             QDateTime(QDate(2023, 6, 1), QTime(3, 30), Qt::UTC));
    QCOMPARE(FakeJira::timestamp(QDateTime(QDate(2022, 12, 8), QTime(10, 22, 18, 889), Qt::UTC),
                                 PacificOffset),
             QStringLiteral("2022-12-08T02:22:18.889-0800"));
}

void TestJira::readsOnlyWhatChangedWithALookback()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET")}), qPrintable(m_harness->error()));
    // The API user lives in Hawaii: JQL dates are read ten hours behind UTC.
    m_jira->setUserUtcOffset(-10 * 3600);
    const QDateTime from(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC);
    addRocketIssues(120, from);
    QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("issues"))->status,
             StreamOutcome::Status::Ok);
    QVERIFY2(m_jira->jql(0).contains(QLatin1String("updated >= \"1970/01/01 00:00\"")),
             qPrintable(m_jira->jql(0)));
    QVERIFY2(m_jira->jql(0).endsWith(QLatin1String("ORDER BY updated ASC")),
             qPrintable(m_jira->jql(0)));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 108);
    const QDateTime newest = from.addSecs(120 * 3600);

    // A minute after the newest change, one story is edited and one is added.
    FakeJira::Issue edited;
    edited.number = 7;
    edited.summary = QStringLiteral("Renamed after the first sync");
    edited.created = from;
    edited.updated = newest.addSecs(60);
    edited.parentKey = QStringLiteral("ROCKET-1");
    m_jira->setIssue(edited);
    FakeJira::Issue added = edited;
    added.number = 121;
    added.summary = QStringLiteral("Added after the first sync");
    added.updated = newest.addSecs(120);
    m_jira->setIssue(added);

    const int before = m_jira->searchCount();
    outcomes = sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QVERIFY2(issues->status == StreamOutcome::Status::Ok, qPrintable(issues->error));
    // Sent in UTC, 14 hours before the stored cursor, to the minute.
    const QString sent = m_jira->jql(before);
    QVERIFY2(sent.contains(
                 QStringLiteral("updated >= \"%1\"")
                     .arg(newest.addSecs(-14 * 3600).toString(QStringLiteral("yyyy/MM/dd HH:mm")))),
             qPrintable(sent));
    // Read as Hawaiian time that is 4 hours before the cursor: the stories changed in those
    // hours (ROCKET-116 to ROCKET-120, one an hour) come again with the two changes.
    QCOMPARE(issues->records, 5 + 2);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 109);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM "
                                              "work_items")),
             109);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE title = "
                                              "'Renamed after the first sync'")),
             1);
}

void TestJira::appliesTheExtraJqlCondition()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET"), QStringLiteral("jql=labels = customer")}),
             qPrintable(m_harness->error()));
    const QDateTime from(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC);
    for (int n = 1; n <= 30; ++n) {
        FakeJira::Issue issue;
        issue.number = n;
        issue.created = from;
        issue.updated = from.addSecs(n * 60);
        if (n % 3 == 0)
            issue.labels = {QStringLiteral("customer")};
        m_jira->setIssue(issue);
    }
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("issues"))->status,
             StreamOutcome::Status::Ok);
    QVERIFY2(m_jira->jql(0).startsWith(QLatin1String("project = \"ROCKET\" AND (labels = "
                                                     "customer) AND updated >= ")),
             qPrintable(m_jira->jql(0)));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 10);
}

void TestJira::reportsJirasOwnErrorMessage()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET,GONE")}), qPrintable(m_harness->error()));
    m_jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10101"), QStringLiteral("2.4"),
                       true, QDate(2023, 1, 15));
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("versions")});
    const StreamOutcome *versions = ConnectorHarness::find(outcomes, QStringLiteral("versions"));
    QCOMPARE(versions->status, StreamOutcome::Status::Failed);
    QVERIFY2(versions->error.contains(QLatin1String("404")), qPrintable(versions->error));
    QVERIFY2(versions->error.contains(QLatin1String("No project could be found with key 'GONE'.")),
             qPrintable(versions->error));
    QCOMPARE(m_harness->server().requestCount(QStringLiteral("/rest/api/3/project/GONE/version")),
             1); // not retried
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM releases")), 1);
}

void TestJira::reportsABadQueryWithoutRetrying()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET"), QStringLiteral("jql=colour = red")}),
             qPrintable(m_harness->error()));
    addRocketIssues(5, QDateTime(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC));
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::Failed);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
    // A 400 is Jira's answer about the query: quoted, and not retried.
    QVERIFY2(issues->error.contains(QLatin1String(
                 "Field 'colour' does not exist or you do not have permission to view it.")),
             qPrintable(issues->error));
    QCOMPARE(m_jira->searchCount(), 1);
}

void TestJira::refusedCredentialsAreExplained()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET")}), qPrintable(m_harness->error()));
    addRocketIssues(5, QDateTime(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC));
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:REVOKED", false, {QStringLiteral("issues")});
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::Failed);
    QVERIFY2(issues->error.contains(QLatin1String("Jira refused the credentials (HTTP 401)")),
             qPrintable(issues->error));
    QVERIFY2(issues->error.contains(
                 QLatin1String("Client must be authenticated to access this resource.")),
             qPrintable(issues->error));
    QVERIFY(!issues->error.contains(QLatin1String("REVOKED")));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestJira::waitsOutAShortRateLimit()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET")}), qPrintable(m_harness->error()));
    addRocketIssues(250, QDateTime(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"errorMessages":["Rate limit exceeded."],"errors":{}})", 429);
    limited.withHeader("Retry-After", "1")
        .withHeader("X-RateLimit-Limit", "100")
        .withHeader("X-RateLimit-Remaining", "0")
        .withHeader("RateLimit-Reason", "jira-burst-based");
    m_jira->failSearchPage(2, limited, 1);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QVERIFY2(issues->status == StreamOutcome::Status::Ok, qPrintable(issues->error));
    QVERIFY(timer.elapsed() >= 900); // it waited as asked
    QCOMPARE(m_jira->searchCount(), 4);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 225);
}

void TestJira::stopsOnALongRateLimit()
{
    QVERIFY2(start({QStringLiteral("projects=ROCKET")}), qPrintable(m_harness->error()));
    addRocketIssues(250, QDateTime(QDate(2026, 3, 2), QTime(6, 30), Qt::UTC));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        R"({"errorMessages":["Rate limit exceeded."],"errors":{}})", 429);
    limited.withHeader("Retry-After", "3600")
        .withHeader("RateLimit-Reason", "jira-quota-tenant-based");
    m_jira->failSearchPage(2, limited, 5);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes =
        sync("ana@example.com:API_TOKEN", false, {QStringLiteral("issues")});
    QVERIFY(timer.elapsed() < 10000);
    const StreamOutcome *issues = ConnectorHarness::find(outcomes, QStringLiteral("issues"));
    QCOMPARE(issues->status, StreamOutcome::Status::RateLimited);
    const qint64 resume = issues->resumeAt.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(resume > 3500 && resume <= 3600, qPrintable(QString::number(resume)));
    // Page 1 and its cursor are kept for the next sync to resume from.
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM work_items")), 90);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM sync_state WHERE stream = "
                                              "'issues:ROCKET'")),
             1);
}

void TestJira::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    QVERIFY(manifest(registry));
    const SettingsValidator validator(*manifest(registry));
    QVERIFY(validator.check(QStringLiteral("projects"), QStringLiteral("ROCKET, WEB_2")).isEmpty());
    const QString lower = validator.check(QStringLiteral("projects"), QStringLiteral("ROCKET,web"));
    QVERIFY2(lower.contains(QLatin1String("\"web\" is not in the expected form")) &&
                 lower.contains(QLatin1String("Keys of the projects")),
             qPrintable(lower));
    const QString ordered =
        validator.check(QStringLiteral("jql"), QStringLiteral("labels = x order by created"));
    QVERIFY2(ordered.contains(QLatin1String("without ORDER BY")), qPrintable(ordered));
    QVERIFY(validator.check(QStringLiteral("jql"), QStringLiteral("labels = customer")).isEmpty());
    const QString field =
        validator.check(QStringLiteral("story_points_field"), QStringLiteral("Story Points"));
    QVERIFY2(field.contains(QLatin1String("customfield_NNNNN")), qPrintable(field));

    QStringList problems;
    validator.parse({QStringLiteral("sprint_field=10020")}, &problems);
    QCOMPARE(problems.size(), 2); // the malformed field, and the missing projects
    QVERIFY2(problems.join(QLatin1Char('\n'))
                 .contains(QLatin1String("Jira needs the setting projects (--set projects=...)")),
             qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestJira)
#include "tst_jira.moc"
