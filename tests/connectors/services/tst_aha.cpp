#include "connectorharness.h"
#include "fakeaha.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace {

const QByteArray key = "a3f09c1b7d2e4f5a8b6c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a";
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

} // namespace

// The Aha! connector against a fake Aha! account: page/per_page lists, updated_since,
// field selection, votes on ideas.
class TestAha : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoads();
    void syncsEveryPageOfEveryStream();
    void secondRunFetchesOnlyWhatChanged();
    void mapsCompleteRecords();
    void wrongKeyIsRefused();
    void waitsOutAShortRateLimit();
    void spentQuotaEndsTheStreamRateLimited();
    void unknownProductFailsWithAhasMessage();
    void rejectsMalformedSettings();

private:
    static bool begin(ConnectorHarness &h, const QStringList &products = {QStringLiteral("APP")});
};

bool TestAha::begin(ConnectorHarness &h, const QStringList &products)
{
    return h.start({{QStringLiteral("account"), QStringLiteral("acme")},
                    {QStringLiteral("products"), QJsonArray::fromStringList(products)}});
}

void TestAha::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("aha.json")), qPrintable(error));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("aha"));
    QVERIFY(manifest);
    QCOMPARE(manifest->category, QStringLiteral("product"));
    QStringList targets;
    for (const StreamSpec &stream : manifest->streams)
        targets.append(stream.name + QLatin1Char('>') + stream.target);
    QCOMPARE(targets,
             QStringList({QStringLiteral("features>features"), QStringLiteral("releases>releases"),
                          QStringLiteral("ideas>feedback")}));
}

void TestAha::syncsEveryPageOfEveryStream()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h, {QStringLiteral("APP"), QStringLiteral("WEB")}), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    for (int n = 1; n <= 450; ++n)
        aha.setFeature(FakeAha::feature(n, start.addSecs(((n * 37) % 450) * 60)));
    for (int n = 1; n <= 3; ++n)
        aha.setRelease(QStringLiteral("APP"), FakeAha::release(n, start.addDays(n), n < 3));
    aha.setRelease(QStringLiteral("APP"), FakeAha::release(4, start, false, true)); // parking lot
    aha.setRelease(QStringLiteral("WEB"), FakeAha::release(5, start.addDays(5), true));
    for (int n = 1; n <= 210; ++n)
        aha.setIdea(FakeAha::idea(n, start.addSecs(n * 60), n % 9));

    const QList<StreamOutcome> outcomes = h.sync(key);
    QCOMPARE(outcomes.size(), 3);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("features"))->records, 450);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("features"))->pages, 3);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("releases"))->records, 4);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("ideas"))->pages, 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 450);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases")), 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases WHERE released_at IS NULL")),
             1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback WHERE score_kind = 'votes'")),
             210);

    // Every request carried the key and the account, asked for 200 records a page and named
    // the fields the mappings read.
    QStringList featurePages;
    for (const FakeHttpServer::Request &request : h.server().requests()) {
        QCOMPARE(request.header("authorization"), "Bearer " + key);
        QCOMPARE(request.header("x-aha-account"), QByteArray("acme"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("200"));
        QVERIFY(!request.query.queryItemValue(QStringLiteral("fields")).isEmpty());
        QVERIFY(!request.query.hasQueryItem(QStringLiteral("updated_since")));
        if (request.path == QLatin1String("/api/v1/features"))
            featurePages.append(request.query.queryItemValue(QStringLiteral("page")));
    }
    QCOMPARE(featurePages,
             QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(h.server().requestCount(QStringLiteral("/api/v1/products/WEB/releases")), 1);
}

void TestAha::secondRunFetchesOnlyWhatChanged()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    for (int n = 1; n <= 250; ++n)
        aha.setFeature(FakeAha::feature(n, start.addSecs(n * 60)));
    for (int n = 1; n <= 20; ++n)
        aha.setIdea(FakeAha::idea(n, start.addSecs(n * 60), 1));
    QCOMPARE(h.sync(key, false, {QStringLiteral("features"), QStringLiteral("ideas")}).size(), 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 250);
    const QDateTime newestFeature = start.addSecs(250 * 60);
    const QDateTime newestIdea = start.addSecs(20 * 60);

    // Two features change status, one is new; one idea gets three more votes.
    const QDateTime later = newestFeature.addSecs(7200);
    aha.setFeature(FakeAha::feature(3, later, QStringLiteral("Shipped")));
    aha.setFeature(FakeAha::feature(120, later.addSecs(30), QStringLiteral("Shipped")));
    aha.setFeature(FakeAha::feature(251, later.addSecs(60)));
    aha.setIdea(FakeAha::idea(5, later, 4));
    aha.clearLog();
    const QList<StreamOutcome> outcomes =
        h.sync(key, false, {QStringLiteral("features"), QStringLiteral("ideas")});
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));

    // "Updated after": asked from one second before the newest change seen, so that
    // records sharing that second are not lost; only the changes come back.
    const QMap<QString, QStringList> since = aha.updatedSince();
    QCOMPARE(since.value(QStringLiteral("/api/v1/features")),
             QStringList{newestFeature.addSecs(-1).toString(Qt::ISODate)});
    QCOMPARE(since.value(QStringLiteral("/api/v1/ideas")),
             QStringList{newestIdea.addSecs(-1).toString(Qt::ISODate)});
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("features"))->records, 4);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("ideas"))->records, 2);
    QCOMPARE(aha.recordsServed(), 6);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 251);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features WHERE status = 'Shipped'")), 2);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 20);
    QCOMPARE(h.scalar(QStringLiteral("SELECT score FROM feedback WHERE title = 'Idea 5'")), 4);
}

void TestAha::mapsCompleteRecords()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    const QDateTime updated(QDate(2026, 2, 3), QTime(10, 15, 22, 481), Qt::UTC);
    const QJsonObject feature = FakeAha::feature(7, updated, QStringLiteral("Designed"));
    aha.setFeature(feature);
    aha.setRelease(QStringLiteral("APP"), FakeAha::release(1, updated, true));
    aha.setIdea(FakeAha::idea(1, updated, 17, feature.value(QStringLiteral("id")).toString()));

    for (const StreamOutcome &o : h.sync(key))
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));

    QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, name, description, status, release_date, url, updated_at FROM "
        "features"));
    QCOMPARE(row.size(), 7);
    QCOMPARE(row.at(0).toString(), QStringLiteral("6776757454400000007"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Feature 7"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("<p>What feature 7 does</p>"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Designed"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("2026-03-31"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("https://acme.aha.io/features/APP-7"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));

    row = h.row(QStringLiteral(
        "SELECT external_id, name, version, released_at, url, updated_at FROM releases"));
    QCOMPARE(row.size(), 6);
    QCOMPARE(row.at(0).toString(), QStringLiteral("278327301"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Release 1"));
    QVERIFY(row.at(2).isNull());
    QCOMPARE(row.at(3).toString(), QStringLiteral("2026-02-03T00:00:00Z"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("https://acme.aha.io/releases/APP-R-1"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));

    row = h.row(QStringLiteral(
        "SELECT external_id, author, title, body, score, score_kind, channel, url, created_at, "
        "updated_at, feature_ref FROM feedback"));
    QCOMPARE(row.size(), 11);
    QCOMPARE(row.at(0).toString(), QStringLiteral("58056901"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("dana.cole@customer.example"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("Idea 1"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("<p>Please add idea 1</p>"));
    QCOMPARE(row.at(4).toDouble(), 17.0);
    QCOMPARE(row.at(5).toString(), QStringLiteral("votes"));
    QCOMPARE(row.at(6).toString(), QStringLiteral("ideas portal"));
    QCOMPARE(row.at(7).toString(), QStringLiteral("https://acme.aha.io/ideas/ideas/APP-I-1"));
    QCOMPARE(row.at(8).toString(), QStringLiteral("2025-03-01T00:15:00Z"));
    QCOMPARE(row.at(9).toString(), QStringLiteral("2026-02-03T10:15:22.481Z"));
    // The idea points at the feature it was promoted to, by the id the features table keeps.
    QCOMPARE(row.at(10).toString(), QStringLiteral("6776757454400000007"));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback f JOIN features x ON "
                                     "x.external_id = f.feature_ref")),
             1);
}

void TestAha::wrongKeyIsRefused()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    aha.setFeature(FakeAha::feature(1, start));

    const QByteArray wrong = "0000000000000000000000000000000000000000000000000000000000000000";
    const QList<StreamOutcome> outcomes = h.sync(wrong, false, {QStringLiteral("features")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("Aha! refused the credentials (HTTP 401)")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("the API key is not valid")), qPrintable(error));
    QVERIFY(!error.contains(QString::fromLatin1(wrong)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 0);
}

void TestAha::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    for (int n = 1; n <= 230; ++n)
        aha.setIdea(FakeAha::idea(n, start.addSecs(n), 1));
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeAha::error(QStringLiteral("Too Many Requests"), QStringLiteral("Rate limit exceeded")),
        429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/api/v1/ideas"), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(key, false, {QStringLiteral("ideas")});
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM feedback")), 230);
    QCOMPARE(h.server().requestCount(QStringLiteral("/api/v1/ideas")), 3);
}

void TestAha::spentQuotaEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    aha.setFeature(FakeAha::feature(1, start));
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 900;
    FakeHttpServer::Response limited = FakeHttpServer::Response::json(
        FakeAha::error(QStringLiteral("Too Many Requests"), QStringLiteral("Rate limit exceeded")),
        429);
    limited.withHeader("Retry-After", "900")
        .withHeader("X-Ratelimit-Limit", "300")
        .withHeader("X-Ratelimit-Remaining", "0")
        .withHeader("X-Ratelimit-Reset", QByteArray::number(reset));
    h.server().queueFault(QStringLiteral("/api/v1/features"), limited, 5);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(key, false, {QStringLiteral("features")});
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    QVERIFY2(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() - reset) <= 2,
             qPrintable(outcomes.first().resumeAt.toString(Qt::ISODate)));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM features")), 0);
}

void TestAha::unknownProductFailsWithAhasMessage()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h, {QStringLiteral("APP"), QStringLiteral("NOPE")}), qPrintable(h.error()));
    FakeAha aha(h.server(), key, QStringLiteral("acme"));
    aha.setRelease(QStringLiteral("APP"), FakeAha::release(1, start, true));

    const QList<StreamOutcome> outcomes = h.sync(key, false, {QStringLiteral("releases")});
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("Couldn't find Project with reference_prefix NOPE")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("/api/v1/products/NOPE/releases")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM releases")), 1);
}

void TestAha::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("aha"));
    QVERIFY2(begin(h), qPrintable(h.error()));
    const SettingsValidator validator(h.manifest());
    QVERIFY(validator.check(QStringLiteral("account"), QStringLiteral("acme-labs")).isEmpty());
    // The full address is not the subdomain.
    const QString account =
        validator.check(QStringLiteral("account"), QStringLiteral("https://acme.aha.io"));
    QVERIFY2(account.contains(QStringLiteral("is not in the expected form")), qPrintable(account));
    QVERIFY2(account.contains(QStringLiteral("subdomain")), qPrintable(account));
    const QString products =
        validator.check(QStringLiteral("products"), QStringLiteral("APP,Web app"));
    QVERIFY2(products.contains(QStringLiteral("Web app")), qPrintable(products));
    QStringList problems;
    validator.parse({QStringLiteral("account=acme")}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("products")), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestAha)
#include "tst_aha.moc"
