#include "sourceworker.h"

#include "auth/oauthtokenclient.h"
#include "eventexportrunner.h"
#include "http/httpclient.h"
#include "logging.h"
#include "sourcesettings.h"
#include "streamrunner.h"

#include "database.h"
#include "databasewriter.h"

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
    m_target.source.settings = SourceSettings::withSecretParts(
        m_target.manifest, m_target.source.settings, m_target.credentials.token);
    m_credentials = std::make_shared<Credentials>(m_target.credentials);
    const std::shared_ptr<Credentials> credentials = m_credentials;
    m_http->setAuthorizer(
        [auth, credentials](HttpRequest &request) { credentials->apply(auth, request); });
    if (auth.type == AuthSpec::Type::OAuth2 && !m_credentials->refreshToken.isEmpty())
        m_http->setRefresher([this](std::function<void(bool)> done) { refresh(std::move(done)); });
    if (auth.type == AuthSpec::Type::ClientCredentials)
        m_http->setRefresher([this](std::function<void(bool)> done) {
            obtainAccessToken([done = std::move(done)](bool ok, const QString &) { done(ok); });
        });

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
                                  keepTokenSettings(result.tokens.extra);
                                  Q_EMIT credentialsRefreshed(m_target.source.id,
                                                              result.tokens.accessToken,
                                                              result.tokens.refreshToken);
                                  done(true);
                              });
}

void SourceWorker::keepTokenSettings(const QJsonObject &answer)
{
    QJsonObject settings = m_target.source.settings;
    if (!SourceSettings::takeFromTokenAnswer(m_target.manifest.auth, answer, &settings))
        return;
    m_target.source.settings = settings;
    const qint64 sourceId = m_target.source.id;
    const QString name = m_target.source.name;
    m_database->writer()->submit(
        [sourceId, settings](QSqlDatabase &db, QString *error) {
            return SourceSettings::store(db, sourceId, settings, error);
        },
        this,
        [name](const WriteResult &result) {
            if (!result.ok)
                qCWarning(hubSync)
                    << name << "could not keep the token's settings:" << result.error;
        });
}

void SourceWorker::obtainAccessToken(std::function<void(bool ok, const QString &error)> done)
{
    const AuthSpec &auth = m_target.manifest.auth;
    const QByteArray pair = m_credentials->token;
    const qsizetype colon = pair.indexOf(':');
    if (colon <= 0 || colon == pair.size() - 1) {
        done(false,
             tr("%1 needs the %2 and the %3, stored as %4:%5 with 'product-hub auth set "
                "%6'.")
                 .arg(m_target.manifest.title, auth.firstName, auth.secondName,
                      auth.firstName.toUpper(), auth.secondName.toUpper(), m_target.source.name));
        return;
    }
    QString error;
    const QUrl base =
        RequestBuilder::baseUrl(m_target.source.baseUrl.isEmpty() ? m_target.manifest.defaultBaseUrl
                                                                  : m_target.source.baseUrl,
                                m_target.manifest, m_target.source.settings, &error);
    if (!base.isValid()) {
        done(false, error);
        return;
    }
    QHash<QString, QString> values;
    for (auto it = m_target.source.settings.constBegin(); it != m_target.source.settings.constEnd();
         ++it)
        values.insert(QStringLiteral("settings.") + it.key(), it.value().toVariant().toString());
    OAuthConfig config;
    config.tokenUrl = base.resolved(QUrl(RequestBuilder::resolve(auth.clientTokenUrl, values)));
    config.clientId = QString::fromUtf8(pair.left(colon));
    config.clientSecret = pair.mid(colon + 1);
    qCInfo(hubSync) << m_target.source.name << "asking for an access token";
    OAuthTokenClient::clientCredentials(
        config, auth.clientTokenParametersInQuery, m_network,
        [this, done = std::move(done)](const OAuthTokenResult &result) {
            if (!result.ok()) {
                qCWarning(hubSync)
                    << m_target.source.name << "could not get an access token:" << result.error;
                done(false,
                     tr("%1 gave no access token: %2").arg(m_target.manifest.title, result.error));
                return;
            }
            m_credentials->accessToken = result.tokens.accessToken;
            m_credentials->accessTokenExpiresAt = result.tokens.expiresAt;
            done(true, QString());
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
    if (m_currentExport) {
        m_currentExport->deleteLater();
        m_currentExport = nullptr;
    }
    if (m_pending.isEmpty()) {
        Q_EMIT done();
        return;
    }
    const StreamSpec *stream = m_pending.takeFirst();
    // A token obtained for one stream serves the next ones until shortly before it expires.
    if (m_target.manifest.auth.type == AuthSpec::Type::ClientCredentials &&
        m_credentials->needsAccessToken()) {
        obtainAccessToken([this, stream](bool ok, const QString &error) {
            startStream(stream, ok ? QString() : error);
        });
        return;
    }
    startStream(stream, QString());
}

void SourceWorker::startStream(const StreamSpec *stream, const QString &startError)
{
    StreamRunner::Options options;
    options.full = m_options.full;
    options.startError = startError;
    if (stream->events.isSet) {
        m_currentExport = new EventExportRunner(m_database, m_http, m_target.manifest, *stream,
                                                m_target.source, options, m_cancelled.get(), this);
        connect(m_currentExport, &EventExportRunner::progress, this,
                [this](const QString &stream, qint64 records, int pages) {
                    Q_EMIT progress(m_target.source.name, stream, records, pages);
                });
        connect(m_currentExport, &EventExportRunner::finished, this,
                [this](const StreamOutcome &outcome) {
                    Q_EMIT streamFinished(outcome);
                    runNext();
                });
        Q_EMIT streamStarted(m_target.source.name, stream->name);
        m_currentExport->start();
        return;
    }
    m_current = new StreamRunner(m_database, m_http, m_target.manifest, *stream, m_target.source,
                                 options, m_cancelled.get(), this);
    const AuthSpec::Type authType = m_target.manifest.auth.type;
    if (authType == AuthSpec::Type::ClientCredentials) {
        m_current->setRenewer([this](std::function<void(bool)> done) {
            obtainAccessToken([done = std::move(done)](bool ok, const QString &) { done(ok); });
        });
    } else if (authType == AuthSpec::Type::OAuth2 && !m_credentials->refreshToken.isEmpty()) {
        m_current->setRenewer([this](std::function<void(bool)> done) { refresh(std::move(done)); });
    }
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
