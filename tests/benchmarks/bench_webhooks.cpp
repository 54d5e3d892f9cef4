// Load on the webhook receiver over loopback: signed deliveries from concurrent clients, a
// quarter of them with a bad signature. Checks that every good one is stored exactly once and
// no bad one at all, and prints throughput and latency percentiles.
//   bench_webhooks [--requests N] [--clients C]
// Target (README): over 2,000 requests/s with p99 under 50 ms on a 2-core machine.

#include "../connectors/webhooks/memorysecretstore.h"
#include "database.h"
#include "databasewriter.h"
#include "sourcestore.h"
#include "webhooks/webhookpipeline.h"
#include "webhooks/webhookprocessors.h"
#include "webhooks/webhookreceiver.h"
#include "webhooks/webhooksecretcache.h"
#include "webhooksigner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace {

const QByteArray Secret = "benchmark secret";
const QStringList Schemes{QStringLiteral("github"), QStringLiteral("linear"),
                          QStringLiteral("gitlab-standard"), QStringLiteral("jira")};

struct Prepared
{
    QByteArray raw;
    QString deliveryId;
    bool good = true;
};

QByteArray rawRequest(const SignedDelivery &delivery, quint16 port)
{
    QByteArray raw = delivery.method + ' ' + delivery.target +
                     " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                     "\r\nContent-Length: " + QByteArray::number(delivery.body.size()) + "\r\n";
    for (const auto &header : delivery.headers)
        raw += header.first + ": " + header.second + "\r\n";
    return raw + "\r\n" + delivery.body;
}

// Reads one response off a keep-alive connection; its status, or 0 when the connection failed.
int readResponse(QTcpSocket &socket)
{
    QByteArray buffer;
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!socket.waitForReadyRead(10000))
            return 0;
        buffer += socket.readAll();
    }
    qsizetype length = 0;
    for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    while (buffer.size() < headerEnd + 4 + length) {
        if (!socket.waitForReadyRead(10000))
            return 0;
        buffer += socket.readAll();
    }
    return buffer.mid(9, 3).toInt();
}

// One client: a keep-alive connection sending its share of the requests one after another.
class Client : public QThread
{
public:
    Client(quint16 port, QList<Prepared> requests)
        : m_port(port)
        , m_requests(std::move(requests))
    {
    }

    QList<double> latenciesMs;
    int ok = 0;
    int refused = 0;
    int failed = 0;

protected:
    void run() override
    {
        QTcpSocket socket;
        for (const Prepared &request : std::as_const(m_requests)) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                socket.abort();
                socket.connectToHost(QHostAddress::LocalHost, m_port);
                if (!socket.waitForConnected(5000)) {
                    ++failed;
                    continue;
                }
            }
            QElapsedTimer timer;
            timer.start();
            socket.write(request.raw);
            const int status = readResponse(socket);
            latenciesMs.append(double(timer.nsecsElapsed()) / 1e6);
            if (status == 200)
                ++ok;
            else if (status == 401)
                ++refused;
            else
                ++failed;
        }
    }

private:
    quint16 m_port;
    QList<Prepared> m_requests;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Requests in all."), QStringLiteral("N"),
                                            QStringLiteral("20000"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("Concurrent clients."),
                                           QStringLiteral("C"), QStringLiteral("32"));
    parser.addOptions({requestsOption, clientsOption});
    parser.process(app);
    QTextStream out(stdout);
    const int total = parser.value(requestsOption).toInt();
    const int clients = std::max(1, parser.value(clientsOption).toInt());

    QTemporaryDir dir;
    Database::OpenResult opened = Database::open(Workspace(dir.path()));
    if (!opened.database) {
        out << "bench_webhooks: " << opened.message << Qt::endl;
        return 1;
    }
    Database *db = opened.database.get();
    MemorySecretStore secrets;
    for (const QString &scheme : Schemes) {
        Source source;
        source.name = scheme;
        source.kind = WebhookSigner::provider(scheme);
        db->writer()->run([&source](QSqlDatabase &c, QString *error) {
            return SourceStore(c).add(source, error);
        });
        secrets.secrets.insert(SecretStore::key(source.id, WebhookSecretCache::secretName()),
                               Secret);
    }
    WebhookPipeline pipeline(db, WebhookProcessors::create());
    WebhookReceiver receiver(db, &secrets, &pipeline);
    WebhookReceiver::Options options;
    options.port = 0;
    QString error;
    if (!receiver.start(options, &error)) {
        out << "bench_webhooks: " << error << Qt::endl;
        return 1;
    }
    const quint16 port = receiver.port();

    // Signed before the clock starts: the benchmark measures the receiver, not the signing.
    QList<QList<Prepared>> shares(clients);
    QStringList goodIds;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < total; ++i) {
        const QString &scheme = Schemes.at(i % Schemes.size());
        const QByteArray path = "/hooks/" + scheme.toUtf8();
        SignedDelivery delivery = WebhookSigner::sign(scheme, Secret, path, i, now, QByteArray());
        Prepared prepared;
        prepared.good = i % 4 != 3;
        if (!prepared.good)
            delivery = WebhookSigner::tampered(scheme, delivery);
        prepared.deliveryId = delivery.deliveryId;
        prepared.raw = rawRequest(delivery, port);
        if (prepared.good)
            goodIds.append(delivery.deliveryId);
        shares[i % clients].append(prepared);
    }

    QList<Client *> threads;
    for (const QList<Prepared> &share : std::as_const(shares))
        threads.append(new Client(port, share));
    std::atomic<int> finished = 0;
    QElapsedTimer wall;
    wall.start();
    for (Client *client : std::as_const(threads)) {
        QObject::connect(client, &QThread::finished, &app, [&finished] { ++finished; });
        client->start();
    }
    while (finished.load() < clients)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double seconds = double(wall.nsecsElapsed()) / 1e9;

    QList<double> latencies;
    int ok = 0;
    int refused = 0;
    int failed = 0;
    for (Client *client : std::as_const(threads)) {
        client->wait();
        latencies += client->latenciesMs;
        ok += client->ok;
        refused += client->refused;
        failed += client->failed;
        delete client;
    }
    QElapsedTimer drain;
    drain.start();
    while (!pipeline.isIdle())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double drainSeconds = double(drain.nsecsElapsed()) / 1e9;

    QSqlQuery query(db->connection());
    query.exec(QStringLiteral("SELECT count(*), count(DISTINCT delivery_id), "
                              "sum(status = 'received') FROM webhook_events"));
    query.next();
    const int stored = query.value(0).toInt();
    const int distinct = query.value(1).toInt();
    const int unprocessed = query.value(2).toInt();
    QSet<QString> storedIds;
    query.exec(QStringLiteral("SELECT delivery_id FROM webhook_events"));
    while (query.next())
        storedIds.insert(query.value(0).toString());
    int missing = 0;
    for (const QString &id : std::as_const(goodIds))
        missing += storedIds.contains(id) ? 0 : 1;
    const int badStored = stored - (int(goodIds.size()) - missing);

    const auto &stats = receiver.statistics();
    out << "Webhook receiver on loopback: " << total << " requests from " << clients
        << " concurrent clients, " << (total - goodIds.size()) << " with bad signatures\n";
    out << QStringLiteral("  throughput: %1 requests/s (%2 s)\n")
               .arg(double(total) / seconds, 0, 'f', 0)
               .arg(seconds, 0, 'f', 2);
    out << QStringLiteral("  latency: p50 %1 ms, p90 %2 ms, p99 %3 ms, max %4 ms\n")
               .arg(percentile(latencies, 0.50), 0, 'f', 2)
               .arg(percentile(latencies, 0.90), 0, 'f', 2)
               .arg(percentile(latencies, 0.99), 0, 'f', 2)
               .arg(percentile(latencies, 1.0), 0, 'f', 2);
    out << QStringLiteral("  answers: %1 stored (200), %2 refused (401), %3 other or failed\n")
               .arg(ok)
               .arg(refused)
               .arg(failed);
    out << QStringLiteral("  commits: %1 (%2 deliveries per commit on average)\n")
               .arg(stats.commits)
               .arg(stats.commits ? double(stats.stored + stats.duplicates) / double(stats.commits)
                                  : 0.0,
                    0, 'f', 1);
    out << QStringLiteral("  stored: %1 rows, %2 distinct; good ones missing: %3; bad ones "
                          "stored: %4; processed %5 s after the last answer (%6 left)\n")
               .arg(stored)
               .arg(distinct)
               .arg(missing)
               .arg(badStored)
               .arg(drainSeconds, 0, 'f', 2)
               .arg(unprocessed);
    const bool correct =
        missing == 0 && badStored == 0 && stored == distinct && ok == goodIds.size() && failed == 0;
    out << (correct ? "  every good delivery stored exactly once, no bad one stored\n"
                    : "  WRONG: see the counts above\n")
        << Qt::flush;
    return correct ? 0 : 1;
}
