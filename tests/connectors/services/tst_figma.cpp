#include "connectorharness.h"
#include "fakefigma.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray Token = "figd_Qm7xR2tL9vNc4KpW8sYb3HjD6fGa";
const QString ProjectA = QStringLiteral("48211234");
const QString ProjectB = QStringLiteral("48219876");
const QString TeamId = QStringLiteral("1093348812345678901");

QString componentKey(int n)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha1).toHex());
}

QString fileKey(int n)
{
    return QStringLiteral("Fk%1aZ").arg(n, 18, 10, QLatin1Char('0'));
}

QDateTime at(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute, second), Qt::UTC);
}

} // namespace

// The built-in Figma connector against a fake Figma speaking the REST API's shapes.
class TestFigma : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void manifestLoads();
    void syncsEveryProjectAndEveryComponentPage();
    void mapsAFileFieldByField();
    void mapsAComponentFieldByField();
    void aSecondRunReadsEverythingAgainAndUpdatesRows();
    void sendsThePersonalAccessTokenInItsHeader();
    void aWrongTokenFailsWithFigmasAnswer();
    void waitsOutAShortRateLimit();
    void aLongRateLimitEndsTheStreamRateLimited();
    void reportsFigmasOwnErrorMessage();
    void rejectsMalformedSettings();

private:
    QList<StreamOutcome> sync(const QByteArray &token = Token) { return m_harness->sync(token); }
    static const StreamOutcome &outcome(const QList<StreamOutcome> &outcomes,
                                        const QString &stream);
    QList<FakeHttpServer::Request> requestsTo(const QString &path) const;

    std::unique_ptr<ConnectorHarness> m_harness;
    std::unique_ptr<FakeFigma> m_figma;
};

void TestFigma::init()
{
    m_harness = std::make_unique<ConnectorHarness>(QStringLiteral("figma"));
    QVERIFY2(m_harness->start({{QStringLiteral("projects"), QJsonArray{ProjectA, ProjectB}},
                               {QStringLiteral("team_id"), TeamId}}),
             qPrintable(m_harness->error()));
    m_figma = std::make_unique<FakeFigma>(m_harness->server(), Token, TeamId);
    m_figma->setProjectName(ProjectA, QStringLiteral("Checkout"));
    m_figma->setProjectName(ProjectB, QStringLiteral("Onboarding"));
}

void TestFigma::cleanup()
{
    m_figma.reset();
    m_harness.reset();
}

const StreamOutcome &TestFigma::outcome(const QList<StreamOutcome> &outcomes, const QString &stream)
{
    static const StreamOutcome missing{QString(),
                                       QStringLiteral("(missing)"),
                                       StreamOutcome::Status::Failed,
                                       0,
                                       0,
                                       QStringLiteral("the stream did not run"),
                                       QDateTime()};
    const StreamOutcome *found = ConnectorHarness::find(outcomes, stream);
    return found ? *found : missing;
}

QList<FakeHttpServer::Request> TestFigma::requestsTo(const QString &path) const
{
    QList<FakeHttpServer::Request> matching;
    for (const FakeHttpServer::Request &request : m_harness->server().requests()) {
        if (request.path == path)
            matching.append(request);
    }
    return matching;
}

void TestFigma::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QLatin1String("figma.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("figma"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("design"));
    QCOMPARE(manifest->defaultBaseUrl, QStringLiteral("https://api.figma.com"));
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Header);
    QCOMPARE(manifest->auth.header, QStringLiteral("X-Figma-Token"));
    QVERIFY(manifest->auth.prefix.isEmpty());
    QVERIFY(manifest->stream(QStringLiteral("files")));
    QVERIFY(manifest->stream(QStringLiteral("components")));
}

void TestFigma::syncsEveryProjectAndEveryComponentPage()
{
    for (int n = 1; n <= 3; ++n)
        m_figma->setFile(ProjectA, fileKey(n), QStringLiteral("Checkout %1").arg(n), at(n, 9, 0));
    for (int n = 4; n <= 5; ++n)
        m_figma->setFile(ProjectB, fileKey(n), QStringLiteral("Onboarding %1").arg(n), at(n, 9, 0));
    for (int n = 1; n <= 250; ++n)
        m_figma->setComponent(componentKey(n), QStringLiteral("Button/%1").arg(n),
                              at(1 + n % 28, 8, n % 60));

    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcomes.size(), 2);
    const StreamOutcome &files = outcome(outcomes, QStringLiteral("files"));
    QVERIFY2(files.status == StreamOutcome::Status::Ok, qPrintable(files.error));
    QCOMPARE(files.records, 5);
    QCOMPARE(files.pages, 2); // one unpaged answer per project
    const StreamOutcome &components = outcome(outcomes, QStringLiteral("components"));
    QVERIFY2(components.status == StreamOutcome::Status::Ok, qPrintable(components.error));
    QCOMPARE(components.records, 250);

    QCOMPARE(m_harness->scalar(
                 QStringLiteral("SELECT count(*) FROM documents WHERE kind = 'figma_file'")),
             5);
    QCOMPARE(m_harness->scalar(
                 QStringLiteral("SELECT count(*) FROM documents WHERE kind = 'component'")),
             250);
    QCOMPARE(m_harness->server().requestCount(FakeFigma::filesPath(ProjectA)), 1);
    QCOMPARE(m_harness->server().requestCount(FakeFigma::filesPath(ProjectB)), 1);

    // Pages of 100, each asked for with the `after` cursor of the page before, until Figma
    // answers past the end with an empty list.
    const QList<FakeHttpServer::Request> pages = requestsTo(m_figma->componentsPath());
    QCOMPARE(pages.size(), 4);
    const QStringList expectedAfter{QString(), QStringLiteral("1100"), QStringLiteral("1200"),
                                    QStringLiteral("1250")};
    for (int i = 0; i < pages.size(); ++i) {
        QCOMPARE(pages.at(i).query.queryItemValue(QStringLiteral("page_size")),
                 QStringLiteral("100"));
        QCOMPARE(pages.at(i).query.queryItemValue(QStringLiteral("after")), expectedAfter.at(i));
        QVERIFY(!pages.at(i).query.hasQueryItem(QStringLiteral("before")));
    }
}

void TestFigma::mapsAFileFieldByField()
{
    const QString key = QStringLiteral("hM5Jj7bWqjRnJWCqZ2bsGt");
    m_figma->setFile(ProjectA, key, QStringLiteral("Checkout – payment step"), at(2, 10, 15, 42));
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcome(outcomes, QStringLiteral("files")).status, StreamOutcome::Status::Ok);

    const QVariantList row = m_harness->row(
        QStringLiteral("SELECT external_id, title, kind, updated_at, url, container, created_at, "
                       "raw FROM documents WHERE external_id = '%1'")
            .arg(key));
    QCOMPARE(row.size(), 8);
    QCOMPARE(row.at(0).toString(), key);
    QCOMPARE(row.at(1).toString(), QStringLiteral("Checkout – payment step"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("figma_file"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("2026-03-02T10:15:42Z"));
    // The file listing has no address and no project field, and a mapping cannot compose
    // one from the key or take the project from the request: both stay empty.
    QVERIFY(row.at(4).isNull());
    QVERIFY(row.at(5).isNull());
    QVERIFY(row.at(6).isNull());
    QCOMPARE(RawJson::unpack(row.at(7)),
             QJsonDocument(m_figma->file(key)).toJson(QJsonDocument::Compact));
}

void TestFigma::mapsAComponentFieldByField()
{
    const QString key = QStringLiteral("4f1c2ab9e07d35c8a6b2f0e9d1c3b5a7e9f0d2c4");
    const QString library = QStringLiteral("Lb9Xq2Ww7Ee4Rr1Tt6Yy3U");
    m_figma->setComponent(key, QStringLiteral("Button/Primary/Large"), at(3, 16, 45, 10), library);
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcome(outcomes, QStringLiteral("components")).status, StreamOutcome::Status::Ok);

    const QJsonObject fixture = m_figma->component(key);
    QCOMPARE(fixture.value(QStringLiteral("updated_at")).toString(),
             QStringLiteral("2026-03-03T16:45:10.000Z"));
    const QVariantList row = m_harness->row(
        QStringLiteral("SELECT external_id, title, kind, container, created_at, updated_at, url, "
                       "raw FROM documents WHERE external_id = '%1'")
            .arg(key));
    QCOMPARE(row.size(), 8);
    QCOMPARE(row.at(0).toString(), key);
    QCOMPARE(row.at(1).toString(), QStringLiteral("Button/Primary/Large"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("component"));
    QCOMPARE(row.at(3).toString(), library); // the library file that publishes it
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-02-01T16:45:10Z"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-03-03T16:45:10Z"));
    QVERIFY(row.at(6).isNull());
    const QJsonObject raw = QJsonDocument::fromJson(RawJson::unpack(row.at(7))).object();
    QCOMPARE(raw, fixture);
    QCOMPARE(raw.value(QStringLiteral("description")).toString(),
             QStringLiteral("Use for the primary action of a form."));
}

void TestFigma::aSecondRunReadsEverythingAgainAndUpdatesRows()
{
    for (int n = 1; n <= 4; ++n)
        m_figma->setFile(n <= 2 ? ProjectA : ProjectB, fileKey(n), QStringLiteral("File %1").arg(n),
                         at(n, 9, 0));
    for (int n = 1; n <= 120; ++n)
        m_figma->setComponent(componentKey(n), QStringLiteral("Icon/%1").arg(n), at(1, 8, 0));
    QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcome(outcomes, QStringLiteral("files")).status, StreamOutcome::Status::Ok);
    QCOMPARE(outcome(outcomes, QStringLiteral("components")).status, StreamOutcome::Status::Ok);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 124);
    // Figma offers no changed-since filter on these lists, so nothing is kept as a cursor.
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);

    m_harness->server().clearRequests();
    m_figma->setFile(ProjectA, fileKey(2), QStringLiteral("File 2 (renamed)"), at(20, 11, 30));
    m_figma->setFile(ProjectB, fileKey(5), QStringLiteral("File 5"), at(20, 12, 0));
    m_figma->setComponent(componentKey(7), QStringLiteral("Icon/7 (deprecated)"), at(21, 9, 5));
    outcomes = sync();
    QCOMPARE(outcome(outcomes, QStringLiteral("files")).records, 5);
    QCOMPARE(outcome(outcomes, QStringLiteral("components")).records, 120);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 125);
    QCOMPARE(
        m_harness->row(QStringLiteral("SELECT title, updated_at FROM documents WHERE "
                                      "external_id = '%1'")
                           .arg(fileKey(2))),
        (QVariantList{QStringLiteral("File 2 (renamed)"), QStringLiteral("2026-03-20T11:30:00Z")}));
    QCOMPARE(m_harness->row(QStringLiteral("SELECT title, updated_at FROM documents WHERE "
                                           "external_id = '%1'")
                                .arg(componentKey(7))),
             (QVariantList{QStringLiteral("Icon/7 (deprecated)"),
                           QStringLiteral("2026-03-21T09:05:00Z")}));
    // The second run asks exactly as the first did: no parameter narrows it.
    const QList<FakeHttpServer::Request> files = requestsTo(FakeFigma::filesPath(ProjectA));
    QCOMPARE(files.size(), 1);
    QVERIFY(files.first().query.isEmpty());
    const QList<FakeHttpServer::Request> pages = requestsTo(m_figma->componentsPath());
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages.first().query.query(), QStringLiteral("page_size=100"));
}

void TestFigma::sendsThePersonalAccessTokenInItsHeader()
{
    m_figma->setFile(ProjectA, fileKey(1), QStringLiteral("File 1"), at(1, 9, 0));
    m_figma->setComponent(componentKey(1), QStringLiteral("Badge"), at(1, 9, 0));
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcome(outcomes, QStringLiteral("files")).status, StreamOutcome::Status::Ok);
    QCOMPARE(outcome(outcomes, QStringLiteral("components")).status, StreamOutcome::Status::Ok);
    const QList<FakeHttpServer::Request> requests = m_harness->server().requests();
    QVERIFY(requests.size() >= 4);
    for (const FakeHttpServer::Request &request : requests) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.header("x-figma-token"), Token);
        QVERIFY(request.header("authorization").isEmpty());
    }
}

void TestFigma::aWrongTokenFailsWithFigmasAnswer()
{
    m_figma->setFile(ProjectA, fileKey(1), QStringLiteral("File 1"), at(1, 9, 0));
    m_figma->setComponent(componentKey(1), QStringLiteral("Badge"), at(1, 9, 0));
    const QList<StreamOutcome> outcomes = sync("figd_expired");
    for (const QString &stream : {QStringLiteral("files"), QStringLiteral("components")}) {
        const StreamOutcome &o = outcome(outcomes, stream);
        QCOMPARE(o.status, StreamOutcome::Status::Failed);
        QCOMPARE(o.records, 0);
        QVERIFY2(o.error.contains(QLatin1String("HTTP 403")), qPrintable(o.error));
        QVERIFY2(!o.error.contains(QLatin1String("figd_expired")), qPrintable(o.error));
    }
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM documents")), 0);
    // Figma explains a refused token in its own "err" field.
    QVERIFY(
        outcome(outcomes, QStringLiteral("files")).error.contains(QLatin1String("Invalid token")));
}

void TestFigma::waitsOutAShortRateLimit()
{
    for (int n = 1; n <= 150; ++n)
        m_figma->setComponent(componentKey(n), QStringLiteral("Token/%1").arg(n), at(2, 8, 0));
    m_harness->server().queueFault(
        m_figma->componentsPath(),
        FakeHttpServer::Response::json(R"({"status":429,"err":"Rate limit exceeded"})", 429)
            .withHeader("Retry-After", "1")
            .withHeader("X-Figma-Plan-Tier", "pro")
            .withHeader("X-Figma-Rate-Limit-Type", "low"));
    QElapsedTimer clock;
    clock.start();
    const QList<StreamOutcome> outcomes = sync();
    const StreamOutcome &components = outcome(outcomes, QStringLiteral("components"));
    QVERIFY2(components.status == StreamOutcome::Status::Ok, qPrintable(components.error));
    QCOMPARE(components.records, 150);
    QVERIFY2(clock.elapsed() >= 900, "the client did not wait as Retry-After asked");
    // The refused request, then two pages and the empty answer past the end.
    QCOMPARE(m_harness->server().requestCount(m_figma->componentsPath()), 4);
    QCOMPARE(m_harness->scalar(
                 QStringLiteral("SELECT count(*) FROM documents WHERE kind = 'component'")),
             150);
}

void TestFigma::aLongRateLimitEndsTheStreamRateLimited()
{
    m_figma->setFile(ProjectA, fileKey(1), QStringLiteral("File 1"), at(1, 9, 0));
    m_figma->setComponent(componentKey(1), QStringLiteral("Badge"), at(1, 9, 0));
    m_harness->server().queueFault(
        m_figma->componentsPath(),
        FakeHttpServer::Response::json(R"({"status":429,"err":"Rate limit exceeded"})", 429)
            .withHeader("Retry-After", "3600")
            .withHeader("X-Figma-Plan-Tier", "pro")
            .withHeader("X-Figma-Rate-Limit-Type", "low"),
        5);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QList<StreamOutcome> outcomes = sync();
    const StreamOutcome &components = outcome(outcomes, QStringLiteral("components"));
    QCOMPARE(components.status, StreamOutcome::Status::RateLimited);
    QVERIFY(components.resumeAt >= before.addSecs(3590));
    QVERIFY(components.resumeAt <= QDateTime::currentDateTimeUtc().addSecs(3610));
    // One request, not waited for and not repeated.
    QCOMPARE(m_harness->server().requestCount(m_figma->componentsPath()), 1);
    // The files stream has its own requests and is not held back.
    QCOMPARE(outcome(outcomes, QStringLiteral("files")).status, StreamOutcome::Status::Ok);
    QCOMPARE(m_harness->scalar(
                 QStringLiteral("SELECT count(*) FROM documents WHERE kind = 'figma_file'")),
             1);
}

void TestFigma::reportsFigmasOwnErrorMessage()
{
    m_figma->setComponent(componentKey(1), QStringLiteral("Badge"), at(1, 9, 0));
    m_harness->server().queueFault(
        m_figma->componentsPath(),
        FakeHttpServer::Response::json(
            R"({"error":true,"status":404,"message":"Team not found or not accessible"})", 404));
    const QList<StreamOutcome> outcomes = sync();
    const StreamOutcome &components = outcome(outcomes, QStringLiteral("components"));
    QCOMPARE(components.status, StreamOutcome::Status::Failed);
    QVERIFY2(components.error.contains(QLatin1String("Team not found or not accessible")),
             qPrintable(components.error));
    QVERIFY2(components.error.contains(QLatin1String("404")), qPrintable(components.error));
    // A client error is not retried.
    QCOMPARE(m_harness->server().requestCount(m_figma->componentsPath()), 1);
}

void TestFigma::rejectsMalformedSettings()
{
    const SettingsValidator validator(m_harness->manifest());
    QVERIFY(validator.check(QStringLiteral("projects"), QStringLiteral("48211234, 48219876"))
                .isEmpty());
    QVERIFY(validator.check(QStringLiteral("team_id"), TeamId).isEmpty());

    const QString url = validator.check(
        QStringLiteral("projects"),
        QStringLiteral("48211234,https://www.figma.com/files/team/1/project/48219876"));
    QVERIFY2(url.contains(QLatin1String("is not in the expected form")), qPrintable(url));
    QVERIFY2(url.contains(QLatin1String("the number after /project/")), qPrintable(url));
    const QString team = validator.check(QStringLiteral("team_id"), QStringLiteral("acme"));
    QVERIFY2(team.contains(QLatin1String("\"acme\" is not in the expected form")),
             qPrintable(team));

    QStringList problems;
    validator.parse({QStringLiteral("projects=48211234")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("team_id")), qPrintable(problems.first()));

    problems.clear();
    const QJsonObject settings = validator.parse(
        {QStringLiteral("projects=48211234, 48219876"), QStringLiteral("team_id=") + TeamId},
        &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(settings.value(QStringLiteral("projects")).toArray(),
             (QJsonArray{ProjectA, ProjectB}));
}

QTEST_GUILESS_MAIN(TestFigma)
#include "tst_figma.moc"
