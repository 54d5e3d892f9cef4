#include "fakegithub.h"
#include "fakehttpserver.h"
#include "fakeoauthserver.h"
#include "secrets/keychainsecretstore.h"
#include "testworkspace.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The sync as a user runs it: the real product-hub executable, the real keychain, a fake
// GitHub on loopback.
class TestSyncCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void kindsDescribeTheirSettings();
    void addValidatesWhatItIsGiven();
    void syncsWithTheTokenFromTheKeychain();
    void theTokenIsInNoFileTheAppWrites();
    void aFailedStreamExitsWithThree();
    void syncWithoutCredentialsSaysWhatToDo();
    void resumesAfterBeingKilled();
    void removingASourceRemovesItsSecrets();
    void signsInThroughTheBrowser();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QByteArray &input = {}) const;
    QProcessEnvironment environment() const;
    void addGithubSource(const QString &name = QStringLiteral("gh"));
    qint64 scalar(const QString &sql) const;
    qint64 sourceId(const QString &name) const;
    SecretStore::Result readSecret(const QString &source, const QString &name) const;

    QString m_program;
    QTemporaryDir m_home;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<FakeGitHub> m_github;
    QByteArray m_token;
};

void TestSyncCli::initTestCase()
{
    m_program = qEnvironmentVariable("HUB_CLI");
    QVERIFY2(QFile::exists(m_program), "HUB_CLI must name the product-hub executable");
}

void TestSyncCli::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_github = std::make_unique<FakeGitHub>(*m_server);
    // A token no other test or file could contain by chance.
    m_token = "ghp_" + QByteArray::number(QRandomGenerator::system()->generate64(), 36) + "Zq9";
    m_server->requireHeader("authorization", "Bearer " + m_token);
    QDateTime updated(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    for (int number = 1; number <= 230; ++number) {
        if (number % 6 != 0)
            updated = updated.addSecs(90);
        m_github->setIssue(number, updated, number % 4 == 0);
    }
    m_github->setRelease(1, QDateTime(QDate(2026, 4, 10), QTime(12, 0), Qt::UTC));
}

void TestSyncCli::cleanup()
{
    m_github.reset();
    m_server.reset();
    m_workspace.reset();
}

QProcessEnvironment TestSyncCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PRODUCT_HUB_WORKSPACE"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.path() + QStringLiteral("/cache"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("hub.*.debug=true"));
    return env;
}

TestSyncCli::Result TestSyncCli::run(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_program,
                  QStringList{QStringLiteral("--workspace"), m_workspace->folder()} + arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestSyncCli::addGithubSource(const QString &name)
{
    const Result added = run({QStringLiteral("sources"), QStringLiteral("add"),
                              QStringLiteral("github"), QStringLiteral("--name"), name,
                              QStringLiteral("--base-url"), m_server->baseUrl().toString(),
                              QStringLiteral("--set"), QStringLiteral("repositories=acme/rocket")});
    QCOMPARE(added.code, 0);
    QVERIFY2(added.out.contains(QStringLiteral("auth set ") + name), qPrintable(added.out));
    const Result stored =
        run({QStringLiteral("auth"), QStringLiteral("set"), name}, m_token + "\n");
    QVERIFY2(stored.code == 0, qPrintable(stored.err));
}

qint64 TestSyncCli::scalar(const QString &sql) const
{
    const auto db = m_workspace->open();
    QSqlQuery query(db->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 TestSyncCli::sourceId(const QString &name) const
{
    return scalar(QStringLiteral("SELECT id FROM sources WHERE name = '%1'").arg(name));
}

SecretStore::Result TestSyncCli::readSecret(const QString &source, const QString &name) const
{
    const qint64 id = sourceId(source);
    KeychainSecretStore store;
    store.setScope(m_workspace->open()->workspaceId());
    SecretStore::Result read;
    bool done = false;
    store.read(SecretStore::key(id, name), [&](const SecretStore::Result &r) {
        read = r;
        done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return read;
}

void TestSyncCli::kindsDescribeTheirSettings()
{
    const Result kinds =
        run({QStringLiteral("sources"), QStringLiteral("kinds"), QStringLiteral("--json")});
    QCOMPARE(kinds.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(kinds.out.toUtf8()).array();
    QJsonObject github;
    for (const QJsonValue &kind : list) {
        if (kind.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("github"))
            github = kind.toObject();
    }
    QCOMPARE(github.value(QStringLiteral("auth")).toString(), QStringLiteral("bearer"));
    const QJsonObject setting =
        github.value(QStringLiteral("settings")).toArray().first().toObject();
    QCOMPARE(setting.value(QStringLiteral("name")).toString(), QStringLiteral("repositories"));
    QCOMPARE(setting.value(QStringLiteral("type")).toString(), QStringLiteral("list"));
    QVERIFY(setting.value(QStringLiteral("required")).toBool());
    QVERIFY(!setting.value(QStringLiteral("help")).toString().isEmpty());
}

void TestSyncCli::addValidatesWhatItIsGiven()
{
    const QStringList add{QStringLiteral("sources"), QStringLiteral("add")};
    Result r = run(add + QStringList{QStringLiteral("github"), QStringLiteral("--name"),
                                     QStringLiteral("gh")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("needs the setting repositories")), qPrintable(r.err));
    r = run(add +
            QStringList{QStringLiteral("gitbub"), QStringLiteral("--name"), QStringLiteral("gh")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown kind 'gitbub'")));
    r = run(add + QStringList{QStringLiteral("github"), QStringLiteral("--name"),
                              QStringLiteral("gh"), QStringLiteral("--set"),
                              QStringLiteral("repositories=rocket")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("\"rocket\" is not in the expected form")));
    r = run(add + QStringList{QStringLiteral("github"), QStringLiteral("--name"),
                              QStringLiteral("gh"), QStringLiteral("--base-url"),
                              QStringLiteral("ftp://example.com"), QStringLiteral("--set"),
                              QStringLiteral("repositories=acme/rocket")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("not an http or https URL")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sources")), 0);
    addGithubSource();
    r = run(add + QStringList{QStringLiteral("github"), QStringLiteral("--name"),
                              QStringLiteral("gh"), QStringLiteral("--set"),
                              QStringLiteral("repositories=acme/web")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("already exists")));
}

void TestSyncCli::syncsWithTheTokenFromTheKeychain()
{
    addGithubSource();
    const Result status =
        run({QStringLiteral("auth"), QStringLiteral("status"), QStringLiteral("gh")});
    QCOMPARE(status.code, 0);
    QVERIFY(status.out.contains(QStringLiteral("stored in the system keychain")));
    QVERIFY(!status.out.contains(QString::fromLatin1(m_token)));

    const Result sync =
        run({QStringLiteral("sync"), QStringLiteral("gh"), QStringLiteral("--json")});
    QVERIFY2(sync.code == 0, qPrintable(sync.err + sync.out));
    QVERIFY(sync.err.contains(QStringLiteral("gh/issues:")));
    const QJsonArray summary = QJsonDocument::fromJson(sync.out.toUtf8()).array();
    QCOMPARE(summary.size(), 4); // issues, pull requests, releases, milestones
    qint64 records = 0;
    for (const QJsonValue &stream : summary) {
        QCOMPARE(stream.toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        records += stream.toObject().value(QStringLiteral("records")).toInteger();
    }
    QCOMPARE(records, 231);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 230);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM releases")), 1);
    for (const FakeHttpServer::Request &request : m_server->requests())
        QCOMPARE(request.header("authorization"), QByteArray("Bearer ") + m_token);

    const Result show =
        run({QStringLiteral("sources"), QStringLiteral("show"), QStringLiteral("gh")});
    QCOMPARE(show.code, 0);
    QVERIFY(show.out.contains(QStringLiteral("repositories = acme/rocket")));
    QVERIFY(show.out.contains(QStringLiteral("issues")));
    const Result list = run({QStringLiteral("sources"), QStringLiteral("list")});
    QVERIFY(list.out.contains(QStringLiteral("gh")) && list.out.contains(QStringLiteral("ok")));
}

void TestSyncCli::theTokenIsInNoFileTheAppWrites()
{
    addGithubSource();
    QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("--all")}).code, 0);
    // Every file under the workspace and the app's settings, data and cache folders,
    // logs included; the keyring's own files are encrypted by the Secret Service.
    int scanned = 0;
    for (const QString &folder : {m_workspace->folder(), m_home.path()}) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(m_token), qPrintable(path));
            QVERIFY2(!content.contains(m_token.toBase64()), qPrintable(path));
            ++scanned;
        }
    }
    QVERIFY(scanned >= 1);
    // ...and the keychain does hold it.
    QCOMPARE(readSecret(QStringLiteral("gh"), QStringLiteral("token")).secret, m_token);
}

void TestSyncCli::aFailedStreamExitsWithThree()
{
    addGithubSource();
    m_server->queueFault(m_github->path(QStringLiteral("releases")),
                         FakeHttpServer::Response::json(R"({"message":"Server Error"})", 500), 20);
    const Result sync = run({QStringLiteral("sync"), QStringLiteral("gh")});
    QCOMPARE(sync.code, 3);
    QVERIFY(sync.out.contains(QStringLiteral("gh/releases: failed")));
    QVERIFY(sync.out.contains(QStringLiteral("gh/issues: ok")));
    QVERIFY(sync.out.contains(QStringLiteral("partly done")));
}

void TestSyncCli::syncWithoutCredentialsSaysWhatToDo()
{
    // Another workspace's source with the same id has a token: it must not be used here.
    {
        TestWorkspace other;
        const auto db = other.open();
        QVERIFY(db->workspaceId() != m_workspace->open()->workspaceId());
    }
    const Result added =
        run({QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("github"),
             QStringLiteral("--name"), QStringLiteral("bare"), QStringLiteral("--base-url"),
             m_server->baseUrl().toString(), QStringLiteral("--set"),
             QStringLiteral("repositories=acme/rocket")});
    QCOMPARE(added.code, 0);
    const Result sync = run({QStringLiteral("sync"), QStringLiteral("bare")});
    QCOMPARE(sync.code, 1);
    QVERIFY2(sync.err.contains(QStringLiteral("auth set bare")), qPrintable(sync.err));
    QCOMPARE(run({QStringLiteral("sync")}).code, 2);
    QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("nobody")}).code, 1);
}

void TestSyncCli::resumesAfterBeingKilled()
{
    // A bigger repository, answered slowly, so that the kill lands in the middle.
    QDateTime updated(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
    for (int number = 231; number <= 2400; ++number) {
        if (number % 9 != 0)
            updated = updated.addSecs(61);
        m_github->setIssue(number, updated, number % 4 == 0);
    }
    addGithubSource();
    m_github->setPageDelay(150);

    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_program, {QStringLiteral("--workspace"), m_workspace->folder(),
                              QStringLiteral("sync"), QStringLiteral("gh")});
    QVERIFY(process.waitForStarted());
    // Wait for a few committed pages of the first stream, then kill without warning.
    QString progress;
    QElapsedTimer timer;
    timer.start();
    while (!progress.contains(QStringLiteral("6 pages")) && timer.elapsed() < 60000) {
        process.waitForReadyRead(200);
        progress += QString::fromUtf8(process.readAllStandardError());
    }
    QVERIFY2(progress.contains(QStringLiteral("6 pages")), qPrintable(progress));
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    const qint64 partial = scalar(QStringLiteral("SELECT count(*) FROM work_items"));
    QVERIFY2(partial > 0 && partial < 2400, qPrintable(QString::number(partial)));

    m_github->setPageDelay(0);
    const Result resumed = run({QStringLiteral("sync"), QStringLiteral("gh")});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err + resumed.out));
    // Exactly the repository's records: none missing, none twice.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items")), 2400);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM work_items")), 2400);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'pull_request'")),
             600);
    const Result check = run({QStringLiteral("db"), QStringLiteral("check")});
    QCOMPARE(check.code, 0);
    // The killed run is no longer shown as running, but as interrupted; the next ones finished.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_runs WHERE status = 'running'")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_runs WHERE status = 'failed' AND "
                                   "error LIKE 'Interrupted%'")),
             1);
}

void TestSyncCli::removingASourceRemovesItsSecrets()
{
    addGithubSource(QStringLiteral("gone"));
    const qint64 id = sourceId(QStringLiteral("gone"));
    QCOMPARE(readSecret(QStringLiteral("gone"), QStringLiteral("token")).status,
             SecretStore::Status::Ok);
    const Result removed =
        run({QStringLiteral("sources"), QStringLiteral("remove"), QStringLiteral("gone")});
    QCOMPARE(removed.code, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sources")), 0);
    KeychainSecretStore store;
    store.setScope(m_workspace->open()->workspaceId());
    SecretStore::Result read;
    bool done = false;
    store.read(SecretStore::key(id, QStringLiteral("token")), [&](const SecretStore::Result &r) {
        read = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(read.status, SecretStore::Status::NotFound);
}

void TestSyncCli::signsInThroughTheBrowser()
{
    FakeOAuthServer oauth;
    QVERIFY(oauth.listen());
    // A user-supplied connector that signs in with OAuth against the fake authorization server.
    QDir().mkpath(m_workspace->folder() + QStringLiteral("/connectors"));
    QFile manifest(m_workspace->folder() + QStringLiteral("/connectors/tracker.json"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("tracker")},
                {QStringLiteral("title"), QStringLiteral("Tracker")},
                {QStringLiteral("category"), QStringLiteral("engineering")},
                {QStringLiteral("baseUrl"), m_server->baseUrl().toString()},
                {QStringLiteral("settings"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("client_id")},
                                 {QStringLiteral("required"), true},
                                 {QStringLiteral("help"), QStringLiteral("OAuth client id")}}}},
                {QStringLiteral("auth"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("oauth2")},
                             {QStringLiteral("authorizeUrl"), oauth.authorizeUrl().toString()},
                             {QStringLiteral("tokenUrl"), oauth.tokenUrl().toString()}}},
                {QStringLiteral("streams"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("name"), QStringLiteral("tickets")},
                     {QStringLiteral("request"),
                      QJsonObject{{QStringLiteral("path"), QStringLiteral("/tickets")}}},
                     {QStringLiteral("pagination"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}},
                     {QStringLiteral("target"), QStringLiteral("work_items")},
                     {QStringLiteral("mapping"),
                      QJsonObject{{QStringLiteral("external_id"), QStringLiteral("id")},
                                  {QStringLiteral("title"), QStringLiteral("name")}}}}}},
            })
            .toJson());
    manifest.close();
    QCOMPARE(run({QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("tracker"),
                  QStringLiteral("--name"), QStringLiteral("tr"), QStringLiteral("--set"),
                  QStringLiteral("client_id=") + oauth.clientId()})
                 .code,
             0);

    // The "browser" follows the sign-in page's redirect back to the app, as a user's would.
    QFile browser(m_home.filePath(QStringLiteral("browser.sh")));
    QVERIFY(browser.open(QIODevice::WriteOnly));
    browser.write("#!/bin/sh\nexec curl -s -o /dev/null -L \"$1\"\n");
    browser.close();
    browser.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // The fake authorization server lives on this thread: wait with the event loop running.
    QProcess process;
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("PRODUCT_HUB_BROWSER"), browser.fileName());
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_program,
                  {QStringLiteral("--workspace"), m_workspace->folder(), QStringLiteral("auth"),
                   QStringLiteral("login"), QStringLiteral("tr")});
    QVERIFY(finished.wait(60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0, qPrintable(err));
    QVERIFY(out.contains(QStringLiteral("Signed in")));
    QCOMPARE(oauth.tokenRequests().size(), 1);
    const auto token = oauth.tokenRequests().first();
    QCOMPARE(token.value(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    QVERIFY(token.has(QStringLiteral("code_verifier")));
    // The access token went to the keychain, and nowhere else.
    const SecretStore::Result read = readSecret(QStringLiteral("tr"), QStringLiteral("token"));
    QCOMPARE(read.status, SecretStore::Status::Ok);
    QVERIFY(oauth.isAccessTokenValid(read.secret));
    QVERIFY(!out.contains(QString::fromLatin1(read.secret)) &&
            !err.contains(QString::fromLatin1(read.secret)));
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
