#include "fakeaha.h"
#include "fakeasana.h"
#include "fakefigma.h"
#include "fakegithub.h"
#include "fakegitlab.h"
#include "fakehotjar.h"
#include "fakehttpserver.h"
#include "fakehubspot.h"
#include "fakehubspotmarketing.h"
#include "fakejira.h"
#include "fakelinear.h"
#include "fakemailchimp.h"
#include "fakemarketo.h"
#include "fakemixpanel.h"
#include "fakemonday.h"
#include "fakenotion.h"
#include "fakepipedrive.h"
#include "fakeproductboard.h"
#include "fakequaltrics.h"
#include "fakesalesforce.h"
#include "fakeuservoice.h"
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
// An access token as Salesforce issues it: the org id, '!', then the session.
const QByteArray SalesforceToken = "00D8d000009Qw3L!ARkAQF7mZp2Xv.Tn9Lc4Rb8Ws1Yd6Hq3Ju0Ke5Mg";
const QByteArray HubSpotToken = "pat-eu1-3c9e7a21-6b4d-4f0e-a8c2-9d1e5f7b3a60";
const QByteArray HubSpotMarketingToken = "pat-eu1-7f2a9c40-1e6b-4d8f-b3a5-2c0e9d4f6a18";
const QByteArray PipedriveToken = "4e9a1c7b2d8f0e3a6c5b9d2f7a1e4c8b0d3f6a29";
const QByteArray QualtricsToken = "Zt7Kq2Lm9Xv4Rb8Nc1Wd6Hf3Js5Pa0YgTe2Mu7Qo";
// A Mailchimp API key ends in its data centre.
const QByteArray MailchimpKey = "6d1f9b3e8a2c7d4f0b5e1a9c3d7f2e8b-us19";
// Client-credentials services take their pair as FIRST:SECOND.
const QByteArray MarketoClient =
    "9e2d4b7a-1c3f-4e8d-b6a0-5f2c8d1e7b34:Vq4Lm8Rx2Tz6Wb1Nc9Kd3Hf7Js5Pa0Yg";
const QByteArray UserVoiceClient = "Rm4tW8xK2qLp:uv-7Hd2Jk9Lm4Np6Qr1St3Vw";
const QByteArray HotjarClient = "d3a8f1c6-7b2e-4a9d-8c5f-1e0b6d4a2c97:hj-Lm7Qx2Rt9Vb4Nc8Kd1Wf";

const QString HotjarSite = QStringLiteral("4518830");
const QString HotjarSurveyA = QStringLiteral("91207");
const QString HotjarSurveyB = QStringLiteral("93354");
const QString QualtricsSurveyA = QStringLiteral("SV_8dLq2ZxT4mWb7Pk");
const QString QualtricsSurveyB = QStringLiteral("SV_1cRf6YnH3sVa9Ge");

constexpr qint64 GitLabProject = 278964;
const QString AsanaProject = QStringLiteral("1201000000000001");
const QString MondayBoard = QStringLiteral("4000000001");
const QString FigmaProject = QStringLiteral("48211234");
const QString FigmaTeam = QStringLiteral("1093348812345678901");
const QString NotionDatabase = QStringLiteral("8f2c3e1d-9a6b-4c7d-8e9f-0a1b2c3d4e5f");
const QByteArray MixpanelUser = "hub-export.3f9c21.mp-service-account";
const QByteArray MixpanelSecret = "Zq7Lm2Rt9Vb3Nc8Kd5Wf1Hg6Js0PaQx";
const QString MixpanelProject = QStringLiteral("2195193");

// Event exports are read by whole UTC days up to yesterday: the test's days are relative to
// today so that every one of them is complete.
QDate mixpanelStart()
{
    return QDateTime::currentDateTimeUtc().date().addDays(-3);
}

QDateTime minutes(int n)
{
    return From.addSecs(qint64(n) * 60);
}

QByteArray firstOf(const QByteArray &pair)
{
    return pair.left(pair.indexOf(':'));
}

QByteArray secondOf(const QByteArray &pair)
{
    return pair.mid(pair.indexOf(':') + 1);
}

// An Opportunity's standard fields as FIELDS(STANDARD) returns them (a selection).
QJsonObject salesforceOpportunity(int n)
{
    const bool closed = n % 2 == 0;
    return {
        {QStringLiteral("AccountId"),
         QStringLiteral("0018d00000%1AAQ").arg(n, 5, 10, QLatin1Char('0'))},
        {QStringLiteral("Name"), QStringLiteral("Fleet upgrade %1").arg(n)},
        {QStringLiteral("StageName"),
         closed ? QStringLiteral("Closed Won") : QStringLiteral("Negotiation/Review")},
        {QStringLiteral("Amount"), 8000.0 * n},
        {QStringLiteral("CloseDate"), QStringLiteral("2026-07-%1").arg(n, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("IsClosed"), closed},
        {QStringLiteral("IsWon"), closed},
        {QStringLiteral("CurrencyIsoCode"), QStringLiteral("USD")},
        {QStringLiteral("CreatedDate"), QStringLiteral("2026-02-01T10:00:00.000+0000")}};
}

// A HubSpot deal's properties, every value as text as the search API returns them.
QJsonObject hubSpotDeal(int n)
{
    return {{QStringLiteral("dealname"), QStringLiteral("Seats for team %1").arg(n)},
            {QStringLiteral("dealstage"), QStringLiteral("qualifiedtobuy")},
            {QStringLiteral("pipeline"), QStringLiteral("default")},
            {QStringLiteral("amount"), QString::number(500 * n)},
            {QStringLiteral("deal_currency_code"), QStringLiteral("EUR")},
            {QStringLiteral("closedate"), QStringLiteral("2026-06-30T12:00:00Z")},
            {QStringLiteral("hs_is_closed"), QStringLiteral("false")},
            {QStringLiteral("hs_is_closed_won"), QStringLiteral("false")},
            {QStringLiteral("createdate"), QStringLiteral("2026-02-10T09:00:00Z")}};
}

// A deal as Pipedrive's API v2 lists it.
QJsonObject pipedriveDeal(int n, const QString &status)
{
    const bool closed = status != QLatin1String("open");
    return {{QStringLiteral("title"), QStringLiteral("Licences %1").arg(n)},
            {QStringLiteral("owner_id"), 7},
            {QStringLiteral("value"), 1200.0 * n},
            {QStringLiteral("org_id"), 60 + n % 3},
            {QStringLiteral("stage_id"), 2},
            {QStringLiteral("pipeline_id"), 1},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("add_time"), QStringLiteral("2026-01-20T08:30:00Z")},
            {QStringLiteral("status"), status},
            {QStringLiteral("close_time"),
             closed ? QJsonValue(QStringLiteral("2026-03-01T16:00:00Z")) : QJsonValue::Null},
            {QStringLiteral("won_time"), status == QLatin1String("won")
                                             ? QJsonValue(QStringLiteral("2026-03-01T16:00:00Z"))
                                             : QJsonValue::Null},
            {QStringLiteral("is_deleted"), false}};
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
    if (kind == QLatin1String("salesforce")) {
        auto salesforce = std::make_shared<FakeSalesforce>(server, SalesforceToken);
        // Salesforce decides the batch size; 200 is the least it uses.
        salesforce->setBatchSize(200);
        for (int n = 1; n <= 210; ++n) {
            salesforce->setRecord(
                QStringLiteral("Account"),
                QStringLiteral("0018d00000%1AAQ").arg(n, 5, 10, QLatin1Char('0')),
                {{QStringLiteral("Name"), QStringLiteral("Client %1").arg(n)},
                 {QStringLiteral("Website"), QStringLiteral("https://client%1.example").arg(n)}},
                minutes(n));
        }
        for (int n = 1; n <= 6; ++n) {
            salesforce->setRecord(QStringLiteral("Opportunity"),
                                  QStringLiteral("0068d00000%1QAQ").arg(n, 5, 10, QLatin1Char('0')),
                                  salesforceOpportunity(n), minutes(n));
        }
        return salesforce;
    }
    if (kind == QLatin1String("hubspot")) {
        auto hubspot = std::make_shared<FakeHubSpot>(server, HubSpotToken);
        for (int n = 1; n <= 130; ++n)
            hubspot->setObject(QStringLiteral("deals"), QString::number(18000 + n), hubSpotDeal(n),
                               minutes(n));
        for (int n = 1; n <= 3; ++n) {
            hubspot->setObject(
                QStringLiteral("companies"), QString::number(2600 + n),
                {{QStringLiteral("name"), QStringLiteral("Client %1").arg(n)},
                 {QStringLiteral("domain"), QStringLiteral("client%1.example").arg(n)}},
                minutes(n));
        }
        for (int n = 1; n <= 4; ++n) {
            hubspot->setObject(
                QStringLiteral("contacts"), QString::number(5100 + n),
                {{QStringLiteral("email"), QStringLiteral("buyer%1@client.example").arg(n)},
                 {QStringLiteral("firstname"), QStringLiteral("Buyer")},
                 {QStringLiteral("lastname"), QString::number(n)}},
                minutes(n));
        }
        return hubspot;
    }
    if (kind == QLatin1String("pipedrive")) {
        auto pipedrive = std::make_shared<FakePipedrive>(server, PipedriveToken);
        // Pipedrive lists at most 500 a page: the open deals take two.
        for (int n = 1; n <= 510; ++n)
            pipedrive->setDeal(n, pipedriveDeal(n, QStringLiteral("open")), minutes(n));
        pipedrive->setDeal(601, pipedriveDeal(601, QStringLiteral("won")), minutes(601));
        pipedrive->setDeal(602, pipedriveDeal(602, QStringLiteral("won")), minutes(602));
        pipedrive->setDeal(603, pipedriveDeal(603, QStringLiteral("lost")), minutes(603));
        for (int n = 0; n < 3; ++n)
            pipedrive->setOrganization(60 + n, QStringLiteral("Client %1").arg(n), minutes(n));
        return pipedrive;
    }
    if (kind == QLatin1String("mailchimp")) {
        auto mailchimp = std::make_shared<FakeMailchimp>(server, MailchimpKey);
        // 1,010 campaigns, a little over one page of 1,000; every 202nd was sent.
        for (int n = 1; n <= 1010; ++n) {
            const bool sent = n % 202 == 0;
            mailchimp->setCampaign(
                FakeMailchimp::campaign(QStringLiteral("a%1").arg(n, 9, 16, QLatin1Char('0')),
                                        QStringLiteral("Product news %1").arg(n),
                                        sent ? QStringLiteral("sent") : QStringLiteral("save"),
                                        minutes(n), sent ? minutes(n).addDays(1) : QDateTime()));
        }
        return mailchimp;
    }
    if (kind == QLatin1String("hubspotmarketing")) {
        auto hubspot = std::make_shared<FakeHubSpotMarketing>(server, HubSpotMarketingToken);
        for (int n = 1; n <= 110; ++n) {
            hubspot->setCampaign(
                QStringLiteral("2b7e4c1a-8d3f-4a6e-9b0c-%1").arg(n, 12, 10, QLatin1Char('0')),
                {{QStringLiteral("hs_name"), QStringLiteral("Spring launch %1").arg(n)},
                 {QStringLiteral("hs_campaign_status"), QStringLiteral("active")},
                 {QStringLiteral("hs_start_date"), QStringLiteral("2026-04-01")},
                 {QStringLiteral("hs_end_date"), QStringLiteral("2026-04-30")},
                 {QStringLiteral("product_launch"), QStringLiteral("Atlas")}},
                minutes(n));
        }
        for (int n = 1; n <= 4; ++n) {
            hubspot->setEmail(QString::number(71000 + n),
                              {{QStringLiteral("name"), QStringLiteral("Atlas teaser %1").arg(n)},
                               {QStringLiteral("subject"), QStringLiteral("Atlas is coming")},
                               {QStringLiteral("state"), QStringLiteral("DRAFT")},
                               {QStringLiteral("type"), QStringLiteral("BATCH_EMAIL")},
                               {QStringLiteral("isPublished"), false}},
                              minutes(n));
        }
        return hubspot;
    }
    if (kind == QLatin1String("marketo")) {
        auto marketo =
            std::make_shared<FakeMarketo>(server, QString::fromLatin1(firstOf(MarketoClient)),
                                          QString::fromLatin1(secondOf(MarketoClient)));
        // 210 programs, one page of 200 and a short one; every 30th is tagged for the launch.
        for (int n = 1; n <= 210; ++n) {
            QList<FakeMarketo::Tag> tags;
            if (n % 30 == 0)
                tags.append({QStringLiteral("Product"), QStringLiteral("Rocket 2.0")});
            marketo->setProgram(2000 + n, QStringLiteral("Program %1").arg(n),
                                QStringLiteral("Default"), QStringLiteral("Webinar"), QString(),
                                minutes(n), tags);
        }
        return marketo;
    }
    if (kind == QLatin1String("uservoice")) {
        auto uservoice =
            std::make_shared<FakeUserVoice>(server, QString::fromLatin1(firstOf(UserVoiceClient)),
                                            QString::fromLatin1(secondOf(UserVoiceClient)));
        for (int n = 1; n <= 120; ++n)
            uservoice->setSuggestion(FakeUserVoice::suggestion(n, minutes(n), n % 7));
        return uservoice;
    }
    if (kind == QLatin1String("hotjar")) {
        auto hotjar =
            std::make_shared<FakeHotjar>(server, QString::fromLatin1(firstOf(HotjarClient)),
                                         QString::fromLatin1(secondOf(HotjarClient)), HotjarSite);
        for (int n = 1; n <= 110; ++n)
            hotjar->addResponse(HotjarSurveyA, FakeHotjar::response(n, minutes(n)));
        for (int n = 501; n <= 505; ++n)
            hotjar->addResponse(HotjarSurveyB, FakeHotjar::response(n, minutes(n)));
        return hotjar;
    }
    if (kind == QLatin1String("mixpanel")) {
        auto mixpanel =
            std::make_shared<FakeMixpanel>(server, MixpanelUser, MixpanelSecret, MixpanelProject);
        // Three days; 40 users export twice a day, the first 20 also view a page once.
        for (int day = 0; day < 3; ++day) {
            const QDateTime at(mixpanelStart().addDays(day), QTime(9, 30), Qt::UTC);
            for (int user = 0; user < 40; ++user) {
                const QString id = QStringLiteral("user-%1").arg(user);
                for (int n = 0; n < 2; ++n)
                    mixpanel->addEvent(FakeMixpanel::event(QStringLiteral("Report Exported"), id,
                                                           at.addSecs(user * 60 + n)));
                if (user < 20)
                    mixpanel->addEvent(
                        FakeMixpanel::event(QStringLiteral("Page Viewed"), id, at.addSecs(user)));
            }
        }
        return mixpanel;
    }
    if (kind == QLatin1String("qualtrics")) {
        auto qualtrics = std::make_shared<FakeQualtrics>(server, QualtricsToken);
        qualtrics->addSurvey(QualtricsSurveyA);
        qualtrics->addSurvey(QualtricsSurveyB);
        // Survey A asks for a recommendation (NPS), survey B for satisfaction (CSAT).
        for (int n = 1; n <= 20; ++n) {
            qualtrics->addResponse(
                QualtricsSurveyA,
                FakeQualtrics::response(n, minutes(n), n % 11, -1, QStringLiteral("Good")));
        }
        for (int n = 101; n <= 105; ++n)
            qualtrics->addResponse(QualtricsSurveyB,
                                   FakeQualtrics::response(n, minutes(n), -1, 1 + n % 5));
        return qualtrics;
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
    // Query items every request must carry, for services that take the secret there.
    QTest::addColumn<QVariantMap>("query");
    // Where a client-credentials service hands out its access token: asked once, first, and
    // with the client's own credentials rather than the headers above.
    QTest::addColumn<QString>("tokenPath");
    // The command that `sources add` advises for the credentials.
    QTest::addColumn<QString>("advice");

    const QStringList none;
    const QString Set = QStringLiteral("auth set");
    // OAuth services are advised to sign in through the browser.
    const QString Login = QStringLiteral("auth login");
    // 130 items, one in four a pull request; two releases and a milestone.
    QTest::newRow("github")
        << QStringLiteral("github") << QStringList{QStringLiteral("repositories=acme/rocket")}
        << QString() << GitHubToken
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + GitHubToken)}}
        << none
        << QStringList{QStringLiteral("issues"), QStringLiteral("pull_requests"),
                       QStringLiteral("releases"), QStringLiteral("milestones")}
        << qint64(98 + 32 + 2 + 1) << QStringLiteral("issues") << 2
        << QVariantMap{{QStringLiteral("work_items"), 130}, {QStringLiteral("releases"), 3}}
        << QVariantMap() << QString() << Set;
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
                                           {QStringLiteral("pipelines"), 5}}
                            << QVariantMap() << QString() << Set;
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
                                         {QStringLiteral("releases"), 2}}
                          << QVariantMap() << QString() << Set;
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
                                                 {QStringLiteral("company_sources"), 5}}
                                  << QVariantMap() << QString() << Set;
    QTest::newRow("asana") << QStringLiteral("asana")
                           << QStringList{QStringLiteral("projects=") + AsanaProject} << QString()
                           << AsanaToken
                           << QVariantMap{{QStringLiteral("authorization"),
                                           QByteArray("Bearer " + AsanaToken)}}
                           << none << QStringList{QStringLiteral("tasks")} << qint64(130)
                           << QStringLiteral("tasks") << 2
                           << QVariantMap{{QStringLiteral("work_items"), 130}} << QVariantMap()
                           << QString() << Set;
    QTest::newRow("monday") << QStringLiteral("monday")
                            << QStringList{QStringLiteral("boards=") + MondayBoard,
                                           QStringLiteral("api_version=2025-10")}
                            << QString() << MondayToken
                            << QVariantMap{{QStringLiteral("authorization"), MondayToken},
                                           {QStringLiteral("api-version"), QByteArray("2025-10")}}
                            << none << QStringList{QStringLiteral("items")} << qint64(130)
                            << QStringLiteral("items") << 2
                            << QVariantMap{{QStringLiteral("work_items"), 130}} << QVariantMap()
                            << QString() << Set;
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
                                        {QStringLiteral("feedback"), 5}}
                         << QVariantMap() << QString() << Set;
    QTest::newRow("linear") << QStringLiteral("linear") << none << QString() << LinearKey
                            << QVariantMap{{QStringLiteral("authorization"), LinearKey}} << none
                            << QStringList{QStringLiteral("issues"), QStringLiteral("projects")}
                            << qint64(130 + 3) << QStringLiteral("issues") << 2
                            << QVariantMap{{QStringLiteral("work_items"), 130},
                                           {QStringLiteral("features"), 3}}
                            << QVariantMap() << QString() << Set;
    // Three files and 130 components; Figma ends the components with an empty page.
    QTest::newRow("figma") << QStringLiteral("figma")
                           << QStringList{QStringLiteral("projects=") + FigmaProject,
                                          QStringLiteral("team_id=") + FigmaTeam}
                           << QString() << FigmaToken
                           << QVariantMap{{QStringLiteral("x-figma-token"), FigmaToken}}
                           << QStringList{QStringLiteral("authorization")}
                           << QStringList{QStringLiteral("files"), QStringLiteral("components")}
                           << qint64(3 + 130) << QStringLiteral("components") << 3
                           << QVariantMap{{QStringLiteral("documents"), 133}} << QVariantMap()
                           << QString() << Set;
    QTest::newRow("notion")
        << QStringLiteral("notion") << QStringList{QStringLiteral("databases=") + NotionDatabase}
        << QString() << NotionToken
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + NotionToken)},
                       {QStringLiteral("notion-version"), QByteArray(FakeNotion::Version)}}
        << none << QStringList{QStringLiteral("pages")} << qint64(130) << QStringLiteral("pages")
        << 2 << QVariantMap{{QStringLiteral("documents"), 130}} << QVariantMap() << QString()
        << Set;

    // The documented way without a browser: an access token with `auth set`, and the org's
    // address as instance_url instead of --base-url. 210 accounts in batches of 200 and six
    // opportunities.
    QTest::newRow("salesforce")
        << QStringLiteral("salesforce")
        << QStringList{QStringLiteral("client_id=3MVG9Xk2Lq7Rt.Vb4Nc8Wd1Hf6Js0PaYgTe"),
                       QStringLiteral("instance_url={server}")}
        << QString() << SalesforceToken
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + SalesforceToken)},
                       {QStringLiteral("accept"), QByteArray("application/json")}}
        << none << QStringList{QStringLiteral("accounts"), QStringLiteral("opportunities")}
        << qint64(210 + 6) << QStringLiteral("accounts") << 2
        << QVariantMap{{QStringLiteral("company_sources"), 210},
                       {QStringLiteral("sales_opportunities"), 6}}
        << QVariantMap() << QString() << Login;
    // 130 deals at 100 a page, three companies, four contacts.
    QTest::newRow("hubspot") << QStringLiteral("hubspot") << none << QString() << HubSpotToken
                             << QVariantMap{{QStringLiteral("authorization"),
                                             QByteArray("Bearer " + HubSpotToken)}}
                             << none
                             << QStringList{QStringLiteral("companies"), QStringLiteral("contacts"),
                                            QStringLiteral("deals")}
                             << qint64(3 + 4 + 130) << QStringLiteral("deals") << 2
                             << QVariantMap{{QStringLiteral("sales_opportunities"), 130},
                                            {QStringLiteral("company_sources"), 3},
                                            {QStringLiteral("users"), 4}}
                             << QVariantMap() << QString() << Set;
    // 510 open deals at 500 a page, two won, one lost, three organisations; the token goes
    // in the query, never in a header.
    QTest::newRow("pipedrive")
        << QStringLiteral("pipedrive") << QStringList{QStringLiteral("company_domain=acme")}
        << QString() << PipedriveToken << QVariantMap()
        << QStringList{QStringLiteral("authorization")}
        << QStringList{QStringLiteral("organizations"), QStringLiteral("deals_open"),
                       QStringLiteral("deals_won"), QStringLiteral("deals_lost")}
        << qint64(3 + 510 + 2 + 1) << QStringLiteral("deals_open") << 2
        << QVariantMap{{QStringLiteral("sales_opportunities"), 513},
                       {QStringLiteral("company_sources"), 3}}
        << QVariantMap{{QStringLiteral("api_token"), QString::fromLatin1(PipedriveToken)}}
        << QString() << Set;
    // The data centre comes from the key's ending. Five of the 1,010 campaigns were sent:
    // read again by the sent stream, they stay one row each.
    QTest::newRow("mailchimp")
        << QStringLiteral("mailchimp") << none << QStringLiteral("/3.0") << MailchimpKey
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer " + MailchimpKey)}}
        << none << QStringList{QStringLiteral("campaigns"), QStringLiteral("sent_campaigns")}
        << qint64(1010 + 5) << QStringLiteral("campaigns") << 2
        << QVariantMap{{QStringLiteral("campaigns"), 1010}} << QVariantMap() << QString() << Set;
    // 110 campaigns at 100 a page and four emails, all campaigns.
    QTest::newRow("hubspotmarketing")
        << QStringLiteral("hubspotmarketing")
        << QStringList{QStringLiteral("launch_property=product_launch")} << QString()
        << HubSpotMarketingToken
        << QVariantMap{{QStringLiteral("authorization"),
                        QByteArray("Bearer " + HubSpotMarketingToken)}}
        << none << QStringList{QStringLiteral("campaigns"), QStringLiteral("emails")}
        << qint64(110 + 4) << QStringLiteral("campaigns") << 2
        << QVariantMap{{QStringLiteral("campaigns"), 114}} << QVariantMap() << QString() << Set;
    // 210 programs at 200 a page; the seven tagged Rocket 2.0 are read again by tag.
    QTest::newRow("marketo")
        << QStringLiteral("marketo")
        << QStringList{QStringLiteral("munchkin_id=284-RTX-913"),
                       QStringLiteral("launch_tag_type=Product"),
                       QStringLiteral("launch_tags=Rocket 2.0")}
        << QString() << MarketoClient
        << QVariantMap{{QStringLiteral("authorization"),
                        QByteArray("Bearer cdf01657-110d-4155-99a7-f986b2ff13a0:ab1")}}
        << none << QStringList{QStringLiteral("programs"), QStringLiteral("launch_programs")}
        << qint64(210 + 7) << QStringLiteral("programs") << 2
        << QVariantMap{{QStringLiteral("campaigns"), 210}} << QVariantMap()
        << QStringLiteral("/identity/oauth/token") << Set;
    QTest::newRow("uservoice") << QStringLiteral("uservoice")
                               << QStringList{QStringLiteral("subdomain=acme")} << QString()
                               << UserVoiceClient
                               << QVariantMap{{QStringLiteral("authorization"),
                                               QByteArray("Bearer uvtok-1")}}
                               << none << QStringList{QStringLiteral("suggestions")} << qint64(120)
                               << QStringLiteral("suggestions") << 2
                               << QVariantMap{{QStringLiteral("feedback"), 120}} << QVariantMap()
                               << QStringLiteral("/api/v2/oauth/token") << Set;
    // Two surveys: 110 responses on two pages and five on one.
    QTest::newRow("hotjar")
        << QStringLiteral("hotjar")
        << QStringList{QStringLiteral("site_id=") + HotjarSite,
                       QStringLiteral("surveys=%1,%2").arg(HotjarSurveyA, HotjarSurveyB)}
        << QString() << HotjarClient
        << QVariantMap{{QStringLiteral("authorization"), QByteArray("Bearer hjtok-1")}} << none
        << QStringList{QStringLiteral("responses")} << qint64(110 + 5)
        << QStringLiteral("responses") << 3 << QVariantMap{{QStringLiteral("feedback"), 115}}
        << QVariantMap() << QStringLiteral("/v1/oauth/token") << Set;
    // Each survey's export: its start, two answers "in progress", "complete", and the file.
    QTest::newRow("qualtrics")
        << QStringLiteral("qualtrics")
        << QStringList{QStringLiteral("datacenter=iad1"),
                       QStringLiteral("surveys=%1,%2").arg(QualtricsSurveyA, QualtricsSurveyB),
                       QStringLiteral("nps_question=QID3"), QStringLiteral("csat_question=QID4")}
        << QStringLiteral("/API/v3") << QualtricsToken
        << QVariantMap{{QStringLiteral("x-api-token"), QualtricsToken}}
        << QStringList{QStringLiteral("authorization")} << QStringList{QStringLiteral("responses")}
        << qint64(20 + 5) << QStringLiteral("responses") << 2 * 5
        << QVariantMap{{QStringLiteral("feedback"), 25}} << QVariantMap() << QString() << Set;
    // Raw events counted per user, event and day: one export request per complete day.
    QTest::newRow("mixpanel")
        << QStringLiteral("mixpanel")
        << QStringList{QStringLiteral("project_id=") + MixpanelProject,
                       QStringLiteral("start_date=") + mixpanelStart().toString(Qt::ISODate)}
        << QString() << QByteArray(MixpanelUser + ':' + MixpanelSecret)
        << QVariantMap{{QStringLiteral("authorization"),
                        QByteArray("Basic " +
                                   QByteArray(MixpanelUser + ':' + MixpanelSecret).toBase64())}}
        << QStringList() << QStringList{QStringLiteral("events")} << qint64(3 * (40 * 2 + 20))
        << QStringLiteral("events") << 3
        << QVariantMap{{QStringLiteral("usage_event_counts"), 3 * (40 + 20)},
                       {QStringLiteral("users"), 40}}
        << QVariantMap{{QStringLiteral("project_id"), MixpanelProject}} << QString() << Set;
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
    QFETCH(QVariantMap, query);
    QFETCH(QString, tokenPath);
    QFETCH(QString, advice);

    const std::shared_ptr<void> fake = startFake(kind);
    QVERIFY(fake);
    const QString name = QStringLiteral("acme-") + kind;

    // A setting that names the fake ({server}) gives the service's address itself, as
    // Salesforce's instance_url does: such a source is added without --base-url.
    const QString server = m_server->baseUrl().toString();
    QStringList add{QStringLiteral("sources"), QStringLiteral("add"), kind,
                    QStringLiteral("--name"), name};
    bool addressInSettings = false;
    for (QString setting : std::as_const(settings)) {
        if (setting.contains(QLatin1String("{server}"))) {
            setting.replace(QLatin1String("{server}"), server);
            addressInSettings = true;
        }
        add << QStringLiteral("--set") << setting;
    }
    if (!addressInSettings)
        add << QStringLiteral("--base-url") << server + basePath;
    const Result added = run(add);
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY2(added.out.contains(advice + u' ' + name), qPrintable(added.out));

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
    if (!tokenPath.isEmpty()) {
        // One token serves the whole sync.
        QCOMPARE(requests.first().path, tokenPath);
        QCOMPARE(m_server->requestCount(tokenPath), 1);
    }
    for (const FakeHttpServer::Request &request : requests) {
        if (request.path == tokenPath)
            continue;
        for (auto it = query.cbegin(); it != query.cend(); ++it) {
            QVERIFY2(request.query.queryItemValue(it.key()) == it.value().toString(),
                     qPrintable(request.path + QStringLiteral(": ") + it.key()));
        }
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
    // What the refusal says of the value.
    QTest::addColumn<QString>("problem");

    const QString Form = QStringLiteral("is not in the expected form");

    // A project's path where GitLab's API takes its numeric id.
    QTest::newRow("gitlab project path")
        << QStringLiteral("gitlab") << QStringList{QStringLiteral("projects=acme/rocket")}
        << QStringLiteral("projects") << QStringLiteral("acme/rocket") << Form;
    QTest::newRow("jira project key in lower case")
        << QStringLiteral("jira") << QStringList{QStringLiteral("projects=ROCKET,web")}
        << QStringLiteral("projects") << QStringLiteral("web") << Form;
    QTest::newRow("monday api version without month")
        << QStringLiteral("monday")
        << QStringList{QStringLiteral("boards=") + MondayBoard, QStringLiteral("api_version=2025")}
        << QStringLiteral("api_version") << QStringLiteral("2025") << Form;
    QTest::newRow("figma team name for its id")
        << QStringLiteral("figma")
        << QStringList{QStringLiteral("projects=") + FigmaProject,
                       QStringLiteral("team_id=acme-design")}
        << QStringLiteral("team_id") << QStringLiteral("acme-design") << Form;
    QTest::newRow("salesforce instance without scheme")
        << QStringLiteral("salesforce")
        << QStringList{QStringLiteral("client_id=3MVG9Xk2Lq7Rt"),
                       QStringLiteral("instance_url=acme.my.salesforce.com")}
        << QStringLiteral("instance_url") << QStringLiteral("acme.my.salesforce.com")
        << QStringLiteral("is not an http or https URL");
    QTest::newRow("salesforce api version with a v")
        << QStringLiteral("salesforce")
        << QStringList{QStringLiteral("client_id=3MVG9Xk2Lq7Rt"), QStringLiteral("api_version=v62")}
        << QStringLiteral("api_version") << QStringLiteral("v62") << Form;
    QTest::newRow("pipedrive company address for its domain")
        << QStringLiteral("pipedrive")
        << QStringList{QStringLiteral("company_domain=acme.pipedrive.com")}
        << QStringLiteral("company_domain") << QStringLiteral("acme.pipedrive.com") << Form;
    QTest::newRow("mailchimp data centre with its dash")
        << QStringLiteral("mailchimp") << QStringList{QStringLiteral("data_center=-us19")}
        << QStringLiteral("data_center") << QStringLiteral("-us19") << Form;
    QTest::newRow("hubspot marketing property label for its name")
        << QStringLiteral("hubspotmarketing")
        << QStringList{QStringLiteral("launch_property=Product launch")}
        << QStringLiteral("launch_property") << QStringLiteral("Product launch") << Form;
    QTest::newRow("marketo instance name for its munchkin id")
        << QStringLiteral("marketo") << QStringList{QStringLiteral("munchkin_id=acme")}
        << QStringLiteral("munchkin_id") << QStringLiteral("acme") << Form;
    QTest::newRow("uservoice site address for its subdomain")
        << QStringLiteral("uservoice")
        << QStringList{QStringLiteral("subdomain=acme.uservoice.com")}
        << QStringLiteral("subdomain") << QStringLiteral("acme.uservoice.com") << Form;
    QTest::newRow("hotjar survey name for its id")
        << QStringLiteral("hotjar")
        << QStringList{QStringLiteral("site_id=") + HotjarSite,
                       QStringLiteral("surveys=91207,nps-q2")}
        << QStringLiteral("surveys") << QStringLiteral("nps-q2") << Form;
    QTest::newRow("qualtrics survey id without its prefix")
        << QStringLiteral("qualtrics")
        << QStringList{QStringLiteral("datacenter=iad1"),
                       QStringLiteral("surveys=%1,8dLq2ZxT4mWb7Pk").arg(QualtricsSurveyA)}
        << QStringLiteral("surveys") << QStringLiteral("8dLq2ZxT4mWb7Pk") << Form;
}

void TestConnectorsCli::refusesAMalformedSetting()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, settings);
    QFETCH(QString, setting);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    QStringList add{QStringLiteral("sources"), QStringLiteral("add"), kind,
                    QStringLiteral("--name"), QStringLiteral("refused")};
    for (const QString &assignment : std::as_const(settings))
        add << QStringLiteral("--set") << assignment;
    const Result added = run(add);
    QCOMPARE(added.code, 2);
    const QString expected = QStringLiteral("%1: \"%2\" %3").arg(setting, value, problem);
    QVERIFY2(added.err.contains(expected), qPrintable(added.err));

    const Result listed =
        run({QStringLiteral("sources"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 0);
}

QTEST_GUILESS_MAIN(TestConnectorsCli)
#include "tst_connectorscli.moc"
