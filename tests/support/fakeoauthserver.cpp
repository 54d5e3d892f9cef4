#include "fakeoauthserver.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace {

using Status = QHttpServerResponse::StatusCode;

// Form decoding as a server does it ("+" is a space), independent of the app's own code.
QList<QPair<QString, QString>> decodeForm(const QByteArray &encoded)
{
    QList<QPair<QString, QString>> items;
    for (QByteArray pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

QByteArray encodeForm(const QList<QPair<QString, QString>> &items)
{
    QByteArray encoded;
    for (const auto &[name, value] : items) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QHttpServerResponse plainError(const QString &message)
{
    return QHttpServerResponse(QByteArrayLiteral("text/plain"), message.toUtf8(),
                               Status::BadRequest);
}

} // namespace

QString FakeOAuthServer::Received::value(const QString &name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

bool FakeOAuthServer::Received::has(const QString &name) const
{
    for (const auto &parameter : parameters) {
        if (parameter.first == name)
            return true;
    }
    return false;
}

FakeOAuthServer::FakeOAuthServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    auto recorded = [this](QList<Received> &log,
                           QHttpServerResponse (FakeOAuthServer::*handle)(const Received &)) {
        return [this, &log, handle](const QHttpServerRequest &request) {
            Received received = receive(request);
            QHttpServerResponse response = (this->*handle)(received);
            received.status = int(response.statusCode());
            log.append(received);
            return response;
        };
    };
    m_server->route(QStringLiteral("/authorize"), QHttpServerRequest::Method::Get,
                    recorded(m_authorizeRequests, &FakeOAuthServer::authorize));
    m_server->route(QStringLiteral("/token"), QHttpServerRequest::Method::Post,
                    recorded(m_tokenRequests, &FakeOAuthServer::token));
    m_server->route(QStringLiteral("/revoke"), QHttpServerRequest::Method::Post,
                    recorded(m_revokeRequests, &FakeOAuthServer::revoke));
}

FakeOAuthServer::~FakeOAuthServer() = default;

bool FakeOAuthServer::listen()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    if (m_port == 0)
        qWarning("FakeOAuthServer: cannot listen on 127.0.0.1");
    return m_port != 0;
}

QUrl FakeOAuthServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QUrl FakeOAuthServer::authorizeUrl() const
{
    return url(QStringLiteral("/authorize"));
}

QUrl FakeOAuthServer::tokenUrl() const
{
    return url(QStringLiteral("/token"));
}

QUrl FakeOAuthServer::revokeUrl() const
{
    return url(QStringLiteral("/revoke"));
}

bool FakeOAuthServer::isAccessTokenValid(const QByteArray &token) const
{
    return m_accessTokens.contains(token);
}

bool FakeOAuthServer::isRefreshTokenValid(const QByteArray &token) const
{
    return m_refreshTokens.contains(token);
}

QByteArray FakeOAuthServer::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

FakeOAuthServer::Received FakeOAuthServer::receive(const QHttpServerRequest &request) const
{
    Received received;
    received.method = request.method() == QHttpServerRequest::Method::Post ? "POST" : "GET";
    received.path = request.url().path();
    received.parameters = request.method() == QHttpServerRequest::Method::Post
                              ? decodeForm(request.body())
                              : decodeForm(request.url().query(QUrl::FullyEncoded).toLatin1());
    received.authorization = header(request, "Authorization");
    received.accept = header(request, "Accept");
    return received;
}

QHttpServerResponse FakeOAuthServer::authorize(const Received &received)
{
    // Errors about the client or the redirect URI are shown to the user, never redirected
    // (RFC 6749, 4.1.2.1).
    if (received.value(QStringLiteral("client_id")) != m_clientId)
        return plainError(QStringLiteral("unknown client_id"));
    const QUrl redirect(received.value(QStringLiteral("redirect_uri")), QUrl::StrictMode);
    if (!redirect.isValid() || redirect.scheme() != QLatin1String("http") ||
        redirect.host() != QLatin1String("127.0.0.1") || redirect.port() <= 0)
        return plainError(QStringLiteral("redirect_uri must be http://127.0.0.1:<port>/..."));
    if (received.value(QStringLiteral("response_type")) != QLatin1String("code"))
        return plainError(QStringLiteral("response_type must be code"));
    if (received.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256") ||
        received.value(QStringLiteral("code_challenge")).isEmpty())
        return plainError(QStringLiteral("PKCE with S256 is required"));
    if (!received.has(QStringLiteral("state")))
        return plainError(QStringLiteral("state is required"));

    QList<QPair<QString, QString>> answer;
    if (m_authorizeAnswer == AuthorizeAnswer::AccessDenied) {
        answer.append({QStringLiteral("error"), QStringLiteral("access_denied")});
        answer.append({QStringLiteral("error_description"),
                       QStringLiteral("The user has denied your application access.")});
    } else {
        const QString code = QString::fromLatin1(newToken("code"));
        m_codes.insert(code, {received.value(QStringLiteral("code_challenge")),
                              received.value(QStringLiteral("redirect_uri"))});
        answer.append({QStringLiteral("code"), code});
    }
    if (m_authorizeAnswer == AuthorizeAnswer::WrongState)
        answer.append({QStringLiteral("state"), QStringLiteral("not-the-state-that-was-sent")});
    else if (m_authorizeAnswer != AuthorizeAnswer::MissingState)
        answer.append({QStringLiteral("state"), received.value(QStringLiteral("state"))});

    QByteArray location = received.value(QStringLiteral("redirect_uri")).toUtf8();
    location += location.contains('?') ? '&' : '?';
    location += encodeForm(answer);
    QHttpServerResponse response(Status::Found);
    response.setHeader(QByteArrayLiteral("Location"), location);
    return response;
}

QHttpServerResponse FakeOAuthServer::token(const Received &received)
{
    if (!authenticateClient(received, &m_lastClientAuthentication))
        return oauthError(QStringLiteral("invalid_client"),
                          QStringLiteral("Client authentication failed."), 401);

    const QString grantType = received.value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("authorization_code")) {
        // A code is good for one attempt, whatever its outcome.
        const auto pending = m_codes.constFind(received.value(QStringLiteral("code")));
        if (pending == m_codes.cend())
            return oauthError(QStringLiteral("invalid_grant"),
                              QStringLiteral("The authorization code is invalid or was already "
                                             "used."));
        const PendingCode code = *pending;
        m_codes.erase(pending);
        if (received.value(QStringLiteral("redirect_uri")) != code.redirectUri)
            return oauthError(QStringLiteral("invalid_grant"),
                              QStringLiteral("The redirect_uri does not match the one of the "
                                             "authorization request."));
        const QByteArray verifier = received.value(QStringLiteral("code_verifier")).toLatin1();
        if (verifier.isEmpty() || challengeFor(verifier) != code.challenge.toLatin1())
            return oauthError(QStringLiteral("invalid_grant"),
                              QStringLiteral("The code_verifier does not match the "
                                             "code_challenge."));
        return tokenAnswer(received, issueTokens());
    }
    if (grantType == QLatin1String("refresh_token")) {
        const QByteArray refreshToken = received.value(QStringLiteral("refresh_token")).toUtf8();
        // Rotation: the refresh token is spent by this request.
        if (!m_refreshTokens.remove(refreshToken))
            return oauthError(QStringLiteral("invalid_grant"),
                              QStringLiteral("The refresh token is invalid, expired, revoked or "
                                             "was already used."));
        return tokenAnswer(received, issueTokens());
    }
    return oauthError(QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("Unknown grant_type."));
}

QHttpServerResponse FakeOAuthServer::revoke(const Received &received)
{
    QString how;
    if (!authenticateClient(received, &how))
        return oauthError(QStringLiteral("invalid_client"),
                          QStringLiteral("Client authentication failed."), 401);
    const QByteArray token = received.value(QStringLiteral("token")).toUtf8();
    if (token.isEmpty())
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("token is missing."));
    // RFC 7009: the answer is 200 whether or not the token was valid.
    m_accessTokens.remove(token);
    m_refreshTokens.remove(token);
    return QHttpServerResponse(Status::Ok);
}

bool FakeOAuthServer::authenticateClient(const Received &received, QString *how) const
{
    QString clientId = received.value(QStringLiteral("client_id"));
    QString secret = received.value(QStringLiteral("client_secret"));
    *how = received.has(QStringLiteral("client_secret")) ? QStringLiteral("form")
                                                         : QStringLiteral("none");
    if (received.authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(received.authorization.mid(6));
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0 || received.has(QStringLiteral("client_secret")))
            return false; // one authentication method only (RFC 6749, 2.3)
        clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
        secret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)));
        *how = QStringLiteral("basic");
    }
    if (clientId != m_clientId)
        return false;
    return m_clientSecret.isEmpty() || secret.toUtf8() == m_clientSecret;
}

QJsonObject FakeOAuthServer::issueTokens()
{
    const QByteArray accessToken = newToken("at");
    const QByteArray refreshToken = newToken("rt");
    m_accessTokens.insert(accessToken);
    m_refreshTokens.insert(refreshToken);
    QJsonObject fields = m_extraTokenFields;
    fields.insert(QStringLiteral("access_token"), QString::fromLatin1(accessToken));
    fields.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    fields.insert(QStringLiteral("expires_in"), m_accessTokenLifetime);
    fields.insert(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    fields.insert(QStringLiteral("scope"), QStringLiteral("read"));
    return fields;
}

QHttpServerResponse FakeOAuthServer::tokenAnswer(const Received &received,
                                                 const QJsonObject &fields)
{
    // Like GitHub: JSON only when asked for it.
    if (m_formEncoded || !received.accept.contains("application/json")) {
        QList<QPair<QString, QString>> items;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            items.append({it.key(), it.value().isDouble() ? QString::number(it.value().toInteger())
                                                          : it.value().toString()});
        return QHttpServerResponse(QByteArrayLiteral("application/x-www-form-urlencoded"),
                                   encodeForm(items));
    }
    return QHttpServerResponse(fields);
}

QHttpServerResponse FakeOAuthServer::oauthError(const QString &error, const QString &description,
                                                int status)
{
    const QJsonObject body{{QStringLiteral("error"), error},
                           {QStringLiteral("error_description"), description}};
    return QHttpServerResponse(body, static_cast<Status>(status));
}

QByteArray FakeOAuthServer::newToken(const char *prefix)
{
    QByteArray random(18, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return QByteArray(prefix) + '-' + QByteArray::number(++m_issued) + '-' +
           random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
