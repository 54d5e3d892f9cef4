#include "sourceworker.h"

#include "auth/oauthtokenclient.h"
#include "http/httpclient.h"
#include "logging.h"
#include "streamrunner.h"

#include <QNetworkAccessManager>

SourceWorker::SourceWorker(Database *database, const SyncTarget &target,
                           const SyncEngine::Options &options,
                           std::shared_ptr<std::atomic_bool> cancelled)
    : m_database(database)
    , m_target(target)
    , m_options(options)
    , m_cancelled(std::move(cancelled))
{
}

SourceWorker::~SourceWorker() = default;

void SourceWorker::start()
{
    // Created here, on the worker thread, so that the network work happens on it.
    m_network = new QNetworkAccessManager(this);
    m_http = new HttpClient(m_network, this);
    m_http->setRetryPolicy(m_target.manifest.retry);
    m_http->setRateLimitHeaders(m_target.manifest.rateLimit);
    const AuthSpec auth = m_target.manifest.auth;
    m_credentials = std::make_shared<Credentials>(m_target.credentials);
    const std::shared_ptr<Credentials> credentials = m_credentials;
    m_http->setAuthorizer(
        [auth, credentials](HttpRequest &request) { credentials->apply(auth, request); });
    if (auth.type == AuthSpec::Type::OAuth2 && !m_credentials->refreshToken.isEmpty())
        m_http->setRefresher([this](std::function<void(bool)> done) { refresh(std::move(done)); });

    for (const StreamSpec &stream : std::as_const(m_target.manifest.streams)) {
        if (m_target.streams.isEmpty() || m_target.streams.contains(stream.name))
            m_pending.append(&stream);
    }
    runNext();
}

void SourceWorker::refresh(std::function<void(bool ok)> done)
{
    const AuthSpec &auth = m_target.manifest.auth;
    OAuthConfig config;
    config.authorizeUrl = auth.authorizeUrl;
    config.tokenUrl = auth.tokenUrl;
    config.revokeUrl = auth.revokeUrl;
    config.scopes = auth.scopes;
    config.clientId = m_target.source.settings.value(auth.clientIdSetting).toString();
    config.clientSecret = m_credentials->clientSecret;
    qCInfo(hubSync) << m_target.source.name << "renewing the access token";
    OAuthTokenClient::refresh(config, m_credentials->refreshToken, m_network,
                              [this, done = std::move(done)](const OAuthTokenResult &result) {
                                  if (!result.ok()) {
                                      qCWarning(hubSync)
                                          << m_target.source.name
                                          << "could not renew the access token:" << result.error;
                                      done(false);
                                      return;
                                  }
                                  m_credentials->token = result.tokens.accessToken;
                                  m_credentials->refreshToken = result.tokens.refreshToken;
                                  Q_EMIT credentialsRefreshed(m_target.source.id,
                                                              result.tokens.accessToken,
                                                              result.tokens.refreshToken);
                                  done(true);
                              });
}

void SourceWorker::cancel()
{
    if (m_http)
        m_http->cancelAll();
}

void SourceWorker::runNext()
{
    if (m_current) {
        m_current->deleteLater();
        m_current = nullptr;
    }
    if (m_pending.isEmpty()) {
        Q_EMIT done();
        return;
    }
    const StreamSpec *stream = m_pending.takeFirst();
    StreamRunner::Options options;
    options.full = m_options.full;
    m_current = new StreamRunner(m_database, m_http, m_target.manifest, *stream, m_target.source,
                                 options, m_cancelled.get(), this);
    connect(m_current, &StreamRunner::progress, this,
            [this](const QString &stream, qint64 records, int pages) {
                Q_EMIT progress(m_target.source.name, stream, records, pages);
            });
    connect(m_current, &StreamRunner::finished, this, [this](const StreamOutcome &outcome) {
        Q_EMIT streamFinished(outcome);
        runNext();
    });
    Q_EMIT streamStarted(m_target.source.name, stream->name);
    m_current->start();
}
