#include "banner.h"
#include "connections/addsourcedialog.h"
#include "connections/connectionspage.h"
#include "connections/connectionsservice.h"
#include "connections/credentialsdialog.h"
#include "connections/kindscatalogue.h"
#include "connections/sourcesmodel.h"
#include "connections/sourcesview.h"
#include "connections/syncscheduler.h"
#include "database.h"
#include "demo/demogenerator.h"
#include "fakegithub.h"
#include "fakehttpserver.h"
#include "fakeoauthserver.h"
#include "secrets/keychainsecretstore.h"
#include "testworkspace.h"
#include "theme.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

namespace {

const QString KeychainService = QStringLiteral("product-hub-test-connections");

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

SecretStore::Result readSecret(const QString &scope, const QString &key)
{
    KeychainSecretStore store(KeychainService);
    store.setScope(scope);
    SecretStore::Result result;
    bool done = false;
    QEventLoop loop;
    store.read(key, [&](const SecretStore::Result &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace

class TestConnectionsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutWorkspaceShowsTheEmptyState();
    void listsEveryKindByCategory();
    void addingASourceChecksTheFormAsYouType();
    void syncFromThePageShowsPerStreamStatus();
    void cancelStopsTheSyncAndKeepsCommittedPages();
    void aMissingTokenIsExplained();
    void disconnectRemovesTheKeychainEntry();
    void signInThroughTheBrowserKeepsTheTokens();
    void scheduleIsRememberedAndTriggersSync();
    void modelPassesTheModelTester();
    void screenshot();

private:
    // Opens a fresh workspace in the controller and waits for the page to load it.
    void openWorkspace(ConnectionsPage &page);
    qint64 addGitHubSource(ConnectionsPage &page, const QString &name = QStringLiteral("rocket"));
    void storeToken(ConnectionsPage &page, qint64 id);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<FakeGitHub> m_github;
};

void TestConnectionsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-connections-test"));
}

void TestConnectionsPage::init()
{
    QSettings().clear();
    m_workspace = std::make_unique<TestWorkspace>();
    m_controller = std::make_unique<WorkspaceController>();
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->start());
    m_server->requireHeader("authorization", "Bearer TOKEN");
    m_github = std::make_unique<FakeGitHub>(*m_server);
}

void TestConnectionsPage::cleanup()
{
    m_github.reset();
    m_server.reset();
    m_controller.reset();
    m_workspace.reset();
}

void TestConnectionsPage::openWorkspace(ConnectionsPage &page)
{
    page.service()->setKeychainService(KeychainService);
    QSignalSpy loaded(page.service(), &ConnectionsService::sourcesLoaded);
    QString error;
    QVERIFY2(m_controller->open(m_workspace->folder(), &error), qPrintable(error));
    QVERIFY(page.service()->hasDatabase());
    // The first answer clears the list at once; the second comes from the database.
    QTRY_VERIFY(loaded.count() >= 2);
}

qint64 TestConnectionsPage::addGitHubSource(ConnectionsPage &page, const QString &name)
{
    NewConnection connection;
    connection.kind = QStringLiteral("github");
    connection.name = name;
    connection.baseUrl = m_server->baseUrl().toString();
    connection.values.insert(QStringLiteral("repositories"), QStringLiteral("acme/rocket"));
    qint64 added = 0;
    QString error;
    bool done = false;
    QSignalSpy loaded(page.service(), &ConnectionsService::sourcesLoaded);
    page.service()->addSource(connection, this, [&](qint64 id, const QString &e) {
        added = id;
        error = e;
        done = true;
    });
    [&] {
        QTRY_VERIFY(done);
    }();
    [&] {
        QTRY_VERIFY(loaded.count() >= 1);
    }();
    if (!error.isEmpty())
        qWarning() << error;
    return added;
}

void TestConnectionsPage::storeToken(ConnectionsPage &page, qint64 id)
{
    bool done = false;
    QString error = QStringLiteral("not called");
    page.service()->storeSecret(id, "TOKEN", this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestConnectionsPage::withoutWorkspaceShowsTheEmptyState()
{
    ConnectionsPage page(m_controller.get());
    page.resize(1200, 700);
    page.show();
    QVERIFY(!page.service()->hasDatabase());
    QVERIFY(!page.isSyncing());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.sourcesView()->isVisible());
    QCOMPARE(page.addSource(QStringLiteral("github")), nullptr);
    page.cancelSync(); // harmless without a sync
}

void TestConnectionsPage::listsEveryKindByCategory()
{
    ConnectionsPage page(m_controller.get());
    const QStandardItemModel *kinds = page.catalogue()->model();
    QStringList groups;
    for (int row = 0; row < kinds->rowCount(); ++row)
        groups.append(kinds->item(row)->text());
    QCOMPARE(groups.mid(0, 7),
             (QStringList{QStringLiteral("Product management"), QStringLiteral("Engineering"),
                          QStringLiteral("Analytics and research"), QStringLiteral("CRM"),
                          QStringLiteral("Marketing"), QStringLiteral("Design"),
                          QStringLiteral("Documents")}));
    QStringList engineering;
    const QStandardItem *group = kinds->item(1);
    for (int row = 0; row < group->rowCount(); ++row) {
        engineering.append(group->child(row)->text());
        QVERIFY(!group->child(row)->icon().isNull());
    }
    QVERIFY2(engineering.contains(QStringLiteral("GitHub")),
             qPrintable(engineering.join(QLatin1Char(','))));
    QVERIFY(engineering.contains(QStringLiteral("Jira")));
}

void TestConnectionsPage::addingASourceChecksTheFormAsYouType()
{
    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    page.resize(1200, 700);
    page.show();
    QVERIFY(page.sourcesView()->isVisible());

    AddSourceDialog *dialog = page.addSource(QStringLiteral("github"));
    QVERIFY(dialog);
    QLineEdit *repositories = dialog->field(QStringLiteral("repositories"));
    QVERIFY(repositories);
    QPushButton *add = nullptr;
    for (QAbstractButton *button : dialog->findChild<QDialogButtonBox *>()->buttons()) {
        if (button->accessibleName() == QLatin1String("Add the source"))
            add = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(add);
    QVERIFY(!add->isEnabled()); // the required repositories are missing

    repositories->setFocus();
    QTest::keyClicks(repositories, QStringLiteral("not a repository"));
    QVERIFY2(
        dialog->problem(QStringLiteral("repositories")).contains(QStringLiteral("repositories")),
        qPrintable(dialog->problem(QStringLiteral("repositories"))));
    QVERIFY(dialog->problem(QStringLiteral("repositories"))
                .contains(QStringLiteral("not a repository")));
    QVERIFY(!add->isEnabled());
    dialog->field(QStringLiteral("base_url"))->setText(QStringLiteral("ftp://example.com"));
    QVERIFY(!dialog->problem(QStringLiteral("base_url")).isEmpty());
    dialog->submit();
    QVERIFY(dialog->errorText().contains(QStringLiteral("repositories")));
    QVERIFY(dialog->isVisible());
    QTest::qWait(50);
    QCOMPARE(scalar(*m_controller->database(), QStringLiteral("SELECT count(*) FROM sources")), 0);

    repositories->clear();
    QTest::keyClicks(repositories, QStringLiteral("acme/rocket, acme/web"));
    dialog->field(QStringLiteral("base_url"))->setText(m_server->baseUrl().toString());
    dialog->field(QStringLiteral("name"))->setText(QStringLiteral("Rocket issues"));
    QCOMPARE(dialog->problem(QStringLiteral("repositories")), QString());
    QVERIFY(add->isEnabled());
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(accepted.count(), 1);

    QTRY_COMPARE(page.model()->rowCount(), 1);
    const QModelIndex source = page.model()->index(0, SourcesModel::NameColumn);
    QCOMPARE(source.data().toString(), QStringLiteral("Rocket issues"));
    QCOMPARE(source.data(SourcesModel::StatusKeyRole).toString(), QStringLiteral("never"));
    QCOMPARE(page.model()->rowCount(source), 4); // issues, pull requests, releases, milestones
    QCOMPARE(scalar(*m_controller->database(),
                    QStringLiteral("SELECT count(*) FROM sources WHERE name = 'Rocket issues' AND "
                                   "settings_json LIKE '%acme/web%'")),
             1);
    // A kind with an API key asks for it next.
    QTRY_VERIFY(page.findChild<CredentialsDialog *>() != nullptr);
    auto *credentials = page.findChild<CredentialsDialog *>();
    QCOMPARE(credentials->secretFields().size(), 1);
    QCOMPARE(credentials->secretFields().first()->echoMode(), QLineEdit::Password);
    credentials->reject();

    // The same name again is refused with a clear message and nothing is added.
    dialog = page.addSource(QStringLiteral("github"));
    dialog->field(QStringLiteral("name"))->setText(QStringLiteral("Rocket issues"));
    dialog->field(QStringLiteral("repositories"))->setText(QStringLiteral("acme/rocket"));
    dialog->submit();
    QTRY_VERIFY(!dialog->errorText().isEmpty() && dialog->errorText() != QLatin1String("Adding…"));
    QVERIFY(dialog->isVisible());
    QCOMPARE(scalar(*m_controller->database(), QStringLiteral("SELECT count(*) FROM sources")), 1);
    dialog->reject();
}

void TestConnectionsPage::syncFromThePageShowsPerStreamStatus()
{
    const QDateTime base(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    for (int i = 1; i <= 250; ++i)
        m_github->setIssue(i, base.addSecs(i * 60), i % 10 == 0);
    m_github->setRelease(1, base);
    m_github->setPageDelay(150);

    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page);
    QVERIFY(id > 0);
    storeToken(page, id);
    page.show();
    page.sourcesView()->selectSource(id);
    QVERIFY(page.sourcesView()->syncButton()->isEnabled());
    QVERIFY(!page.sourcesView()->cancelButton()->isEnabled());

    QSignalSpy finished(page.service(), &ConnectionsService::syncFinished);
    QSignalSpy progress(page.service(), &ConnectionsService::streamProgress);
    QTest::mouseClick(page.sourcesView()->syncButton(), Qt::LeftButton);
    QTRY_VERIFY(page.isSyncing());
    const QModelIndex issues = page.model()->indexOf(id, QStringLiteral("issues"));
    QVERIFY(issues.isValid());
    QTRY_COMPARE(issues.data(SourcesModel::StatusKeyRole).toString(), QStringLiteral("running"));
    QCOMPARE(issues.data(SourcesModel::ProgressRole).toInt(), -2);
    QCOMPARE(page.model()->indexOf(id).data(SourcesModel::StatusKeyRole).toString(),
             QStringLiteral("running"));
    QTRY_VERIFY(page.sourcesView()->cancelButton()->isEnabled());
    QTRY_VERIFY(progress.count() >= 1);
    const QModelIndex records =
        page.model()->indexOf(id, QStringLiteral("issues"), SourcesModel::RecordsColumn);
    QTRY_VERIFY(records.data().toString() != QLatin1String("0"));
    QTRY_VERIFY(page.model()->indexOf(id).data(SourcesModel::ProgressRole).toInt() > 0);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(!page.isSyncing());
    QTRY_COMPARE(issues.data(SourcesModel::StatusKeyRole).toString(), QStringLiteral("ok"));
    QCOMPARE(page.model()
                 ->indexOf(id, QStringLiteral("issues"), SourcesModel::RecordsColumn)
                 .data()
                 .toString(),
             QStringLiteral("225"));
    QCOMPARE(page.model()->indexOf(id).data(SourcesModel::StatusKeyRole).toString(),
             QStringLiteral("ok"));
    QVERIFY(page.model()
                ->indexOf(id, {}, SourcesModel::StatusColumn)
                .data()
                .toString()
                .contains(QStringLiteral("OK")));
    QVERIFY(page.model()
                ->indexOf(id, QStringLiteral("issues"), SourcesModel::LastSyncColumn)
                .data()
                .toString() != QLatin1String("Never"));
    QCOMPARE(page.model()->indexOf(id).data(SourcesModel::ProgressRole).toInt(), -1);
    QCOMPARE(scalar(*m_controller->database(),
                    QStringLiteral("SELECT count(*) FROM work_items WHERE kind = 'issue'")),
             225);

    // A failing stream shows the service's own message and the source as partial.
    m_github->setPageDelay(0);
    FakeHttpServer::Response refused =
        FakeHttpServer::Response::json("{\"message\":\"Repository access blocked\"}", 403);
    m_github->failIssuePage(1, refused, 10);
    QTest::mouseClick(page.sourcesView()->fullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QTRY_COMPARE(page.model()->indexOf(id).data(SourcesModel::StatusKeyRole).toString(),
                 QStringLiteral("partial"));
    const QString message = page.model()
                                ->indexOf(id, QStringLiteral("issues"), SourcesModel::MessageColumn)
                                .data()
                                .toString();
    QVERIFY2(message.contains(QStringLiteral("Repository access blocked")), qPrintable(message));
    QCOMPARE(page.model()
                 ->indexOf(id, QStringLiteral("issues"))
                 .data(SourcesModel::StatusKeyRole)
                 .toString(),
             QStringLiteral("failed"));
}

void TestConnectionsPage::cancelStopsTheSyncAndKeepsCommittedPages()
{
    const QDateTime base(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    for (int i = 1; i <= 1000; ++i)
        m_github->setIssue(i, base.addSecs(i * 60));
    m_github->setPageDelay(300);

    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page);
    storeToken(page, id);
    page.show();
    page.sourcesView()->selectSource(id);

    QSignalSpy finished(page.service(), &ConnectionsService::syncFinished);
    QSignalSpy progress(page.service(), &ConnectionsService::streamProgress);
    page.syncSource(id);
    QTRY_VERIFY(progress.count() >= 1);
    QVERIFY(page.isSyncing());
    QTest::mouseClick(page.sourcesView()->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!page.isSyncing());
    const QModelIndex issues = page.model()->indexOf(id, QStringLiteral("issues"));
    QTRY_COMPARE(issues.data(SourcesModel::StatusKeyRole).toString(), QStringLiteral("cancelled"));
    const qint64 kept =
        scalar(*m_controller->database(), QStringLiteral("SELECT count(*) FROM work_items"));
    QVERIFY2(kept >= 100 && kept < 1000, qPrintable(QString::number(kept)));
    QVERIFY(!page.sourcesView()->cancelButton()->isEnabled());
}

void TestConnectionsPage::aMissingTokenIsExplained()
{
    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page);
    page.show();
    QSignalSpy refused(page.service(), &ConnectionsService::syncRefused);
    QSignalSpy finished(page.service(), &ConnectionsService::syncFinished);
    page.syncSource(id);
    QTRY_COMPARE(refused.count(), 1);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(page.banner()->isVisible());
    QVERIFY2(page.banner()->text().contains(QStringLiteral("No API token")),
             qPrintable(page.banner()->text()));
    QVERIFY(page.model()
                ->indexOf(id, {}, SourcesModel::MessageColumn)
                .data()
                .toString()
                .contains(QStringLiteral("rocket")));
    QVERIFY(!page.isSyncing());
}

void TestConnectionsPage::disconnectRemovesTheKeychainEntry()
{
    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page);
    page.show();
    page.sourcesView()->selectSource(id);

    // The credentials dialog stores the typed key in the keychain.
    CredentialsDialog *dialog = page.connectSource(id);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->secretFields().first(), QStringLiteral("ghp_secret"));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->submit();
    QTRY_COMPARE(accepted.count(), 1);
    const QString scope = m_controller->database()->workspaceId();
    const QString key = SecretStore::key(id, QStringLiteral("token"));
    SecretStore::Result stored = readSecret(scope, key);
    QCOMPARE(int(stored.status), int(SecretStore::Status::Ok));
    QCOMPARE(stored.secret, QByteArray("ghp_secret"));
    // Nothing of it reached the database.
    QCOMPARE(scalar(*m_controller->database(),
                    QStringLiteral("SELECT count(*) FROM sources WHERE settings_json LIKE "
                                   "'%ghp_secret%'")),
             0);

    QVERIFY(page.sourcesView()->disconnectButton()->isEnabled());
    QTest::mouseClick(page.sourcesView()->disconnectButton(), Qt::LeftButton);
    QTRY_VERIFY(page.banner()->isVisible() &&
                page.banner()->text().contains(QStringLiteral("disconnected")));
    QCOMPARE(int(readSecret(scope, key).status), int(SecretStore::Status::NotFound));
    bool has = true;
    bool done = false;
    page.service()->hasSecret(id, this, [&](bool found, const QString &) {
        has = found;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(!has);
    QCOMPARE(page.model()->rowCount(), 1); // the source and its data stay
}

// A service that signs in with OAuth 2.0: the dialog opens the browser (here a stand-in that
// loads the page and follows the redirect back, as a browser does), shows the wait, and the
// tokens end in the keychain.
void TestConnectionsPage::signInThroughTheBrowserKeepsTheTokens()
{
    FakeOAuthServer oauth;
    QVERIFY(oauth.listen());
    const QJsonObject manifest{
        {QStringLiteral("kind"), QStringLiteral("tracker")},
        {QStringLiteral("title"), QStringLiteral("Tracker")},
        {QStringLiteral("category"), QStringLiteral("engineering")},
        {QStringLiteral("baseUrl"), m_server->baseUrl().toString()},
        {QStringLiteral("settings"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("client_id")},
                                {QStringLiteral("type"), QStringLiteral("string")},
                                {QStringLiteral("required"), true},
                                {QStringLiteral("help"), QStringLiteral("OAuth client id")}}}},
        {QStringLiteral("auth"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("oauth2")},
                     {QStringLiteral("authorizeUrl"), oauth.authorizeUrl().toString()},
                     {QStringLiteral("tokenUrl"), oauth.tokenUrl().toString()},
                     {QStringLiteral("scopes"), QJsonArray{QStringLiteral("read")}}}},
        {QStringLiteral("streams"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("tickets")},
                         {QStringLiteral("request"),
                          QJsonObject{{QStringLiteral("path"), QStringLiteral("/tickets")}}},
                         {QStringLiteral("pagination"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}},
                         {QStringLiteral("target"), QStringLiteral("work_items")},
                         {QStringLiteral("mapping"),
                          QJsonObject{{QStringLiteral("external_id"), QStringLiteral("id")},
                                      {QStringLiteral("title"), QStringLiteral("title")}}}}}}};
    QVERIFY(QDir().mkpath(m_workspace->folder() + QStringLiteral("/connectors")));
    QFile file(m_workspace->folder() + QStringLiteral("/connectors/tracker.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();

    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    QNetworkAccessManager browser;
    int pagesOpened = 0;
    page.service()->setBrowserOpener([&](const QUrl &url) {
        ++pagesOpened;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    NewConnection connection;
    connection.kind = QStringLiteral("tracker");
    connection.name = QStringLiteral("tracker");
    connection.values.insert(QStringLiteral("client_id"), oauth.clientId());
    qint64 id = 0;
    QString error = QStringLiteral("not called");
    page.service()->addSource(connection, this, [&](qint64 added, const QString &e) {
        id = added;
        error = e;
    });
    QTRY_VERIFY(id != 0 || error != QLatin1String("not called"));
    QVERIFY2(id != 0, qPrintable(error));
    QTRY_VERIFY(page.service()->source(id).has_value());

    CredentialsDialog *dialog = page.connectSource(id);
    QVERIFY(dialog);
    QVERIFY(dialog->secretFields().isEmpty()); // nothing to type: the browser does it
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(pagesOpened, 1);
    const SecretStore::Result stored = readSecret(m_controller->database()->workspaceId(),
                                                  SecretStore::key(id, QStringLiteral("token")));
    QCOMPARE(int(stored.status), int(SecretStore::Status::Ok));
    QVERIFY(oauth.isAccessTokenValid(stored.secret));
}

void TestConnectionsPage::scheduleIsRememberedAndTriggersSync()
{
    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page);
    page.show();
    page.sourcesView()->selectSource(id);
    QComboBox *schedule = page.sourcesView()->scheduleBox();
    QVERIFY(schedule->isEnabled());
    QCOMPARE(schedule->currentData().toInt(), 0);
    schedule->setCurrentIndex(schedule->findData(15));
    QCOMPARE(page.scheduler()->interval(id), 15);
    const QString workspaceId = page.service()->workspaceId();
    QCOMPARE(QSettings()
                 .value(QStringLiteral("connections/schedule/%1/%2").arg(workspaceId).arg(id))
                 .toInt(),
             15);

    // Another scheduler for the same workspace remembers it.
    SyncScheduler other;
    other.setWorkspace(workspaceId, {id});
    QCOMPARE(other.interval(id), 15);
    other.setWorkspace(QStringLiteral("another-workspace"), {id});
    QCOMPARE(other.interval(id), 0);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSignalSpy refused(page.service(), &ConnectionsService::syncRefused);
    QCOMPARE(page.scheduler()->check(now.addSecs(10 * 60)), QList<qint64>());
    QCOMPARE(page.scheduler()->check(now.addSecs(16 * 60)), QList<qint64>{id});
    // The due source went to the service (which refuses it: no token yet).
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(page.scheduler()->check(now.addSecs(20 * 60)), QList<qint64>());

    schedule->setCurrentIndex(schedule->findData(0));
    QCOMPARE(page.scheduler()->check(now.addSecs(60 * 60)), QList<qint64>());
    QVERIFY(!QSettings().contains(
        QStringLiteral("connections/schedule/%1/%2").arg(workspaceId).arg(id)));
}

void TestConnectionsPage::modelPassesTheModelTester()
{
    SourcesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionSource a;
    a.source.id = 1;
    a.source.name = QStringLiteral("rocket");
    a.kindTitle = QStringLiteral("GitHub");
    a.category = QStringLiteral("engineering");
    a.streamNames = {QStringLiteral("issues"), QStringLiteral("releases")};
    a.streamTitles = {QStringLiteral("Issues"), QStringLiteral("Releases")};
    StreamStatus limited;
    limited.stream = QStringLiteral("releases");
    limited.status = QStringLiteral("rate_limited");
    limited.finishedAt = QStringLiteral("2026-03-01T10:00:00Z");
    limited.resumeAt = QStringLiteral("2026-03-01T11:00:00Z");
    limited.records = 12;
    a.streams = {limited};
    ConnectionSource b;
    b.source.id = 2;
    b.source.name = QStringLiteral("demo");
    b.isDemo = true;
    model.setSources({a, b});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    QCOMPARE(model.indexOf(1).data(SourcesModel::StatusKeyRole).toString(),
             QStringLiteral("rate_limited"));
    QVERIFY(model.indexOf(1, QStringLiteral("releases"), SourcesModel::StatusColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Rate limited until")));
    QCOMPARE(model.indexOf(2).data(SourcesModel::StatusKeyRole).toString(), QStringLiteral("demo"));

    model.syncStarted({1});
    model.streamStarted(1, QStringLiteral("issues"));
    model.streamProgress(1, QStringLiteral("issues"), 100);
    QCOMPARE(model.indexOf(1, QStringLiteral("issues"), SourcesModel::RecordsColumn).data(),
             QVariant(QStringLiteral("100")));
    model.streamStarted(1, QStringLiteral("comments")); // a stream the manifest did not list
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    model.streamFinished(1, QStringLiteral("issues"), QStringLiteral("ok"), 150, {}, {});
    QCOMPARE(model.indexOf(1).data(SourcesModel::ProgressRole).toInt(), 33);
    model.streamFinished(1, QStringLiteral("comments"), QStringLiteral("failed"), 0,
                         QStringLiteral("Not Found"), {});
    model.syncFinished();
    QCOMPARE(model.indexOf(1).data(SourcesModel::StatusKeyRole).toString(),
             QStringLiteral("rate_limited"));
    QCOMPARE(model.indexOf(1, QStringLiteral("comments"), SourcesModel::MessageColumn).data(),
             QVariant(QStringLiteral("Not Found")));
    model.setSources({b});
    QCOMPARE(model.rowCount(), 1);
    model.setSources({});
    QCOMPARE(model.rowCount(), 0);
}

// Saves the page over a demo workspace for looking at it: HUB_SCREENSHOT=path.png.
void TestConnectionsPage::screenshot()
{
    const QString path = qEnvironmentVariable("HUB_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("Set HUB_SCREENSHOT to save a screenshot of the page.");
    Theme::apply(*qApp);
    {
        const auto db = m_workspace->open();
        DemoGenerator::Options options;
        options.scale = DemoGenerator::Scale::Medium;
        QString error;
        QSqlDatabase connection = db->connection();
        QVERIFY2(DemoGenerator(options).generate(connection, &error), qPrintable(error));
    }
    ConnectionsPage page(m_controller.get());
    openWorkspace(page);
    const qint64 id = addGitHubSource(page, QStringLiteral("Rocket (GitHub)"));
    storeToken(page, id);
    m_github->setPageDelay(400);
    for (int i = 1; i <= 400; ++i)
        m_github->setIssue(i, QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC).addSecs(i * 60));
    page.resize(1440, 900);
    page.show();
    page.sourcesView()->selectSource(id);
    page.syncSource(id);
    QSignalSpy progress(page.service(), &ConnectionsService::streamProgress);
    QTRY_VERIFY(progress.count() >= 2);
    QTest::qWait(100);
    QVERIFY(page.grab().save(path));
    page.cancelSync();
    QTRY_VERIFY(!page.isSyncing());
}

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"
