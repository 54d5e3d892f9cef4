#pragma once

#include "webhookevent.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

class Database;
class QHttpServerResponder;
class SecretStore;
class WebhookPipeline;
class WebhookSecretCache;
class WebhookVerifier;
struct Source;
struct WebhookRequest;
struct WebhookVerdict;

// The local HTTP endpoint services deliver webhooks to: POST /hooks/<source name>.
//
// Each request is checked by its source's provider scheme (connectors/webhooks/verifiers)
// against the source's secret from the keychain, then written to webhook_events exactly as
// received and only then acknowledged. Answers: 200 stored (or already stored: a
// redelivery), 400 malformed body, 401 missing or wrong signature, 403 stale timestamp,
// 404 unknown source, 405 wrong method, 413 body over the cap, 503 when the workspace or
// the keychain cannot be reached (the service will retry).
//
// Durability: the event's transaction commits before the answer. The workspace runs in WAL
// mode with synchronous=NORMAL, so a commit has reached the operating system (the WAL file)
// when it returns, though not necessarily the disk: killing the process right after the
// answer loses nothing; a power cut may lose the last commits, which is out of scope.
//
// Throughput: requests are answered on the thread this object lives on. Deliveries that
// arrive while a commit is on its way are written together by the next one (group commit),
// and each is still answered only after the commit that holds it.
class WebhookReceiver : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxBodyBytes = 1024 * 1024;
    static constexpr quint16 DefaultPort = 8787;

    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = DefaultPort; // 0: any free port
        qint64 maxBodyBytes = DefaultMaxBodyBytes;
        // The scheme and host services call, e.g. "https://hub.example.ngrok.app", when a
        // relay or tunnel forwards to this receiver. Empty: taken from X-Forwarded-Proto and
        // X-Forwarded-Host, else the Host header. Only HubSpot's signature depends on it.
        QByteArray publicBaseUrl;
    };

    struct Statistics
    {
        qint64 stored = 0;
        qint64 duplicates = 0;
        qint64 refused = 0;
        qint64 commits = 0;
    };

    // secrets must be scoped to the workspace (KeychainSecretStore::setScope).
    WebhookReceiver(Database *database, SecretStore *secrets, WebhookPipeline *pipeline,
                    QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Listens; false with error set when the address or port cannot be taken.
    bool start(const Options &options, QString *error);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_options.address; }
    const Statistics &statistics() const { return m_statistics; }

    // The time timestamps are checked against (tests move it).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Reads the sources again (after one was added or renamed).
    void reloadSources();

signals:
    // After the commit that holds it; duplicate when it had been stored before.
    void stored(qint64 id, const QString &sourceName, bool duplicate);
    void refused(const QString &sourceName, int status, const QString &reason);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Pending;
    struct SourceEntry
    {
        qint64 id = 0;
        QString name;
        QString kind;
    };

    const SourceEntry *findSource(const QString &name);
    const WebhookVerifier *verifierFor(const QString &kind);
    void decide(const std::shared_ptr<Pending> &pending, const WebhookVerifier *verifier,
                int secretState, const QByteArray &secret);
    void answerHandshake(const std::shared_ptr<Pending> &pending, const WebhookVerdict &verdict);
    void refuse(const std::shared_ptr<Pending> &pending, int status, const QString &reason);
    void flush();
    static void respond(Pending &pending, int status, const QByteArray &body,
                        const QByteArray &contentType = "application/json",
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});

    Database *m_database;
    WebhookSecretCache *m_secrets;
    WebhookPipeline *m_pipeline;
    Options m_options;
    quint16 m_port = 0;
    std::function<QDateTime()> m_clock;
    QHash<QString, SourceEntry> m_sources;
    qint64 m_sourcesLoadedAt = 0;
    std::map<QString, std::unique_ptr<WebhookVerifier>> m_verifiers;
    QList<std::shared_ptr<Pending>> m_batch;
    bool m_committing = false;
    Statistics m_statistics;
};
