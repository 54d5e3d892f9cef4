#include "connectorharness.h"
#include "fakeuservoice.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QTest>

namespace {

const QString apiKey = QStringLiteral("Xk2pQ7rT9wLm");
const QString apiSecret = QStringLiteral("s3cr3t-8hJ2kL5nP0qR7tV4");
const QByteArray credentials = (apiKey + QLatin1Char(':') + apiSecret).toUtf8();
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QString suggestionsPath = QStringLiteral("/api/v2/admin/suggestions");

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

// The UserVoice connector against a fake UserVoice site: a trusted client's key and secret
// exchanged for a token, cursor pages of suggestions, updated_after, votes as the score.
class TestUserVoice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryPage();
    void secondRunFetchesOnlyWhatChanged();
    void mapsACompleteSuggestion();
    void wrongCredentialsAreRefused();
    void expiredTokenIsRenewed();
    void waitsOutAShortRateLimit();
    void longRetryAfterEndsTheStreamRateLimited();
    void errorBodyMessageReachesTheOutcome();
    void rejectsMalformedSettings();

private:
    static bool begin(ConnectorHarness &h)
    {
        return h.start({{QStringLiteral("subdomain"), QStringLiteral("acme")}});
    }
};

void TestUserVoice::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("uservoice.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("uservoice"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("research"));
    QCOMPARE(manifest->auth.type, AuthSpec::Type::ClientCredentials);
    QCOMPARE(manifest->streams.size(), 1);
    QCOMPARE(manifest->streams.first().target, QStringLiteral("feedback"));
}

void TestUserVoice::syncsEveryPage()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    for (int n = 1; n <= 250; ++n)
        uservoice.setSuggestion(FakeUserVoice::suggestion(n, start.addSecs(n * 60), n % 11));

    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QCOMPARE(outcomes.first().records, 250);
    QCOMPARE(outcomes.first().pages, 3);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 250);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score_kind = 'votes'")),
             250);
    // One token for the whole sync, sent as a bearer token with every list request.
    QCOMPARE(uservoice.tokensIssued(), 1);
    QCOMPARE(uservoice.cursors().size(), 2);
    QCOMPARE(uservoice.updatedAfter(), QStringList{QString()});
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        if (request.path != suggestionsPath)
            continue;
        QCOMPARE(request.header("authorization"), QByteArray("Bearer uvtok-1"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("sort")),
                 QStringLiteral("-updated_at"));
    }
}

void TestUserVoice::secondRunFetchesOnlyWhatChanged()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    for (int n = 1; n <= 120; ++n)
        uservoice.setSuggestion(FakeUserVoice::suggestion(n, start.addSecs(n * 60), 1));
    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "first run");
    const QDateTime newest = start.addSecs(120 * 60);

    // Two suggestions gain votes, one is new.
    const QDateTime later = newest.addSecs(3600);
    uservoice.setSuggestion(FakeUserVoice::suggestion(4, later, 9));
    uservoice.setSuggestion(FakeUserVoice::suggestion(77, later.addSecs(5), 14));
    uservoice.setSuggestion(FakeUserVoice::suggestion(121, later.addSecs(10), 1));
    uservoice.clearLog();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));

    // updated_after is strictly "after": asked from one second before the newest change seen.
    QCOMPARE(uservoice.updatedAfter(), QStringList{newest.addSecs(-1).toString(Qt::ISODate)});
    // The three changes, and the suggestion at the boundary second, read again and upserted.
    QCOMPARE(outcomes.first().records, 4);
    QCOMPARE(uservoice.served(), 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 121);
    QCOMPARE(h.scalar(QStringLiteral("SELECT score FROM feedback WHERE external_id = '40213077'")),
             14);
    // The cursor is saved only with the last page, since UserVoice lists newest first.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state WHERE cursor = '%1'")
                          .arg(later.addSecs(10).toString(Qt::ISODateWithMs))),
             1);
}

void TestUserVoice::mapsACompleteSuggestion()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    const QDateTime updated(QDate(2026, 2, 3), QTime(10, 15, 22, 481), Qt::UTC);
    uservoice.setSuggestion(FakeUserVoice::suggestion(7, updated, 23));

    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "sync");
    const QVariantList row = h.row(
        QStringLiteral("SELECT external_id, author, title, body, score, score_kind, channel, url, "
                       "created_at, updated_at, feature_ref, company_ref FROM feedback"));
    QCOMPARE(row.size(), 12);
    QCOMPARE(row.at(0).toString(), QStringLiteral("40213007"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("88127"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Export reports as CSV (7)"));
    QCOMPARE(row.at(3).toString(),
             QStringLiteral("We need to hand the weekly report to finance as a spreadsheet."));
    QCOMPARE(row.at(4).toDouble(), 23.0);
    QCOMPARE(row.at(5).toString(), QStringLiteral("votes"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("uservoice"));
    QCOMPARE(row.at(7).toString(),
             QStringLiteral("https://acme.uservoice.com/forums/915-ideas/suggestions/"
                            "40213007-export-reports-as-csv-7"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2025-09-01T15:00:00Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    QVERIFY(row.at(10).isNull());
    QVERIFY(row.at(11).isNull());
}

void TestUserVoice::wrongCredentialsAreRefused()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    uservoice.setSuggestion(FakeUserVoice::suggestion(1, start, 1));

    const QByteArray wrong = (apiKey + QStringLiteral(":not-the-secret")).toUtf8();
    const QList<StreamOutcome> outcomes = h.sync(wrong);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("UserVoice gave no access token")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("unknown client")), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("not-the-secret")));
    QCOMPARE(h.server().requestCount(suggestionsPath), 0);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);

    // A key without its secret is refused before anything is sent.
    h.server().clearRequests();
    const QList<StreamOutcome> halves = h.sync(apiKey.toUtf8());
    QCOMPARE(halves.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(halves.first().error.contains(QStringLiteral("API_KEY:API_SECRET")),
             qPrintable(halves.first().error));
    QCOMPARE(h.server().requests().size(), 0);
}

void TestUserVoice::expiredTokenIsRenewed()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    for (int n = 1; n <= 5; ++n)
        uservoice.setSuggestion(FakeUserVoice::suggestion(n, start.addSecs(n), 1));
    // The first list request meets UserVoice's 401 for a token that is no longer valid.
    h.server().queueFault(suggestionsPath,
                          FakeUserVoice::error(401, QStringLiteral("unauthorized"),
                                               QStringLiteral("Access token expired")));

    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QCOMPARE(uservoice.tokensIssued(), 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 5);
}

void TestUserVoice::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    for (int n = 1; n <= 130; ++n)
        uservoice.setSuggestion(FakeUserVoice::suggestion(n, start.addSecs(n), 1));
    // UserVoice gives Retry-After as an epoch time, not as seconds.
    FakeHttpServer::Response limited = FakeUserVoice::error(429, QStringLiteral("rate_limited"),
                                                            QStringLiteral("Rate limit exceeded"));
    limited.withHeader("Retry-After", QByteArray::number(QDateTime::currentSecsSinceEpoch() + 2));
    h.server().queueFault(suggestionsPath, limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY2(failures(outcomes).isEmpty(), qPrintable(failures(outcomes)));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 130);
    QCOMPARE(h.server().requestCount(suggestionsPath), 3);
}

void TestUserVoice::longRetryAfterEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    uservoice.setSuggestion(FakeUserVoice::suggestion(1, start, 1));
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 900;
    FakeHttpServer::Response limited = FakeUserVoice::error(429, QStringLiteral("rate_limited"),
                                                            QStringLiteral("Rate limit exceeded"));
    limited.withHeader("Retry-After", QByteArray::number(reset))
        .withHeader("X-Rate-Limit-Limit", "1000")
        .withHeader("X-Rate-Limit-Remaining", "0")
        .withHeader("X-Rate-Limit-Reset", QByteArray::number(reset));
    h.server().queueFault(suggestionsPath, limited, 5);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY2(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() - reset) <= 2,
             qPrintable(outcomes.first().resumeAt.toString(Qt::ISODate)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestUserVoice::errorBodyMessageReachesTheOutcome()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeUserVoice uservoice(h.server(), apiKey, apiSecret);
    for (int n = 1; n <= 150; ++n)
        uservoice.setSuggestion(FakeUserVoice::suggestion(n, start.addSecs(n), 1));
    QVERIFY2(failures(h.sync(credentials)).isEmpty(), "first run");
    // A change waits on the service; the next request meets UserVoice's own 400.
    uservoice.setSuggestion(FakeUserVoice::suggestion(3, start.addDays(2), 5));
    h.server().queueFault(suggestionsPath,
                          FakeUserVoice::error(400, QStringLiteral("invalid_parameter"),
                                               QStringLiteral("cursor is invalid or expired")));

    const QList<StreamOutcome> outcomes = h.sync(credentials);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("cursor is invalid or expired")), qPrintable(error));
    QVERIFY2(error.contains(suggestionsPath), qPrintable(error));
    // Nothing is lost: the rows of the first run stay, the new change waits for the next sync.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 150);
    QCOMPARE(h.scalar(QStringLiteral("SELECT score FROM feedback WHERE external_id = '40213003'")),
             1);
}

void TestUserVoice::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("uservoice"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("subdomain"), QStringLiteral("acme-labs")).isEmpty());
    const QString address =
        validator.check(QStringLiteral("subdomain"), QStringLiteral("acme.uservoice.com"));
    QVERIFY2(address.contains(QStringLiteral("is not in the expected form")), qPrintable(address));
    QVERIFY2(address.contains(QStringLiteral("subdomain")), qPrintable(address));
    QStringList problems;
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("subdomain")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestUserVoice)
#include "tst_uservoice.moc"
