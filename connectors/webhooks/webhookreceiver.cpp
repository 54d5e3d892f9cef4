#include "webhookreceiver.h"

#include "database.h"
#include "databasewriter.h"
#include "sourcestore.h"
#include "verifiers/webhookverifiers.h"
#include "webhookjournal.h"
#include "webhooklogging.h"
#include "webhookpipeline.h"
#include "webhookrequest.h"
#include "webhooksecretcache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace {

constexpr QLatin1String HooksPrefix("/hooks/");
// Unknown names re-read the sources at most this often, so a flood of bad paths cannot keep
// the database busy.
constexpr qint64 SourceReloadMs = 2000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

// Headers worth keeping with the delivery: all but those that prove who sent it.
bool keepHeader(const QByteArray &name)
{
    static const QList<QByteArray> secretish{"signature",     "secret", "token",
                                             "authorization", "cookie", "passcode"};
    for (const QByteArray &part : secretish) {
        if (name.contains(part))
            return false;
    }
    return true;
}

QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

struct WebhookReceiver::Pending
{
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    WebhookRequest request;
    SourceEntry source;
    WebhookEvent event;
    qint64 storedId = 0;
    bool duplicate = false;

    Pending(QHttpServerResponder &&r, QTcpSocket *s)
        : responder(std::move(r))
        , socket(s)
    {
    }
};

WebhookReceiver::WebhookReceiver(Database *database, SecretStore *secrets,
                                 WebhookPipeline *pipeline, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_database(database)
    , m_secrets(new WebhookSecretCache(secrets, this))
    , m_pipeline(pipeline)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

WebhookReceiver::~WebhookReceiver() = default;

bool WebhookReceiver::start(const Options &options, QString *error)
{
    m_options = options;
    reloadSources();
    m_port = listen(options.address, options.port);
    if (m_port == 0) {
        *error = tr("Cannot listen on %1 port %2: the address is not this machine's or the port "
                    "is taken.")
                     .arg(options.address.toString())
                     .arg(options.port);
        return false;
    }
    qCInfo(hubWebhooks) << "Receiving webhooks on" << options.address.toString() << m_port;
    return true;
}

void WebhookReceiver::reloadSources()
{
    QString error;
    const QList<Source> sources = SourceStore(m_database->connection()).all(&error);
    if (!error.isEmpty()) {
        qCWarning(hubWebhooks) << "Cannot read the sources:" << error;
        return;
    }
    m_sources.clear();
    for (const Source &source : sources)
        m_sources.insert(source.name, {source.id, source.name, source.kind});
    m_sourcesLoadedAt = QDateTime::currentMSecsSinceEpoch();
}

const WebhookReceiver::SourceEntry *WebhookReceiver::findSource(const QString &name)
{
    auto it = m_sources.constFind(name);
    if (it == m_sources.constEnd() &&
        QDateTime::currentMSecsSinceEpoch() - m_sourcesLoadedAt > SourceReloadMs) {
        reloadSources();
        it = m_sources.constFind(name);
    }
    return it == m_sources.constEnd() ? nullptr : &*it;
}

const WebhookVerifier *WebhookReceiver::verifierFor(const QString &kind)
{
    auto it = m_verifiers.find(kind);
    if (it == m_verifiers.end())
        it = m_verifiers.emplace(kind, WebhookVerifiers::forProvider(kind)).first;
    return it->second.get();
}

void WebhookReceiver::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(errorBody(tr("Not found.")), "application/json",
                    QHttpServerResponder::StatusCode::NotFound);
}

bool WebhookReceiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto pending = std::make_shared<Pending>(makeResponder(request, socket), socket);
    const QUrl url = request.url();
    const QString path = url.path();
    if (!path.startsWith(HooksPrefix) || path.size() == HooksPrefix.size()) {
        refuse(pending, 404, tr("Webhooks are received at /hooks/<source name>."));
        return true;
    }
    const QString name = path.mid(HooksPrefix.size());
    pending->source.name = name;
    if (request.body().size() > m_options.maxBodyBytes) {
        refuse(pending, 413, tr("The body is larger than %1 bytes.").arg(m_options.maxBodyBytes));
        return true;
    }
    const SourceEntry *source = findSource(name);
    if (!source) {
        refuse(pending, 404, tr("There is no source named '%1'.").arg(name));
        return true;
    }
    pending->source = *source;
    const WebhookVerifier *verifier = verifierFor(source->kind);
    if (!verifier) {
        refuse(pending, 404,
               tr("Source '%1' is a %2 source, which sends no webhooks the hub can "
                  "authenticate.")
                   .arg(name, source->kind));
        return true;
    }

    WebhookRequest &in = pending->request;
    in.method = methodName(request.method());
    if (!verifier->acceptsMethod(in.method)) {
        respond(*pending, 405, errorBody(tr("Only POST is accepted here.")), "application/json",
                {{"Allow", verifier->acceptsMethod("GET") ? "GET, POST" : "POST"}});
        ++m_statistics.refused;
        emit refused(name, 405, tr("Wrong method."));
        return true;
    }
    in.target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        in.target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    in.query = QUrlQuery(url);
    for (const auto &header : request.headers()) {
        const QByteArray key = header.first.toLower();
        const auto existing = in.headers.find(key);
        if (existing == in.headers.end())
            in.headers.insert(key, header.second);
        else
            existing.value() += ", " + header.second;
    }
    in.body = request.body();
    in.receivedAt = m_clock();
    QByteArray base = m_options.publicBaseUrl;
    if (base.isEmpty()) {
        QByteArray scheme = in.header("x-forwarded-proto");
        QByteArray host = in.header("x-forwarded-host");
        if (scheme.isEmpty())
            scheme = "http";
        if (host.isEmpty())
            host = in.header("host");
        base = scheme + "://" + host;
    }
    in.publicUrl = base + in.target;

    const qint64 sourceId = source->id;
    QPointer<WebhookReceiver> self(this);
    m_secrets->get(sourceId, [self, pending, verifier](WebhookSecretCache::State state,
                                                       const QByteArray &secret) {
        if (self)
            self->decide(pending, verifier, int(state), secret);
    });
    return true;
}

void WebhookReceiver::decide(const std::shared_ptr<Pending> &pending,
                             const WebhookVerifier *verifier, int secretState,
                             const QByteArray &secret)
{
    const auto state = WebhookSecretCache::State(secretState);
    if (state == WebhookSecretCache::State::Unavailable) {
        refuse(pending, 503, tr("The keychain cannot be reached to check the signature."));
        return;
    }
    const bool hasSecret = state == WebhookSecretCache::State::Found;
    if (const auto handshake = verifier->handshake(pending->request, hasSecret)) {
        if (handshake->kind == WebhookVerdict::Kind::Reject)
            refuse(pending, handshake->status, handshake->reason);
        else
            answerHandshake(pending, *handshake);
        return;
    }
    if (!hasSecret) {
        refuse(pending, 401,
               tr("Source '%1' has no webhook secret yet: set it with 'product-hub webhooks "
                  "secret %1'.")
                   .arg(pending->source.name));
        return;
    }
    const WebhookVerdict verdict = verifier->verify(pending->request, secret);
    if (verdict.kind != WebhookVerdict::Kind::Accept) {
        refuse(pending, verdict.status, verdict.reason);
        return;
    }
    if (verifier->bodyFormat() == WebhookVerifier::BodyFormat::Json) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(pending->request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            refuse(pending, 400,
                   tr("The body is not valid JSON: %1 at byte %2.")
                       .arg(parseError.errorString())
                       .arg(parseError.offset));
            return;
        }
    }

    WebhookEvent &event = pending->event;
    event.provider = pending->source.kind;
    event.deliveryId = verdict.deliveryId;
    if (event.deliveryId.isEmpty())
        event.deliveryId = QStringLiteral("sha256:") +
                           QString::fromLatin1(QCryptographicHash::hash(pending->request.body,
                                                                        QCryptographicHash::Sha256)
                                                   .toHex());
    event.sourceId = pending->source.id;
    event.eventType = verdict.eventType;
    event.receivedAt = pending->request.receivedAt;
    event.payload = pending->request.body;
    for (auto it = pending->request.headers.cbegin(); it != pending->request.headers.cend(); ++it) {
        if (keepHeader(it.key()))
            event.headers.insert(QString::fromLatin1(it.key()), QString::fromUtf8(it.value()));
    }
    m_batch.append(pending);
    flush();
}

void WebhookReceiver::answerHandshake(const std::shared_ptr<Pending> &pending,
                                      const WebhookVerdict &verdict)
{
    const QByteArray contentType =
        verdict.contentType.isEmpty() ? QByteArray("text/plain") : verdict.contentType;
    if (verdict.learnedSecret.isEmpty()) {
        respond(*pending, verdict.status, verdict.responseBody, contentType,
                verdict.responseHeaders);
        return;
    }
    // The echo goes out only once the secret is safe in the keychain: a handshake answered
    // but not kept would leave every later delivery unverifiable.
    const QString name = pending->source.name;
    m_secrets->put(pending->source.id, verdict.learnedSecret,
                   [pending, verdict, contentType, name](bool ok, const QString &error) {
                       if (!ok) {
                           qCWarning(hubWebhooks) << "Cannot keep the handshake secret of" << name
                                                  << "in the keychain:" << error;
                           respond(*pending, 503,
                                   errorBody(tr("The secret cannot be stored in the keychain.")));
                           return;
                       }
                       qCInfo(hubWebhooks)
                           << "Handshake of" << name << "accepted; its secret is in the keychain";
                       respond(*pending, verdict.status, verdict.responseBody, contentType,
                               verdict.responseHeaders);
                   });
}

void WebhookReceiver::refuse(const std::shared_ptr<Pending> &pending, int status,
                             const QString &reason)
{
    ++m_statistics.refused;
    // The reason names what was wrong, never the secret or the signature that was sent. Debug
    // level: a flood of bad requests must not become a flood of log lines; the command line
    // reports refusals through the refused() signal.
    qCDebug(hubWebhooks).noquote()
        << "Refused a delivery to" << pending->source.name << status << reason;
    respond(*pending, status, errorBody(reason));
    emit refused(pending->source.name, status, reason);
}

void WebhookReceiver::flush()
{
    if (m_committing || m_batch.isEmpty())
        return;
    m_committing = true;
    const QList<std::shared_ptr<Pending>> batch = std::exchange(m_batch, {});
    m_database->writer()->submit(
        [batch](QSqlDatabase &db, QString *error) {
            WebhookJournal journal(db);
            for (const auto &pending : batch) {
                const std::optional<qint64> id =
                    journal.record(pending->event, &pending->duplicate, error);
                if (!id)
                    return false;
                pending->storedId = *id;
            }
            return true;
        },
        this,
        [this, batch](const WriteResult &result) {
            m_committing = false;
            ++m_statistics.commits;
            QList<qint64> fresh;
            for (const auto &pending : batch) {
                if (!result.ok) {
                    // Not acknowledged, so the service delivers it again later.
                    respond(*pending, 503, errorBody(tr("The delivery could not be stored.")));
                    continue;
                }
                const QJsonObject answer{{QStringLiteral("id"), pending->storedId},
                                         {QStringLiteral("duplicate"), pending->duplicate}};
                respond(*pending, 200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
                if (pending->duplicate) {
                    ++m_statistics.duplicates;
                } else {
                    ++m_statistics.stored;
                    fresh.append(pending->storedId);
                }
                emit stored(pending->storedId, pending->source.name, pending->duplicate);
            }
            if (!result.ok)
                qCWarning(hubWebhooks) << "Cannot store webhook deliveries:" << result.error;
            if (m_pipeline && !fresh.isEmpty())
                m_pipeline->enqueue(fresh);
            flush();
        });
}

void WebhookReceiver::respond(Pending &pending, int status, const QByteArray &body,
                              const QByteArray &contentType,
                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    // The client may have gone while the commit ran; its socket is then gone too.
    if (!pending.socket || !pending.socket->isOpen())
        return;
    QHttpServerResponder &responder = pending.responder;
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(body);
}
