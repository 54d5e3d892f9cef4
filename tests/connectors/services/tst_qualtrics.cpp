#include "connectorharness.h"
#include "fakequaltrics.h"
#include "hooks/qualtricshook.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace {

const QByteArray token = "qXp3N8vT2kLm9RsW4yZa6BcD1eFg7HjK0mNo5PqR";
const QString surveyA = QStringLiteral("SV_0ObKC4wG1tSN2Gi");
const QString surveyB = QStringLiteral("SV_3kFq9XbLm2Rt7Yu");
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString exportPath(const QString &survey)
{
    return QStringLiteral("/API/v3/surveys/%1/export-responses").arg(survey);
}

QString failures(const QList<StreamOutcome> &outcomes)
{
    QStringList out;
    for (const StreamOutcome &o : outcomes) {
        if (o.status != StreamOutcome::Status::Ok)
            out.append(o.stream + QStringLiteral(": ") + o.error);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

// The Qualtrics connector against a fake Qualtrics data center: the response export (start,
// poll, download a ZIP), startDate for later runs, NPS and CSAT from configured questions.
class TestQualtrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void exportsEverySurvey();
    void secondRunExportsOnlyNewResponses();
    void mapsACompleteResponse();
    void scoresFollowTheConfiguredQuestions();
    void wrongTokenIsRefused();
    void waitsOutAShortRateLimit();
    void longRetryAfterEndsTheStreamRateLimited();
    void errorBodyOfTheService();
    void failedExportFailsTheStream();
    void damagedExportFileWritesNothing_data();
    void damagedExportFileWritesNothing();
    void largeExport();
    void rejectsMalformedSettings();

private:
    static bool begin(ConnectorHarness &h, const QStringList &surveys = {surveyA},
                      bool withQuestions = true)
    {
        QJsonObject settings{{QStringLiteral("datacenter"), QStringLiteral("iad1")},
                             {QStringLiteral("surveys"), QJsonArray::fromStringList(surveys)}};
        if (withQuestions) {
            settings.insert(QStringLiteral("nps_question"), QStringLiteral("QID3"));
            settings.insert(QStringLiteral("csat_question"), QStringLiteral("QID4"));
            settings.insert(QStringLiteral("comment_question"), QStringLiteral("QID5_TEXT"));
        }
        return h.start(settings, QStringLiteral("/API/v3"));
    }
};

void TestQualtrics::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("qualtrics.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("qualtrics"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("research"));
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Header);
    QCOMPARE(manifest->streams.first().hook, QStringLiteral("qualtrics-export"));
    QVERIFY(StreamHooks::contains(QStringLiteral("qualtrics-export")));
}

void TestQualtrics::exportsEverySurvey()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h, {surveyA, surveyB}), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.addSurvey(surveyA);
    qualtrics.addSurvey(surveyB);
    for (int n = 1; n <= 250; ++n)
        qualtrics.addResponse(surveyA, FakeQualtrics::response(n, start.addSecs(n * 60), n % 11, -1,
                                                               QStringLiteral("Fine")));
    for (int n = 301; n <= 330; ++n)
        qualtrics.addResponse(surveyB,
                              FakeQualtrics::response(n, start.addSecs(n * 60), -1, 1 + n % 5));

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QCOMPARE(outcomes.first().records, 280);
    // Per survey: the start, two answers "in progress", one "complete", and the file.
    QCOMPARE(outcomes.first().pages, 10);
    QCOMPARE(qualtrics.progressRequests(), 6);
    // Qualtrics is asked again only after a pause, not at once.
    QVERIFY(timer.elapsed() >= 1000);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 280);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score_kind = 'nps'")),
             250);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score_kind = 'csat'")),
             30);

    // The export asked for JSON in a ZIP, from the beginning; every request carried the token.
    QCOMPARE(qualtrics.startDates(), QStringList({QString(), QString()}));
    const QJsonObject body = qualtrics.exportRequests().first();
    QCOMPARE(body.value(QStringLiteral("format")).toString(), QStringLiteral("json"));
    QCOMPARE(body.value(QStringLiteral("compress")).toBool(), true);
    QVERIFY(!body.contains(QStringLiteral("startDate")));
    QStringList steps;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        QCOMPARE(request.header("x-api-token"), token);
        if (request.path.contains(surveyA))
            steps.append(QString::fromLatin1(request.method) + QLatin1Char(' ') +
                         request.path.section(QLatin1Char('/'), 6));
    }
    QCOMPARE(steps.size(), 5);
    QCOMPARE(steps.at(0), QStringLiteral("POST "));
    QCOMPARE(steps.at(1), QStringLiteral("GET ES_000000000000001"));
    QCOMPARE(steps.at(3), QStringLiteral("GET ES_000000000000001"));
    QVERIFY2(steps.at(4).endsWith(QStringLiteral("-def/file")), qPrintable(steps.at(4)));
}

void TestQualtrics::secondRunExportsOnlyNewResponses()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    for (int n = 1; n <= 40; ++n)
        qualtrics.addResponse(surveyA, FakeQualtrics::response(n, start.addSecs(n * 60), 8, -1));
    QVERIFY2(failures(h.sync(token)).isEmpty(), "first run");
    const QDateTime newest = start.addSecs(40 * 60);

    for (int n = 41; n <= 43; ++n)
        qualtrics.addResponse(surveyA, FakeQualtrics::response(n, newest.addSecs(n * 10), 10, -1));
    qualtrics.clearLog();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));

    // startDate is "recorded at or after": the newest time seen, so the boundary response is
    // exported again (and updated in place) besides the three new ones.
    QCOMPARE(qualtrics.startDates(), QStringList{newest.toString(Qt::ISODate)});
    QCOMPARE(qualtrics.responsesServed(), 4);
    QCOMPARE(outcomes.first().records, 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 43);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score = 10")), 3);
}

void TestQualtrics::mapsACompleteResponse()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    const QDateTime recorded(QDate(2026, 2, 3), QTime(10, 15, 22, 481), Qt::UTC);
    qualtrics.addResponse(
        surveyA,
        FakeQualtrics::response(7, recorded, 9, 2, QStringLiteral("  Setup took an afternoon.  ")));

    QVERIFY2(failures(h.sync(token)).isEmpty(), "sync");
    const QVariantList row = h.row(
        QStringLiteral("SELECT external_id, author, title, body, score, score_kind, channel, url, "
                       "created_at, updated_at, feature_ref, company_ref FROM feedback"));
    QCOMPARE(row.size(), 12);
    QCOMPARE(row.at(0).toString(), QStringLiteral("R_1hZ3x0000000007"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("customer7@example.com"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("NPS 9 (promoter)"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Setup took an afternoon."));
    // The NPS answer wins over the CSAT answer of the same response.
    QCOMPARE(row.at(4).toDouble(), 9.0);
    QCOMPARE(row.at(5).toString(), QStringLiteral("nps"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("qualtrics survey"));
    QVERIFY(row.at(7).isNull());
    QCOMPARE(row.at(8).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    QVERIFY(row.at(10).isNull());
    QVERIFY(row.at(11).isNull());
    // The cursor is the response's recordedDate.
    QCOMPARE(h.scalar(QStringLiteral(
                 "SELECT count(*) FROM sync_state WHERE cursor = '2026-02-03T10:15:22.481Z'")),
             1);
}

void TestQualtrics::scoresFollowTheConfiguredQuestions()
{
    const QualtricsExportHook::Questions questions{QStringLiteral("QID3"), QStringLiteral("QID4"),
                                                   QStringLiteral("QID5_TEXT")};
    auto values = [](const QJsonObject &response) {
        return response.value(QStringLiteral("values")).toObject();
    };
    // CSAT when there is no NPS answer; a detractor's title; no score at all.
    QJsonObject a =
        QualtricsExportHook::annotation(FakeQualtrics::response(1, start, -1, 4), questions);
    QCOMPARE(a.value(QStringLiteral("scoreKind")).toString(), QStringLiteral("csat"));
    QCOMPARE(a.value(QStringLiteral("score")).toDouble(), 4.0);
    QCOMPARE(a.value(QStringLiteral("title")).toString(), QStringLiteral("CSAT 4"));
    a = QualtricsExportHook::annotation(FakeQualtrics::response(2, start, 3, -1), questions);
    QCOMPARE(a.value(QStringLiteral("title")).toString(), QStringLiteral("NPS 3 (detractor)"));
    a = QualtricsExportHook::annotation(FakeQualtrics::response(3, start, -1, -1), questions);
    QVERIFY(!a.contains(QStringLiteral("score")));
    QVERIFY(!a.contains(QStringLiteral("scoreKind")));
    // An NPS answer given as digits counts; one outside 0-10 does not.
    QJsonObject response = FakeQualtrics::response(4, start, -1, 5);
    QJsonObject v = values(response);
    v.insert(QStringLiteral("QID3"), QStringLiteral("10"));
    response.insert(QStringLiteral("values"), v);
    a = QualtricsExportHook::annotation(response, questions);
    QCOMPARE(a.value(QStringLiteral("score")).toDouble(), 10.0);
    v.insert(QStringLiteral("QID3"), 11);
    response.insert(QStringLiteral("values"), v);
    a = QualtricsExportHook::annotation(response, questions);
    QCOMPARE(a.value(QStringLiteral("scoreKind")).toString(), QStringLiteral("csat"));

    // Through a sync: a source that names no NPS question scores the CSAT answer.
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(h.start({{QStringLiteral("datacenter"), QStringLiteral("iad1")},
                      {QStringLiteral("surveys"), QJsonArray{surveyA}},
                      {QStringLiteral("csat_question"), QStringLiteral("QID4")}},
                     QStringLiteral("/API/v3")),
             qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    qualtrics.addResponse(surveyA, FakeQualtrics::response(1, start, 10, 2, QStringLiteral("x")));
    QVERIFY2(failures(h.sync(token)).isEmpty(), "sync");
    const QVariantList row = h.row(QStringLiteral("SELECT score, score_kind, body FROM feedback"));
    QCOMPARE(row.at(0).toDouble(), 2.0);
    QCOMPARE(row.at(1).toString(), QStringLiteral("csat"));
    QVERIFY(row.at(2).isNull());
}

void TestQualtrics::wrongTokenIsRefused()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.addSurvey(surveyA);
    qualtrics.addResponse(surveyA, FakeQualtrics::response(1, start, 9, -1));

    const QByteArray wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const QList<StreamOutcome> outcomes = h.sync(wrong);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("Qualtrics refused the credentials (HTTP 401)")),
             qPrintable(error));
    QVERIFY(!error.contains(QString::fromLatin1(wrong)));
    QCOMPARE(h.server().requests().first().header("x-api-token"), wrong);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestQualtrics::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    for (int n = 1; n <= 12; ++n)
        qualtrics.addResponse(surveyA, FakeQualtrics::response(n, start.addSecs(n), 7, -1));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeQualtrics::error(429, QStringLiteral("RL_1.1"), QStringLiteral("Too many requests")),
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(exportPath(surveyA), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.server().requestCount(exportPath(surveyA)), 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 12);
}

void TestQualtrics::longRetryAfterEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.addSurvey(surveyA);
    qualtrics.addResponse(surveyA, FakeQualtrics::response(1, start, 7, -1));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeQualtrics::error(429, QStringLiteral("RL_1.1"), QStringLiteral("Too many requests")),
        429);
    limited.withHeader("Retry-After", "900");
    h.server().queueFault(exportPath(surveyA), limited, 5);

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() - (before + 900)) <= 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestQualtrics::errorBodyOfTheService()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h, {QStringLiteral("SV_doesNotExist1")}), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.addSurvey(surveyA);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("HTTP 404")), qPrintable(error));
    QVERIFY2(error.contains(exportPath(QStringLiteral("SV_doesNotExist1"))), qPrintable(error));
    // Qualtrics puts its message under meta.error.errorMessage.
    QVERIFY2(error.contains(QStringLiteral("Survey SV_doesNotExist1 was not found.")),
             qPrintable(error));
}

void TestQualtrics::failedExportFailsTheStream()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.addSurvey(surveyA);
    qualtrics.addResponse(surveyA, FakeQualtrics::response(1, start, 7, -1));
    qualtrics.setFailExports(true);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("Qualtrics could not complete the response export")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestQualtrics::damagedExportFileWritesNothing_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << int(FakeQualtrics::FileFault::Truncated)
                               << QStringLiteral("truncated");
    QTest::newRow("corrupt") << int(FakeQualtrics::FileFault::Corrupt) << QStringLiteral("damaged");
    QTest::newRow("not a zip") << int(FakeQualtrics::FileFault::NotAZip)
                               << QStringLiteral("the export file is not JSON");
}

void TestQualtrics::damagedExportFileWritesNothing()
{
    QFETCH(int, fault);
    QFETCH(QString, message);
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    for (int n = 1; n <= 300; ++n)
        qualtrics.addResponse(surveyA,
                              FakeQualtrics::response(n, start.addSecs(n), n % 11, -1,
                                                      QStringLiteral("Comment %1").arg(n)));
    qualtrics.setFileFault(FakeQualtrics::FileFault(fault));

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(message), qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("/file")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
}

void TestQualtrics::largeExport()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeQualtrics qualtrics(h.server(), token);
    qualtrics.setPollsBeforeComplete(0);
    qualtrics.addSurvey(surveyA);
    for (int n = 1; n <= 20000; ++n)
        qualtrics.addResponse(surveyA,
                              FakeQualtrics::response(n, start.addSecs(n), n % 11, -1,
                                                      QStringLiteral("Comment %1").arg(n)));
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 20000);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score_kind = 'nps'")),
             20000);
}

void TestQualtrics::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("qualtrics"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("datacenter"), QStringLiteral("fra1")).isEmpty());
    QVERIFY(validator.check(QStringLiteral("datacenter"), QStringLiteral("acme.iad1")).isEmpty());
    const QString address =
        validator.check(QStringLiteral("datacenter"), QStringLiteral("https://iad1.qualtrics.com"));
    QVERIFY2(address.contains(QStringLiteral("is not in the expected form")), qPrintable(address));
    const QString survey =
        validator.check(QStringLiteral("surveys"), QStringLiteral("SV_0ObKC4wG1tSN2Gi,Pulse"));
    QVERIFY2(survey.contains(QStringLiteral("Pulse")), qPrintable(survey));
    const QString question =
        validator.check(QStringLiteral("nps_question"), QStringLiteral("How likely?"));
    QVERIFY2(question.contains(QStringLiteral("QID3")), qPrintable(question));
    QVERIFY(
        validator.check(QStringLiteral("comment_question"), QStringLiteral("QID5_TEXT")).isEmpty());
    QStringList problems;
    validator.parse({QStringLiteral("surveys=SV_0ObKC4wG1tSN2Gi")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("datacenter")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestQualtrics)
#include "tst_qualtrics.moc"
