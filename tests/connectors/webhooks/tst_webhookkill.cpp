#include "databasewriter.h"
#include "sourcestore.h"
#include "testworkspace.h"
#include "webhooksigner.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QByteArray Secret = "kill-test secret";

QByteArray rawRequest(const SignedDelivery &delivery, quint16 port)
{
    QByteArray raw = delivery.method + ' ' + delivery.target +
                     " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                     "\r\nContent-Length: " + QByteArray::number(delivery.body.size()) + "\r\n";
    for (const auto &header : delivery.headers)
        raw += header.first + ": " + header.second + "\r\n";
    return raw + "\r\n" + delivery.body;
}

} // namespace

// A receiver killed with SIGKILL right after it acknowledged deliveries keeps every one it
// acknowledged: the answer goes out only after the commit.
class TestWebhookKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void acknowledgedDeliveriesSurviveKill();

private:
    QProcess *startServer(quint16 *port);
    QString m_cli;
    TestWorkspace m_workspace;
};

void TestWebhookKill::initTestCase()
{
    m_cli = qEnvironmentVariable("HUB_CLI");
    if (m_cli.isEmpty())
        QSKIP("HUB_CLI (the product-hub executable) is not set.");
    {
        const auto db = m_workspace.open();
        QVERIFY(db);
        Source source;
        source.name = QStringLiteral("gh");
        source.kind = QStringLiteral("github");
        const WriteResult added = db->writer()->run([&source](QSqlDatabase &c, QString *error) {
            return SourceStore(c).add(source, error);
        });
        QVERIFY2(added.ok, qPrintable(added.error));
    }
    QProcess secret;
    secret.start(m_cli,
                 {QStringLiteral("--workspace"), m_workspace.folder(), QStringLiteral("webhooks"),
                  QStringLiteral("secret"), QStringLiteral("gh")});
    QVERIFY(secret.waitForStarted());
    secret.write(Secret + '\n');
    secret.closeWriteChannel();
    QVERIFY(secret.waitForFinished(30000));
    if (secret.exitCode() != 0) {
        const QByteArray error = secret.readAllStandardError();
        if (error.contains("eychain") || error.contains("ecret"))
            QSKIP(qPrintable(QStringLiteral("No keychain here: ") + QString::fromUtf8(error)));
        QFAIL(error.constData());
    }
}

QProcess *TestWebhookKill::startServer(quint16 *port)
{
    auto *server = new QProcess(this);
    server->start(m_cli,
                  {QStringLiteral("--workspace"), m_workspace.folder(), QStringLiteral("webhooks"),
                   QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!server->waitForStarted())
        return nullptr;
    static const QRegularExpression listening(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray output;
    while (server->waitForReadyRead(20000)) {
        output += server->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            *port = quint16(match.captured(1).toUInt());
            return server;
        }
    }
    qWarning("The receiver did not start: %s", server->readAllStandardError().constData());
    return nullptr;
}

void TestWebhookKill::acknowledgedDeliveriesSurviveKill()
{
    QSet<QString> acknowledged;
    int n = 0;
    for (int round = 0; round < 5; ++round) {
        quint16 port = 0;
        QProcess *server = startServer(&port);
        QVERIFY(server);
        // Many deliveries in flight at once, so that the kill lands while some are being
        // committed and others are not yet answered.
        QList<QTcpSocket *> sockets;
        QStringList ids;
        for (int i = 0; i < 40; ++i, ++n) {
            const SignedDelivery delivery =
                WebhookSigner::sign(QStringLiteral("github"), Secret, "/hooks/gh", n,
                                    QDateTime::currentDateTimeUtc(), QByteArray());
            auto *socket = new QTcpSocket(this);
            socket->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket->waitForConnected(5000));
            socket->write(rawRequest(delivery, port));
            socket->flush();
            sockets.append(socket);
            ids.append(delivery.deliveryId);
        }
        // The moment an answer arrives (a later one each round), the receiver dies.
        QVERIFY(sockets.at(round * 8)->waitForReadyRead(10000));
        ::kill(pid_t(server->processId()), SIGKILL);
        QVERIFY(server->waitForFinished(5000));
        int answered = 0;
        for (int i = 0; i < sockets.size(); ++i) {
            QTcpSocket *socket = sockets.at(i);
            socket->waitForReadyRead(200);
            const QByteArray response = socket->readAll();
            if (response.startsWith("HTTP/1.1 200")) {
                acknowledged.insert(ids.at(i));
                ++answered;
            }
            delete socket;
        }
        QVERIFY(answered >= 1);
        delete server;

        const auto db = m_workspace.open();
        QVERIFY(db);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT delivery_id FROM webhook_events")));
        QSet<QString> stored;
        while (query.next())
            stored.insert(query.value(0).toString());
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(stored.contains(id), qPrintable(id + QStringLiteral(" was acknowledged")));
        qInfo("Round %d: %d of 40 acknowledged before the kill, %lld stored in all", round,
              answered, qlonglong(stored.size()));
    }

    // A receiver started again processes what the killed ones stored but never processed.
    quint16 port = 0;
    QProcess *server = startServer(&port);
    QVERIFY(server);
    const auto db = m_workspace.open();
    QVERIFY(QTest::qWaitFor(
        [&db] {
            QSqlQuery query(db->connection());
            return query.exec(QStringLiteral(
                       "SELECT count(*) FROM webhook_events WHERE status = 'received'")) &&
                   query.next() && query.value(0).toInt() == 0;
        },
        20000));
    server->kill();
    server->waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestWebhookKill)
#include "tst_webhookkill.moc"
