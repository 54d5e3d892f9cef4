#include "oauthtokenclient.h"

#include "logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <optional>

namespace {

constexpr int RequestTimeoutMs = 30000;
constexpr qsizetype MaxDescriptionLength = 300;
const char TimedOutProperty[] = "hubOAuthTimedOut";

// Fields of a token answer that are secrets and so never go into OAuthTokens::extra, which
// callers may keep with the source's ordinary settings.
bool isSecretField(const QString &name)
{
    return name == QLatin1String("access_token") || name == QLatin1String("refresh_token") ||
           name == QLatin1String("id_token");
}

QJsonObject parseFields(const QByteArray &contentType, const QByteArray &body, bool *parsed)
{
    *parsed = false;
    const QByteArray trimmed = body.trimmed();
    if (contentType.contains("json") || trimmed.startsWith('{')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
        if (error.error == QJsonParseError::NoError && document.isObject()) {
            *parsed = true;
            return document.object();
        }
        return {};
    }
    // GitHub answers form-encoded unless asked for JSON; some servers label it text/plain.
    if (!trimmed.contains('='))
        return {};
    QJsonObject fields;
    for (const auto &[name, value] : FormEncoding::decode(trimmed))
        fields.insert(name, value);
    *parsed = true;
    return fields;
}

qint64 secondsField(const QJsonValue &value)
{
    // Some servers send numbers as strings ("3600").
    if (value.isString())
        return value.toString().toLongLong();
    return static_cast<qint64>(value.toDouble());
}

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// The result when no HTTP answer came back: cancelled, timed out or a network error.
std::optional<OAuthTokenResult> transportFailure(QNetworkReply *reply)
{
    const bool timedOut = reply->property(TimedOutProperty).toBool();
    if (httpStatus(reply) != 0 && !timedOut)
        return std::nullopt;
    OAuthTokenResult result;
    if (reply->error() == QNetworkReply::OperationCanceledError && !timedOut) {
        result.status = OAuthTokenResult::Status::Cancelled;
        result.error = OAuthTokenClient::tr("The request was cancelled.");
    } else if (timedOut) {
        result.status = OAuthTokenResult::Status::Failed;
        result.error = OAuthTokenClient::tr("The sign-in server (%1) did not answer in time.")
                           .arg(reply->url().host());
    } else {
        result.status = OAuthTokenResult::Status::Failed;
        result.error = OAuthTokenClient::tr("The sign-in server (%1) could not be reached: %2")
                           .arg(reply->url().host(), reply->errorString());
    }
    return result;
}

OAuthTokenResult tokenResult(QNetworkReply *reply)
{
    if (auto failure = transportFailure(reply))
        return *failure;
    return OAuthTokenClient::parseTokenResponse(
        httpStatus(reply), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
        reply->readAll());
}

} // namespace

void OAuthTokenClient::answerLater(QNetworkAccessManager *network, Done done,
                                   const OAuthTokenResult &result)
{
    Q_ASSERT(network);
    QMetaObject::invokeMethod(
        network, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

QNetworkReply *OAuthTokenClient::exchangeCode(const OAuthConfig &config, const QByteArray &code,
                                              const QUrl &redirectUri,
                                              const QByteArray &codeVerifier,
                                              QNetworkAccessManager *network, Done done)
{
    FormEncoding::Items form{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), QString::fromUtf8(code)},
        // The very same string as in the authorization request (RFC 6749, 4.1.3).
        {QStringLiteral("redirect_uri"), QString::fromUtf8(redirectUri.toEncoded())},
        {QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)},
    };
    return post(config, config.tokenUrl, std::move(form), network, done,
                [done](QNetworkReply *reply) { done(tokenResult(reply)); });
}

QNetworkReply *OAuthTokenClient::refresh(const OAuthConfig &config, const QByteArray &refreshToken,
                                         QNetworkAccessManager *network, Done done)
{
    FormEncoding::Items form{
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken)},
    };
    return post(config, config.tokenUrl, std::move(form), network, done,
                [refreshToken, done](QNetworkReply *reply) {
                    OAuthTokenResult result = tokenResult(reply);
                    if (result.ok()) {
                        if (result.tokens.refreshToken.isEmpty())
                            result.tokens.refreshToken = refreshToken;
                        else
                            result.refreshTokenRotated = result.tokens.refreshToken != refreshToken;
                    }
                    done(result);
                });
}

QNetworkReply *OAuthTokenClient::clientCredentials(const OAuthConfig &config,
                                                   bool parametersInQuery,
                                                   QNetworkAccessManager *network, Done done)
{
    FormEncoding::Items form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    return post(
        config, config.tokenUrl, std::move(form), network, done,
        [done](QNetworkReply *reply) { done(tokenResult(reply)); }, parametersInQuery);
}

QNetworkReply *OAuthTokenClient::revoke(const OAuthConfig &config, const QByteArray &token,
                                        TokenKind kind, QNetworkAccessManager *network, Done done)
{
    if (!canRevoke(config)) {
        OAuthTokenResult result;
        result.status = OAuthTokenResult::Status::Failed;
        result.error = tr("This service offers no way for the app to revoke its access. Remove "
                          "the app's access in the service's own settings.");
        answerLater(network, std::move(done), result);
        return nullptr;
    }
    FormEncoding::Items form{
        {QStringLiteral("token"), QString::fromUtf8(token)},
        {QStringLiteral("token_type_hint"), kind == TokenKind::RefreshToken
                                                ? QStringLiteral("refresh_token")
                                                : QStringLiteral("access_token")},
    };
    return post(config, config.revokeUrl, std::move(form), network, done,
                [done](QNetworkReply *reply) {
                    if (auto failure = transportFailure(reply)) {
                        done(*failure);
                        return;
                    }
                    // RFC 7009: 200 also for a token that was already invalid.
                    const int status = httpStatus(reply);
                    OAuthTokenResult result;
                    if (status >= 200 && status < 300) {
                        result.status = OAuthTokenResult::Status::Ok;
                    } else {
                        result = parseTokenResponse(
                            status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                            reply->readAll());
                    }
                    done(result);
                });
}

bool OAuthTokenClient::isSecureEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http") && QHostAddress(url.host()).isLoopback();
}

OAuthTokenResult OAuthTokenClient::parseTokenResponse(int httpStatus, const QByteArray &contentType,
                                                      const QByteArray &body)
{
    OAuthTokenResult result;
    bool parsed = false;
    const QJsonObject fields = parseFields(contentType, body, &parsed);

    // GitHub reports errors with status 200, so the error field is checked first.
    const QString errorCode = fields.value(QLatin1String("error")).toString();
    if (!errorCode.isEmpty()) {
        result.status = OAuthTokenResult::Status::Refused;
        result.errorCode = errorCode;
        result.error =
            describeError(errorCode, fields.value(QLatin1String("error_description")).toString());
        return result;
    }
    result.status = OAuthTokenResult::Status::Failed;
    if (httpStatus < 200 || httpStatus >= 300) {
        result.error = tr("The sign-in server answered with HTTP status %1.").arg(httpStatus);
        return result;
    }
    if (!parsed) {
        result.error = tr("The sign-in server's answer could not be read.");
        return result;
    }
    OAuthTokens &tokens = result.tokens;
    tokens.accessToken = fields.value(QLatin1String("access_token")).toString().toUtf8();
    if (tokens.accessToken.isEmpty()) {
        result.error = tr("The sign-in server's answer did not contain an access token.");
        return result;
    }
    tokens.refreshToken = fields.value(QLatin1String("refresh_token")).toString().toUtf8();
    const qint64 expiresIn = secondsField(fields.value(QLatin1String("expires_in")));
    if (expiresIn > 0)
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isSecretField(it.key()))
            tokens.extra.insert(it.key(), it.value());
    }
    result.status = OAuthTokenResult::Status::Ok;
    return result;
}

QString OAuthTokenClient::describeError(const QString &errorCode, const QString &description)
{
    QString meaning;
    if (errorCode == QLatin1String("access_denied"))
        meaning = tr("Access was not granted: the request was declined.");
    else if (errorCode == QLatin1String("invalid_grant"))
        meaning = tr("The authorization is no longer valid: it has expired, was already used "
                     "or was revoked. Connect the source again.");
    else if (errorCode == QLatin1String("bad_verification_code"))
        meaning = tr("The sign-in code was not accepted; it may have expired. Sign in again.");
    else if (errorCode == QLatin1String("invalid_client"))
        meaning = tr("The service did not accept the app's client ID or client secret.");
    else if (errorCode == QLatin1String("unauthorized_client"))
        meaning = tr("The service does not allow this app to sign in this way.");
    else if (errorCode == QLatin1String("invalid_scope"))
        meaning = tr("The service did not accept the permissions the app asked for.");
    else if (errorCode == QLatin1String("unsupported_grant_type") ||
             errorCode == QLatin1String("unsupported_response_type"))
        meaning = tr("The service does not support this way of signing in.");
    else if (errorCode == QLatin1String("invalid_request"))
        meaning = tr("The service did not accept the sign-in request.");
    else if (errorCode == QLatin1String("server_error"))
        meaning = tr("The service had an internal error. Try again later.");
    else if (errorCode == QLatin1String("temporarily_unavailable"))
        meaning = tr("The service is temporarily unavailable. Try again later.");
    else
        meaning = tr("The service refused the sign-in (%1).").arg(errorCode);

    const QString said = description.simplified().left(MaxDescriptionLength);
    if (said.isEmpty())
        return meaning;
    return QString(meaning + u' ' + tr("The service said: “%1”").arg(said));
}

QNetworkReply *OAuthTokenClient::post(const OAuthConfig &config, const QUrl &url,
                                      FormEncoding::Items form, QNetworkAccessManager *network,
                                      const Done &refused,
                                      std::function<void(QNetworkReply *reply)> handle,
                                      bool formInQuery)
{
    if (!isSecureEndpoint(url)) {
        qCWarning(hubOAuth) << "Refusing to send credentials to" << url.scheme() << url.host();
        OAuthTokenResult result;
        result.status = OAuthTokenResult::Status::Failed;
        result.error = tr("The sign-in server address “%1” is not a secure (https) address, so "
                          "no credentials were sent to it.")
                           .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        answerLater(network, refused, result);
        return nullptr;
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A token endpoint does not redirect; following one could hand credentials to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Token answers must never land in a disk cache.
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    if (config.clientSecretInBasicAuth && !config.clientSecret.isEmpty()) {
        // RFC 6749, 2.3.1: both parts form-encoded, then base64.
        const QByteArray credentials =
            QUrl::toPercentEncoding(config.clientId) + ':' +
            QUrl::toPercentEncoding(QString::fromUtf8(config.clientSecret));
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    } else {
        form.append({QStringLiteral("client_id"), config.clientId});
        if (!config.clientSecret.isEmpty())
            form.append({QStringLiteral("client_secret"), QString::fromUtf8(config.clientSecret)});
    }

    if (formInQuery) {
        QUrl withQuery = url;
        withQuery.setQuery(QString::fromLatin1(FormEncoding::encode(form)), QUrl::StrictMode);
        request.setUrl(withQuery);
        form.clear();
    }
    qCDebug(hubOAuth) << "POST" << url.host() << url.path();
    QNetworkReply *reply = network->post(request, FormEncoding::encode(form));
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty(TimedOutProperty, true);
        reply->abort();
    });
    timer->start(RequestTimeoutMs);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, handle = std::move(handle)] {
        qCDebug(hubOAuth) << "Answer from" << reply->url().host() << "status"
                          << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        handle(reply);
    });
    return reply;
}
