#include "fakeaha.h"
#include "fakeasana.h"
#include "fakefigma.h"
#include "fakegithub.h"
#include "fakegitlab.h"
#include "fakehttpserver.h"
#include "fakejira.h"
#include "fakelinear.h"
#include "fakemonday.h"
#include "fakenotion.h"
#include "fakeproductboard.h"
#include "testworkspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QDateTime From(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

// Tokens in each service's own shape, so that a connector sending one in another service's
// form (a prefix too many, the wrong header) is refused by the fake.
const QByteArray GitHubToken = "ghp_Rk82mQz7LwT4nVb9XcJ3pDf6HsA1yGe0Ku5N";
const QByteArray GitLabToken = "glpat-9sKx2LmQ4vNt7RwZ1bYc";
const QByteArray JiraEmail = "ana@example.com";
const QByteArray JiraApiToken = "ATATT3xFfGF0Tq8Lm2Rw9VbYc4Nd";
const QByteArray ProductboardToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.pb.Rk3mQ7";
const QByteArray AsanaToken = "2/1198000000000001/1207000000000001:5b3c9a0e7d41f2a6";
const QByteArray MondayToken = "eyJhbGciOiJIUzI1NiJ9.mNd4Yq8Tz2Lw.Vb3Nc8";
const QByteArray AhaKey = "a3f09c1b7d2e4f5a8b6c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a";
const QByteArray LinearKey = "lin_api_Xq8Lm2Rt9Vb3Nc8Kd5Wf1Hg6Js0PaQ7";
const QByteArray FigmaToken = "figd_Qm7xR2tL9vNc4KpW8sYb3HjD6fGa";
const QByteArray NotionToken = "ntn_4821937465Qx7Lm2Rt9Vb3Nc8Kd5Wf1Hg6Js0Pa";

constexpr qint64 GitLabProject = 278964;
const QString AsanaProject = QStringLiteral("1201000000000001");
const QString MondayBoard = QStringLiteral("4000000001");
const QString FigmaProject = QStringLiteral("48211234");
const QString FigmaTeam = QStringLiteral("1093348812345678901");
const QString NotionDatabase = QStringLiteral("8f2c3e1d-9a6b-4c7d-8e9f-0a1b2c3d4e5f");

QDateTime minutes(int n)
{
    return From.addSecs(qint64(n) * 60);
}

} // namespace

// Each built-in connector as a user drives it: `sources add`, `auth set` with the secret on
// standard input, then `sync`, all through the real product-hub executable and the real
// keychain, against the fake of the connector's service on loopback.
class TestConnectorsCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addsAuthenticatesAndSyncs_data();
    void addsAuthenticatesAndSyncs();
    void refusesAMalformedSetting_data();
    void refusesAMalformedSetting();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QByteArray &input = {}) const;
    // The fake of the kind's service on m_server, seeded with a few records; kept alive by
    // the returned pointer.
    std::shared_ptr<void> startFake(const QString &kind);
    // Rows of the table that belong to the named source, read from the workspace database
    // opened read-only, as another program would; -1 when the query fails.
    qint64 rowsOf(const QString &table, const QString &source) const;

    QString m_program;
    QTemporaryDir m_home;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<FakeHttpServer> m_server;
};

void TestConnectorsCli::initTestCase()
{
    m_program = qEnvironmentVariable("HUB_CLI");
    QVERIFY2(QFile::exists(m_program), "HUB_CLI must name the product-hub executable");
    QVERIFY(m_home.isValid());
}

void TestConnectorsCli::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
}

void TestConnectorsCli::cleanup()
{
    m_server.reset();
    m_workspace.reset();
}

TestConnectorsCli::Result TestConnectorsCli::run(const QStringList &arguments,
                                                 const QByteArray &input) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The command must use the workspace it is given, never one named in the environment.
    env.remove(QStringLiteral("PRODUCT_HUB_WORKSPACE"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.path() + QStringLiteral("/cache"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(m_program,
                  QStringList{QStringLiteral("--workspace"), m_workspace->folder()} + arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

std::shared_ptr<void> TestConnectorsCli::startFake(const QString &kind)
{
    FakeHttpServer &server = *m_server;
    if (kind == QLatin1String("github")) {
        auto github = std::make_shared<FakeGitHub>(server);
        // This fake serves whoever asks: the server checks the token instead.
        server.requireHeader("authorization", "Bearer " + GitHubToken);
        for (int number = 1; number <= 130; ++number)
            github->setIssue(number, minutes(number), number % 4 == 0);
        github->setRelease(1, From.addDays(3));
        github->setRelease(2, From.addDays(10));
        github->setMilestone(1, From.addDays(1), From.addDays(30));
        return github;
    }
    if (kind == QLatin1String("gitlab")) {
        auto gitlab = std::make_shared<FakeGitLab>(server, GitLabToken);
        gitlab->addProject(GitLabProject, QStringLiteral("acme/rocket"));
        for (int iid = 1; iid <= 120; ++iid)
            gitlab->setIssue(GitLabProject, iid, minutes(iid));
        for (int iid = 1; iid <= 10; ++iid)
            gitlab->setMergeRequest(GitLabProject, iid, minutes(200 + iid),
                                    iid % 2 ? minutes(199 + iid) : QDateTime());
        for (int n = 1; n <= 5; ++n)
            gitlab->setPipeline(GitLabProject, n, minutes(300 + n),
                                n % 2 ? QStringLiteral("success") : QStringLiteral("failed"));
        gitlab->setMilestone(GitLabProject, 1, From, QDate(2026, 4, 1));
        gitlab->setMilestone(GitLabProject, 2, From, QDate(2026, 5, 1));
        gitlab->setRelease(GitLabProject, 1, From.addDays(5));
        return gitlab;
    }
    if (kind == QLatin1String("jira")) {
        auto jira = std::make_shared<FakeJira>(server, JiraEmail, JiraApiToken);
        // Every tenth issue is an epic, the nine after it its stories.
        for (int n = 1; n <= 120; ++n) {
            FakeJira::Issue issue;
            issue.number = n;
            issue.summary = QStringLiteral("Issue %1").arg(n);
            issue.created = From.addDays(-10).addSecs(n * 60);
            issue.updated = From.addSecs(qint64(n) * 3600);
            if (n % 10 == 1)
                issue.type = QStringLiteral("Epic");
            else
                issue.parentKey = QStringLiteral("ROCKET-%1").arg(n - (n - 1) % 10);
            jira->setIssue(issue);
        }
        jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10101"), QStringLiteral("1.0"),
                         true, QDate(2026, 1, 15));
        jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10102"), QStringLiteral("1.1"),
                         true, QDate(2026, 2, 15));
        jira->addVersion(QStringLiteral("ROCKET"), QStringLiteral("10103"), QStringLiteral("2.0"),
                         false, QDate(2026, 6, 1));
        return jira;
    }
    if (kind == QLatin1String("productboard")) {
        auto board = std::make_shared<FakeProductboard>(server, ProductboardToken);
        for (int n = 1; n <= 120; ++n) {
            FakeProductboard::Feature feature;
            feature.id = QStringLiteral("f%1").arg(n, 4, 10, QLatin1Char('0'));
            feature.name = QStringLiteral("Feature %1").arg(n);
            feature.created = From;
            feature.updated = minutes(n);
            board->setFeature(feature);
        }
        for (int n = 1; n <= 130; ++n) {
            FakeProductboard::Note note;
            note.id = QStringLiteral("5a1c0e42-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
            note.title = QStringLiteral("Feedback %1").arg(n);
            note.content = QStringLiteral("<p>Customer request %1</p>").arg(n);
            note.created = minutes(n);
            note.updated = minutes(n).addDays(1);
            board->setNote(note);
        }
        for (int n = 1; n <= 5; ++n) {
            board->setCompany({QStringLiteral("c%1").arg(n, 4, 10, QLatin1Char('0')),
                               QStringLiteral("Customer %1").arg(n),
                               QStringLiteral("customer%1.example").arg(n)});
        }
        return board;
    }
    if (kind == QLatin1String("asana")) {
        auto asana = std::make_shared<FakeAsana>(server, AsanaToken);
        for (int n = 1; n <= 130; ++n) {
            asana->setTask(AsanaProject,
                           FakeAsana::task(AsanaProject, QString::number(1209000000000000LL + n),
                                           QStringLiteral("Task %1").arg(n), minutes(n),
                                           n % 4 == 0));
        }
        return asana;
    }
    if (kind == QLatin1String("monday")) {
        auto monday = std::make_shared<FakeMonday>(server, MondayToken);
        for (int n = 1; n <= 130; ++n) {
            monday->setItem(
                MondayBoard,
                FakeMonday::item(MondayBoard, QString::number(7000000000LL + n),
                                 QStringLiteral("Item %1").arg(n), minutes(n),
                                 n % 3 ? QStringLiteral("Working on it") : QStringLiteral("Done")));
        }
        return monday;
    }
    if (kind == QLatin1String("aha")) {
        auto aha = std::make_shared<FakeAha>(server, AhaKey, QStringLiteral("acme"));
        for (int n = 1; n <= 230; ++n)
            aha->setFeature(FakeAha::feature(n, minutes(n)));
        aha->setRelease(QStringLiteral("APP"), FakeAha::release(1, From.addDays(1), true));
        aha->setRelease(QStringLiteral("APP"), FakeAha::release(2, From.addDays(2), false));
        for (int n = 1; n <= 5; ++n)
            aha->setIdea(FakeAha::idea(n, minutes(n), n));
        return aha;
    }
    if (kind == QLatin1String("linear")) {
        auto linear = std::make_shared<FakeLinear>(server, LinearKey);
        for (int number = 1; number <= 3; ++number)
            linear->setProject(number, minutes(number), QDate(2026, 9, number));
        for (int number = 1; number <= 130; ++number)
            linear->setIssue(number, minutes(number),
                             number % 3 ? QDateTime() : minutes(number).addSecs(-20),
                             1 + number % 3);
        return linear;
    }
    if (kind == QLatin1String("figma")) {
        auto figma = std::make_shared<FakeFigma>(server, FigmaToken, FigmaTeam);
        figma->setProjectName(FigmaProject, QStringLiteral("Checkout"));
        for (int n = 1; n <= 3; ++n) {
            figma->setFile(FigmaProject, QStringLiteral("Fk%1aZ").arg(n, 18, 10, QLatin1Char('0')),
                           QStringLiteral("Checkout %1").arg(n), From.addDays(n));
        }
        for (int n = 1; n <= 130; ++n) {
            figma->setComponent(QStringLiteral("c0mp%1").arg(n, 6, 10, QLatin1Char('0')),
                                QStringLiteral("Button/%1").arg(n), minutes(n));
        }
        return figma;
    }
    if (kind == QLatin1String("notion")) {
        auto notion = std::make_shared<FakeNotion>(server, NotionToken);
        notion->addDatabase(NotionDatabase);
        for (int n = 1; n <= 130; ++n) {
            notion->setPage(NotionDatabase, FakeNotion::pageId(n),
                            {QStringLiteral("Spec %1").arg(n)}, minutes(n));
        }
        return notion;
    }
    return {};
}

qint64 TestConnectorsCli::rowsOf(const QString &table, const QString &source) const
{
    const QString connection = QStringLiteral("connectorscli-check");
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_workspace->databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE source_id = (SELECT id "
                                         "FROM sources WHERE name = ?)")
                              .arg(table));
            query.addBindValue(source);
            if (query.exec() && query.next())
                count = query.value(0).toLongLong();
            else
                qWarning("%s: %s", qPrintable(table), qPrintable(query.lastError().text()));
        } else {
            qWarning("%s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}

void TestConnectorsCli::addsAuthenticatesAndSyncs_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("settings");
    // Appended to the fake's address, for services whose API lives below the host.
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QByteArray>("secret");
    // Headers every request must carry, by lower-case name, and headers none may carry.
    QTest::addColumn<QVariantMap>("headers");
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QStringList>("streams");
    QTest::addColumn<qint64>("records");
    // A stream whose records span more than one page, and its number of pages.
    QTest::addColumn<QString>("pagedStream");
    QTest::addColumn<int>("pages");
    // Rows of the source in each canonical table.
    QTest::addColumn<QVariantMap>("rows");

    const QStringList none;
    // 130 items, one in four a pull request; two releases and a milestone.
    QTest::newRow("github")
        << QStringLiteral("github") << QStringList{QStringLiteral("repositories=acme/rocket")}
        << QString() << GitHubToken
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + GitHubToken)}}
        << none
        << QStringList{QStringLiteral("issues"), QStringLiteral("pull_requests"),
                       QStringLiteral("releases"), QStringLiteral("milestones")}
        << qint64(98 + 32 + 2 + 1) << QStringLiteral("issues") << 2
        << QVariantMap{{QStringLiteral("work_items"), 130}, {QStringLiteral("releases"), 3}};
    QTest::newRow("gitlab") << QStringLiteral("gitlab")
                            << QStringList{QStringLiteral("projects=%1").arg(GitLabProject)}
                            << QStringLiteral("/api/v4") << GitLabToken
                            << QVariantMap{{QStringLiteral("private-token"), GitLabToken}}
                            << QStringList{QStringLiteral("authorization")}
                            << QStringList{QStringLiteral("issues"),
                                           QStringLiteral("merge_requests"),
                                           QStringLiteral("milestones"), QStringLiteral("releases"),
                                           QStringLiteral("pipelines")}
                            << qint64(120 + 10 + 2 + 1 + 5) << QStringLiteral("issues") << 2
                            << QVariantMap{{QStringLiteral("work_items"), 130},
                                           {QStringLiteral("releases"), 3},
                                           {QStringLiteral("pipelines"), 5}};
    // 120 issues of which 12 epics; two of three versions released.
    const QByteArray jiraSecret = JiraEmail + ':' + JiraApiToken;
    QTest::newRow("jira") << QStringLiteral("jira")
                          << QStringList{QStringLiteral("projects=ROCKET"),
                                         QStringLiteral("story_points_field=customfield_10016")}
                          << QString() << jiraSecret
                          << QVariantMap{{QStringLiteral("authorization"),
                                          QByteArray("Basic " + jiraSecret.toBase64())}}
                          << none
                          << QStringList{QStringLiteral("issues"), QStringLiteral("epics"),
                                         QStringLiteral("versions")}
                          << qint64(108 + 12 + 2) << QStringLiteral("issues") << 2
                          << QVariantMap{{QStringLiteral("work_items"), 108},
                                         {QStringLiteral("features"), 12},
                                         {QStringLiteral("releases"), 2}};
    QTest::newRow("productboard") << QStringLiteral("productboard") << none << QString()
                                  << ProductboardToken
                                  << QVariantMap{{QStringLiteral("authorization"),
                                                  QByteArray("Bearer " + ProductboardToken)},
                                                 {QStringLiteral("x-version"), QByteArray("1")}}
                                  << none
                                  << QStringList{QStringLiteral("features"),
                                                 QStringLiteral("notes"),
                                                 QStringLiteral("companies")}
                                  << qint64(120 + 130 + 5) << QStringLiteral("notes") << 2
                                  << QVariantMap{{QStringLiteral("features"), 120},
                                                 {QStringLiteral("feedback"), 130},
                                                 {QStringLiteral("company_sources"), 5}};
    QTest::newRow("asana") << QStringLiteral("asana")
                           << QStringList{QStringLiteral("projects=") + AsanaProject} << QString()
                           << AsanaToken
                           << QVariantMap{{QStringLiteral("authorization"),
                                           QByteArray("Bearer " + AsanaToken)}}
                           << none << QStringList{QStringLiteral("tasks")} << qint64(130)
                           << QStringLiteral("tasks") << 2
                           << QVariantMap{{QStringLiteral("work_items"), 130}};
    QTest::newRow("monday") << QStringLiteral("monday")
                            << QStringList{QStringLiteral("boards=") + MondayBoard,
                                           QStringLiteral("api_version=2025-10")}
                            << QString() << MondayToken
                            << QVariantMap{{QStringLiteral("authorization"), MondayToken},
                                           {QStringLiteral("api-version"), QByteArray("2025-10")}}
                            << none << QStringList{QStringLiteral("items")} << qint64(130)
                            << QStringLiteral("items") << 2
                            << QVariantMap{{QStringLiteral("work_items"), 130}};
    QTest::newRow("aha") << QStringLiteral("aha")
                         << QStringList{QStringLiteral("account=acme"),
                                        QStringLiteral("products=APP")}
                         << QString() << AhaKey
                         << QVariantMap{{QStringLiteral("authorization"),
                                         QByteArray("Bearer " + AhaKey)},
                                        {QStringLiteral("x-aha-account"), QByteArray("acme")}}
                         << none
                         << QStringList{QStringLiteral("features"), QStringLiteral("releases"),
                                        QStringLiteral("ideas")}
                         << qint64(230 + 2 + 5) << QStringLiteral("features") << 2
                         << QVariantMap{{QStringLiteral("features"), 230},
                                        {QStringLiteral("releases"), 2},
                                        {QStringLiteral("feedback"), 5}};
    QTest::newRow("linear") << QStringLiteral("linear") << none << QString() << LinearKey
                            << QVariantMap{{QStringLiteral("authorization"), LinearKey}} << none
                            << QStringList{QStringLiteral("issues"), QStringLiteral("projects")}
                            << qint64(130 + 3) << QStringLiteral("issues") << 2
                            << QVariantMap{{QStringLiteral("work_items"), 130},
                                           {QStringLiteral("features"), 3}};
    // Three files and 130 components; Figma ends the components with an empty page.
    QTest::newRow("figma") << QStringLiteral("figma")
                           << QStringList{QStringLiteral("projects=") + FigmaProject,
                                          QStringLiteral("team_id=") + FigmaTeam}
                           << QString() << FigmaToken
                           << QVariantMap{{QStringLiteral("x-figma-token"), FigmaToken}}
                           << QStringList{QStringLiteral("authorization")}
                           << QStringList{QStringLiteral("files"), QStringLiteral("components")}
                           << qint64(3 + 130) << QStringLiteral("components") << 3
                           << QVariantMap{{QStringLiteral("documents"), 133}};
    QTest::newRow("notion")
        << QStringLiteral("notion") << QStringList{QStringLiteral("databases=") + NotionDatabase}
        << QString() << NotionToken
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + NotionToken)},
                       {QStringLiteral("notion-version"), QByteArray(FakeNotion::Version)}}
        << none << QStringList{QStringLiteral("pages")} << qint64(130) << QStringLiteral("pages")
        << 2 << QVariantMap{{QStringLiteral("documents"), 130}};
}

void TestConnectorsCli::addsAuthenticatesAndSyncs()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, settings);
    QFETCH(QString, basePath);
    QFETCH(QByteArray, secret);
    QFETCH(QVariantMap, headers);
    QFETCH(QStringList, absent);
    QFETCH(QStringList, streams);
    QFETCH(qint64, records);
    QFETCH(QString, pagedStream);
    QFETCH(int, pages);
    QFETCH(QVariantMap, rows);

    const std::shared_ptr<void> fake = startFake(kind);
    QVERIFY(fake);
    const QString name = QStringLiteral("acme-") + kind;

    QStringList add{QStringLiteral("sources"),
                    QStringLiteral("add"),
                    kind,
                    QStringLiteral("--name"),
                    name,
                    QStringLiteral("--base-url"),
                    m_server->baseUrl().toString() + basePath};
    for (const QString &setting : std::as_const(settings))
        add << QStringLiteral("--set") << setting;
    const Result added = run(add);
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY2(added.out.contains(QStringLiteral("auth set ") + name), qPrintable(added.out));

    // As piped from echo: the line break must not become part of the secret.
    const Result stored = run({QStringLiteral("auth"), QStringLiteral("set"), name}, secret + "\n");
    QVERIFY2(stored.code == 0, qPrintable(stored.err));

    const Result synced = run({QStringLiteral("sync"), name, QStringLiteral("--json")});
    QVERIFY2(synced.code == 0, qPrintable(synced.err + synced.out));
    const QJsonArray summary = QJsonDocument::fromJson(synced.out.toUtf8()).array();
    QStringList ran;
    qint64 synchronised = 0;
    int pagedStreamPages = -1;
    for (const QJsonValue &value : summary) {
        const QJsonObject stream = value.toObject();
        const QString streamName = stream.value(QStringLiteral("stream")).toString();
        QCOMPARE(stream.value(QStringLiteral("source")).toString(), name);
        QVERIFY2(stream.value(QStringLiteral("status")).toString() == QLatin1String("ok"),
                 qPrintable(streamName + QStringLiteral(": ") +
                            stream.value(QStringLiteral("error")).toString()));
        ran.append(streamName);
        synchronised += stream.value(QStringLiteral("records")).toInteger();
        if (streamName == pagedStream)
            pagedStreamPages = stream.value(QStringLiteral("pages")).toInt();
    }
    ran.sort();
    streams.sort();
    QCOMPARE(ran, streams);
    QCOMPARE(synchronised, records);
    QCOMPARE(pagedStreamPages, pages);

    const QList<FakeHttpServer::Request> requests = m_server->requests();
    QVERIFY(requests.size() >= pages);
    for (const FakeHttpServer::Request &request : requests) {
        for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
            QVERIFY2(request.header(it.key().toLatin1()) == it.value().toByteArray(),
                     qPrintable(request.path + QStringLiteral(": ") + it.key() +
                                QStringLiteral(": ") +
                                QString::fromLatin1(request.header(it.key().toLatin1()))));
        }
        for (const QString &header : std::as_const(absent))
            QVERIFY2(request.header(header.toLatin1()).isEmpty(), qPrintable(header));
    }

    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        QCOMPARE(rowsOf(it.key(), name), it.value().toLongLong());
}

void TestConnectorsCli::refusesAMalformedSetting_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("value");

    // A project's path where GitLab's API takes its numeric id.
    QTest::newRow("gitlab project path")
        << QStringLiteral("gitlab") << QStringList{QStringLiteral("projects=acme/rocket")}
        << QStringLiteral("projects") << QStringLiteral("acme/rocket");
    QTest::newRow("jira project key in lower case")
        << QStringLiteral("jira") << QStringList{QStringLiteral("projects=ROCKET,web")}
        << QStringLiteral("projects") << QStringLiteral("web");
    QTest::newRow("monday api version without month")
        << QStringLiteral("monday")
        << QStringList{QStringLiteral("boards=") + MondayBoard, QStringLiteral("api_version=2025")}
        << QStringLiteral("api_version") << QStringLiteral("2025");
    QTest::newRow("figma team name for its id")
        << QStringLiteral("figma")
        << QStringList{QStringLiteral("projects=") + FigmaProject,
                       QStringLiteral("team_id=acme-design")}
        << QStringLiteral("team_id") << QStringLiteral("acme-design");
}

void TestConnectorsCli::refusesAMalformedSetting()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, settings);
    QFETCH(QString, setting);
    QFETCH(QString, value);

    QStringList add{QStringLiteral("sources"), QStringLiteral("add"), kind,
                    QStringLiteral("--name"), QStringLiteral("refused")};
    for (const QString &assignment : std::as_const(settings))
        add << QStringLiteral("--set") << assignment;
    const Result added = run(add);
    QCOMPARE(added.code, 2);
    const QString expected =
        QStringLiteral("%1: \"%2\" is not in the expected form").arg(setting, value);
    QVERIFY2(added.err.contains(expected), qPrintable(added.err));

    const Result listed =
        run({QStringLiteral("sources"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 0);
}

QTEST_GUILESS_MAIN(TestConnectorsCli)
#include "tst_connectorscli.moc"
