#include "databasewriter.h"
#include "memorysecretstore.h"
#include "sourcestore.h"
#include "testworkspace.h"
#include "webhooks/verifiers/webhookverifier.h"
#include "webhooks/webhookjournal.h"
#include "webhooks/webhookpipeline.h"
#include "webhooks/webhookreceiver.h"
#include "webhooks/webhooksecretcache.h"
#include "webhooksigner.h"

#include <QAtomicInt>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

const QByteArray Secret = "s3cr3t, shared with the service";

// Writes one row per delivery into a table of its own, and fails on demand: what the real
// processor does, in miniature.
class TestProcessor : public WebhookProcessor
{
public:
    QAtomicInt failing = 0;

    Outcome process(QSqlDatabase &db, const WebhookEvent &event) override
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO test_processed(event_id, provider, event_type) VALUES (?, ?, ?)"));
        query.addBindValue(event.id);
        query.addBindValue(event.provider);
        query.addBindValue(event.eventType);
        if (!query.exec())
            return {Result::Failed, query.lastError().text(), {}};
        if (failing.loadRelaxed())
            return {Result::Failed, QStringLiteral("the release has no tag"), {}};
        return {Result::Processed, QString(), {QStringLiteral("feature_release")}};
    }
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return QByteArray();
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestWebhookReceiver : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptsAndProcesses_data();
    void acceptsAndProcesses();
    void refusesOneByteChanged_data() { acceptsAndProcesses_data(); }
    void refusesOneByteChanged();
    void refusesOldTimestamp_data();
    void refusesOldTimestamp();
    void storesRedeliveryOnce_data() { acceptsAndProcesses_data(); }
    void storesRedeliveryOnce();
    void refusesUnknownSource();
    void refusesWrongMethod();
    void refusesBodyOverCap();
    void refusesMalformedJson();
    void refusesWithoutSecret();
    void answers503WhenKeychainUnavailable();
    void failedProcessingCanBeRetried();
    void asanaHandshakeOverHttp();
    void productboardProbeOverHttp();
    void concurrentDeliveriesShareCommits();
    void resumesDeliveriesLeftUnprocessed();
    void journalListsAndCounts();

private:
    Reply send(const SignedDelivery &delivery);
    QList<Reply> sendAll(const QList<SignedDelivery> &deliveries);
    SignedDelivery signedFor(const QString &scheme, int n, const QDateTime &at = {});
    qint64 addSource(const QString &name, const QString &kind, const QByteArray &secret);
    int count(const QString &sql);
    bool waitIdle();
    QByteArray base() const;

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    MemorySecretStore *m_secrets = nullptr;
    TestProcessor *m_processor = nullptr;
    std::unique_ptr<WebhookPipeline> m_pipeline;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QHash<QString, qint64> m_sourceIds;
};

void TestWebhookReceiver::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    const WriteResult created = m_db->writer()->run([](QSqlDatabase &db, QString *error) {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("CREATE TABLE test_processed(event_id INTEGER, provider "
                                      "TEXT, event_type TEXT)")))
            return true;
        *error = query.lastError().text();
        return false;
    });
    QVERIFY2(created.ok, qPrintable(created.error));
    m_secrets = new MemorySecretStore(this);
    m_sourceIds.clear();
    for (const QString &scheme : WebhookSigner::schemes())
        addSource(scheme, WebhookSigner::provider(scheme), Secret);
    auto processor = std::make_unique<TestProcessor>();
    m_processor = processor.get();
    m_pipeline = std::make_unique<WebhookPipeline>(m_db.get(), std::move(processor));
    m_receiver = std::make_unique<WebhookReceiver>(m_db.get(), m_secrets, m_pipeline.get());
    WebhookReceiver::Options options;
    options.port = 0;
    options.maxBodyBytes = 64 * 1024;
    QString error;
    QVERIFY2(m_receiver->start(options, &error), qPrintable(error));
    QVERIFY(m_receiver->port() != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestWebhookReceiver::cleanup()
{
    m_network.reset();
    m_receiver.reset();
    m_pipeline.reset();
    m_db.reset();
    m_workspace.reset();
    delete m_secrets;
    m_secrets = nullptr;
}

QByteArray TestWebhookReceiver::base() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_receiver->port());
}

qint64 TestWebhookReceiver::addSource(const QString &name, const QString &kind,
                                      const QByteArray &secret)
{
    Source source;
    source.name = name;
    source.kind = kind;
    const WriteResult added = m_db->writer()->run(
        [&source](QSqlDatabase &db, QString *error) { return SourceStore(db).add(source, error); });
    if (!added.ok)
        qWarning("Cannot add source %s: %s", qPrintable(name), qPrintable(added.error));
    if (!secret.isNull())
        m_secrets->secrets.insert(SecretStore::key(source.id, WebhookSecretCache::secretName()),
                                  secret);
    m_sourceIds.insert(name, source.id);
    if (m_receiver)
        m_receiver->reloadSources();
    return source.id;
}

SignedDelivery TestWebhookReceiver::signedFor(const QString &scheme, int n, const QDateTime &at)
{
    return WebhookSigner::sign(scheme, Secret, "/hooks/" + scheme.toUtf8(), n,
                               at.isValid() ? at : QDateTime::currentDateTimeUtc(), base());
}

QList<Reply> TestWebhookReceiver::sendAll(const QList<SignedDelivery> &deliveries)
{
    QList<QNetworkReply *> replies;
    for (const SignedDelivery &delivery : deliveries) {
        QNetworkRequest request(QUrl(QString::fromUtf8(base() + delivery.target)));
        for (const auto &header : delivery.headers)
            request.setRawHeader(header.first, header.second);
        replies.append(m_network->sendCustomRequest(request, delivery.method, delivery.body));
    }
    QList<Reply> answers;
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10000);
        }
        Reply answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        answers.append(answer);
        reply->deleteLater();
    }
    return answers;
}

Reply TestWebhookReceiver::send(const SignedDelivery &delivery)
{
    return sendAll({delivery}).first();
}

int TestWebhookReceiver::count(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toInt();
}

bool TestWebhookReceiver::waitIdle()
{
    return QTest::qWaitFor([this] { return m_pipeline->isIdle(); }, 10000);
}

void TestWebhookReceiver::acceptsAndProcesses_data()
{
    QTest::addColumn<QString>("scheme");
    for (const QString &scheme : WebhookSigner::schemes())
        QTest::newRow(qPrintable(scheme)) << scheme;
}

void TestWebhookReceiver::acceptsAndProcesses()
{
    QFETCH(QString, scheme);
    const SignedDelivery delivery = signedFor(scheme, 1);
    const Reply reply = send(delivery);
    QCOMPARE(reply.status, 200);
    const qint64 id = reply.json().value(u"id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(reply.json().value(u"duplicate").toBool(), false);
    QVERIFY(waitIdle());

    QString error;
    const auto entry = WebhookJournal(m_db->connection()).get(id, &error);
    QVERIFY2(entry, qPrintable(error));
    QCOMPARE(entry->status, QStringLiteral("processed"));
    QCOMPARE(entry->attempts, 1);
    QCOMPARE(entry->event.payload, delivery.body);
    QCOMPARE(entry->event.provider, WebhookSigner::provider(scheme));
    QCOMPARE(entry->event.sourceId.value_or(0), m_sourceIds.value(scheme));
    QCOMPARE(entry->sourceName, scheme);
    if (!delivery.deliveryId.isEmpty())
        QCOMPARE(entry->event.deliveryId, delivery.deliveryId);
    else
        QVERIFY(entry->event.deliveryId.startsWith(u"sha256:"));
    // What proves the sender is never kept.
    for (auto it = entry->event.headers.constBegin(); it != entry->event.headers.constEnd(); ++it) {
        QVERIFY2(!it.value().toString().toUtf8().contains(Secret), qPrintable(it.key()));
        QVERIFY2(!it.key().contains(u"signature"), qPrintable(it.key()));
    }
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM test_processed WHERE event_id = %1").arg(id)),
        1);
}

void TestWebhookReceiver::refusesOneByteChanged()
{
    QFETCH(QString, scheme);
    const Reply reply = send(WebhookSigner::tampered(scheme, signedFor(scheme, 2)));
    QCOMPARE(reply.status, scheme == QLatin1String("figma") ? 400 : 401);
    QVERIFY(!reply.json().value(u"error").toString().isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
    QCOMPARE(m_receiver->statistics().refused, 1);
}

void TestWebhookReceiver::refusesOldTimestamp_data()
{
    QTest::addColumn<QString>("scheme");
    for (const QString &scheme : WebhookSigner::schemes()) {
        if (WebhookSigner::hasTimestamp(scheme))
            QTest::newRow(qPrintable(scheme)) << scheme;
    }
}

void TestWebhookReceiver::refusesOldTimestamp()
{
    QFETCH(QString, scheme);
    const Reply reply =
        send(signedFor(scheme, 3, QDateTime::currentDateTimeUtc().addSecs(-2 * 3600)));
    QCOMPARE(reply.status, 403);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::storesRedeliveryOnce()
{
    QFETCH(QString, scheme);
    const SignedDelivery delivery = signedFor(scheme, 4);
    const Reply first = send(delivery);
    const Reply again = send(delivery);
    QCOMPARE(first.status, 200);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"duplicate").toBool(), true);
    QCOMPARE(again.json().value(u"id").toInteger(), first.json().value(u"id").toInteger());
    QVERIFY(waitIdle());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM test_processed")), 1);
    QCOMPARE(m_receiver->statistics().duplicates, 1);
}

void TestWebhookReceiver::refusesUnknownSource()
{
    SignedDelivery delivery = signedFor(QStringLiteral("github"), 5);
    delivery.target = "/hooks/nosuchsource";
    QCOMPARE(send(delivery).status, 404);
    delivery.target = "/elsewhere";
    QCOMPARE(send(delivery).status, 404);
    addSource(QStringLiteral("mix"), QStringLiteral("mixpanel"), Secret);
    delivery.target = "/hooks/mix";
    QCOMPARE(send(delivery).status, 404);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::refusesWrongMethod()
{
    SignedDelivery delivery = signedFor(QStringLiteral("github"), 6);
    delivery.method = "GET";
    const Reply reply = send(delivery);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), QByteArray("POST"));
    delivery.method = "PUT";
    QCOMPARE(send(delivery).status, 405);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::refusesBodyOverCap()
{
    SignedDelivery delivery = signedFor(QStringLiteral("github"), 7);
    const QByteArray big = R"({"padding":")" + QByteArray(80 * 1024, 'x') + R"("})";
    delivery.body = big;
    for (auto &header : delivery.headers) {
        if (header.first == "X-Hub-Signature-256")
            header.second = "sha256=" + WebhookCrypto::hmacSha256(Secret, big).toHex();
    }
    QCOMPARE(send(delivery).status, 413);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::refusesMalformedJson()
{
    SignedDelivery delivery = signedFor(QStringLiteral("github"), 8);
    delivery.body = R"({"action":"published","release":)";
    for (auto &header : delivery.headers) {
        if (header.first == "X-Hub-Signature-256")
            header.second = "sha256=" + WebhookCrypto::hmacSha256(Secret, delivery.body).toHex();
    }
    const Reply reply = send(delivery);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json().value(u"error").toString().contains(u"JSON"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::refusesWithoutSecret()
{
    addSource(QStringLiteral("bare"), QStringLiteral("github"), QByteArray());
    SignedDelivery delivery = signedFor(QStringLiteral("github"), 9);
    delivery.target = "/hooks/bare";
    const Reply reply = send(delivery);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.json().value(u"error").toString().contains(u"webhooks secret bare"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::answers503WhenKeychainUnavailable()
{
    m_secrets->unavailable = true;
    QCOMPARE(send(signedFor(QStringLiteral("jira"), 10)).status, 503);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
    m_secrets->unavailable = false;
    QCOMPARE(send(signedFor(QStringLiteral("jira"), 10)).status, 200);
}

void TestWebhookReceiver::failedProcessingCanBeRetried()
{
    m_processor->failing.storeRelaxed(1);
    const Reply reply = send(signedFor(QStringLiteral("github"), 11));
    QCOMPARE(reply.status, 200);
    const qint64 id = reply.json().value(u"id").toInteger();
    QVERIFY(waitIdle());
    QString error;
    auto entry = WebhookJournal(m_db->connection()).get(id, &error);
    QVERIFY(entry);
    QCOMPARE(entry->status, QStringLiteral("failed"));
    QCOMPARE(entry->error, QStringLiteral("the release has no tag"));
    // The failed attempt's rows were rolled back with it.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM test_processed")), 0);

    m_processor->failing.storeRelaxed(0);
    QSignalSpy processed(m_pipeline.get(), &WebhookPipeline::processed);
    m_pipeline->replay(id);
    QVERIFY(processed.wait(5000));
    QCOMPARE(processed.first().at(1).toString(), QStringLiteral("processed"));
    entry = WebhookJournal(m_db->connection()).get(id, &error);
    QCOMPARE(entry->status, QStringLiteral("processed"));
    QVERIFY(entry->error.isEmpty());
    QCOMPARE(entry->attempts, 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM test_processed")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 1);
}

void TestWebhookReceiver::asanaHandshakeOverHttp()
{
    const qint64 id = addSource(QStringLiteral("tasks"), QStringLiteral("asana"), QByteArray());
    SignedDelivery handshake;
    handshake.target = "/hooks/tasks";
    handshake.headers = {{"X-Hook-Secret", "b537207f20cbfa02357cf448134da559e8bd39d6"}};
    const Reply reply = send(handshake);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Hook-Secret"), QByteArray("b537207f20cbfa02357cf448134da559e8bd39d6"));
    QCOMPARE(m_secrets->secrets.value(SecretStore::key(id, WebhookSecretCache::secretName())),
             QByteArray("b537207f20cbfa02357cf448134da559e8bd39d6"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);

    // Signed with the secret the handshake handed over, a delivery is accepted...
    SignedDelivery delivery =
        WebhookSigner::sign(QStringLiteral("asana"), "b537207f20cbfa02357cf448134da559e8bd39d6",
                            "/hooks/tasks", 1, QDateTime::currentDateTimeUtc(), base());
    QCOMPARE(send(delivery).status, 200);
    // ...and a second handshake cannot replace the secret.
    handshake.headers = {{"X-Hook-Secret", "someone else's"}};
    QCOMPARE(send(handshake).status, 403);
    QCOMPARE(m_secrets->secrets.value(SecretStore::key(id, WebhookSecretCache::secretName())),
             QByteArray("b537207f20cbfa02357cf448134da559e8bd39d6"));
}

void TestWebhookReceiver::productboardProbeOverHttp()
{
    SignedDelivery probe;
    probe.method = "GET";
    probe.target = "/hooks/productboard?validationToken=f00dcafe";
    const Reply reply = send(probe);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("f00dcafe"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 0);
}

void TestWebhookReceiver::concurrentDeliveriesShareCommits()
{
    QList<SignedDelivery> deliveries;
    for (int i = 0; i < 300; ++i)
        // Numbered across schemes: GitLab's two schemes share the provider's delivery ids.
        deliveries.append(
            signedFor(WebhookSigner::schemes().at(i % WebhookSigner::schemes().size()), 100 + i));
    // Every delivery twice, interleaved: a redelivery racing the first in the same batch.
    QList<SignedDelivery> twice = deliveries;
    twice.append(deliveries);
    const QList<Reply> replies = sendAll(twice);
    for (const Reply &reply : replies)
        QCOMPARE(reply.status, 200);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")), 300);
    QCOMPARE(m_receiver->statistics().stored, 300);
    QCOMPARE(m_receiver->statistics().duplicates, 300);
    QVERIFY2(m_receiver->statistics().commits < 600,
             qPrintable(QString::number(m_receiver->statistics().commits)));
    QVERIFY(waitIdle());
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE status = 'processed'")),
        300);
}

void TestWebhookReceiver::resumesDeliveriesLeftUnprocessed()
{
    WebhookEvent event;
    event.provider = QStringLiteral("github");
    event.deliveryId = QStringLiteral("left-behind");
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.payload = R"({"zen":"Keep it logically awesome."})";
    const WriteResult written = m_db->writer()->run([&event](QSqlDatabase &db, QString *error) {
        bool duplicate = false;
        return WebhookJournal(db).record(event, &duplicate, error).has_value();
    });
    QVERIFY(written.ok);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE status = 'received'")),
             1);
    m_pipeline->resumePending();
    QVERIFY(waitIdle());
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE status = 'processed'")), 1);
}

void TestWebhookReceiver::journalListsAndCounts()
{
    m_processor->failing.storeRelaxed(1);
    QCOMPARE(send(signedFor(QStringLiteral("github"), 20)).status, 200);
    QVERIFY(waitIdle());
    m_processor->failing.storeRelaxed(0);
    QCOMPARE(send(signedFor(QStringLiteral("linear"), 21)).status, 200);
    QCOMPARE(send(signedFor(QStringLiteral("jira"), 22)).status, 200);
    QVERIFY(waitIdle());
    QString error;
    const WebhookJournal journal(m_db->connection());
    const WebhookJournal::Counts counts = journal.counts(&error);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(counts.processed, 2);
    QCOMPARE(counts.received, 0);
    WebhookJournal::Filter filter;
    filter.status = QStringLiteral("failed");
    const auto failed = journal.list(filter, &error);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().event.provider, QStringLiteral("github"));
    filter = {};
    filter.limit = 2;
    const auto newest = journal.list(filter, &error);
    QCOMPARE(newest.size(), 2);
    QVERIFY(newest.first().event.id > newest.last().event.id);
    filter = {};
    filter.sourceId = m_sourceIds.value(QStringLiteral("linear"));
    QCOMPARE(journal.list(filter, &error).size(), 1);
    QVERIFY(!journal.get(9999, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
