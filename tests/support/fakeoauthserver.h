#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

// A fake OAuth2 authorization server on 127.0.0.1 for the sign-in tests: /authorize (code
// flow with PKCE S256 required), /token (authorization_code and refresh_token grants, with
// rotating refresh tokens: a refresh token works once) and /revoke (RFC 7009). It is strict
// where real servers are (single-use codes, identical redirect_uri, verifier matching the
// challenge) and records every request so tests can check what the app sent.
class FakeOAuthServer : public QObject
{
    Q_OBJECT
public:
    // How /authorize answers a valid request.
    enum class AuthorizeAnswer {
        Code,         // redirect with a code and the state it was sent
        WrongState,   // redirect with a code but another state
        MissingState, // redirect with a code and no state
        AccessDenied, // redirect with error=access_denied (the user said no)
    };

    // One request as the server received it; parameters are decoded (query for GET, form
    // body for POST).
    struct Received
    {
        QByteArray method;
        QString path;
        QList<QPair<QString, QString>> parameters;
        QByteArray authorization;
        QByteArray accept;
        int status = 0; // what the server answered

        QString value(const QString &name) const;
        bool has(const QString &name) const;
    };

    explicit FakeOAuthServer(QObject *parent = nullptr);
    ~FakeOAuthServer() override;

    // Listens on 127.0.0.1 on a free port; false (with a warning) on failure.
    bool listen();
    quint16 port() const { return m_port; }
    QUrl authorizeUrl() const;
    QUrl tokenUrl() const;
    QUrl revokeUrl() const;

    QString clientId() const { return m_clientId; }
    // When set, token and revocation requests must authenticate with it (Basic or form).
    void setClientSecret(const QByteArray &secret) { m_clientSecret = secret; }
    void setAuthorizeAnswer(AuthorizeAnswer answer) { m_authorizeAnswer = answer; }
    // Answers token requests form-encoded even when JSON is accepted.
    void setFormEncodedTokenAnswers(bool formEncoded) { m_formEncoded = formEncoded; }
    void setAccessTokenLifetime(int seconds) { m_accessTokenLifetime = seconds; }
    // Added to every successful token answer, e.g. {"instance_url": ...}.
    void setExtraTokenFields(const QJsonObject &fields) { m_extraTokenFields = fields; }

    QList<Received> authorizeRequests() const { return m_authorizeRequests; }
    QList<Received> tokenRequests() const { return m_tokenRequests; }
    QList<Received> revokeRequests() const { return m_revokeRequests; }
    // How the client authenticated on its last token request: "basic", "form" or "none".
    QString lastClientAuthentication() const { return m_lastClientAuthentication; }

    bool isAccessTokenValid(const QByteArray &token) const;
    bool isRefreshTokenValid(const QByteArray &token) const;

    static QByteArray challengeFor(const QByteArray &verifier);

private:
    struct PendingCode
    {
        QString challenge;
        QString redirectUri;
    };

    QHttpServerResponse authorize(const Received &received);
    QHttpServerResponse token(const Received &received);
    QHttpServerResponse revoke(const Received &received);
    bool authenticateClient(const Received &received, QString *how) const;
    QJsonObject issueTokens();
    QHttpServerResponse tokenAnswer(const Received &received, const QJsonObject &fields);
    static QHttpServerResponse oauthError(const QString &error, const QString &description,
                                          int status = 400);
    Received receive(const QHttpServerRequest &request) const;
    QUrl url(const QString &path) const;
    QByteArray newToken(const char *prefix);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QString m_clientId = QStringLiteral("hub-test-client");
    QByteArray m_clientSecret;
    AuthorizeAnswer m_authorizeAnswer = AuthorizeAnswer::Code;
    bool m_formEncoded = false;
    int m_accessTokenLifetime = 3600;
    QJsonObject m_extraTokenFields;
    QString m_lastClientAuthentication;

    QHash<QString, PendingCode> m_codes;
    QSet<QByteArray> m_accessTokens;
    QSet<QByteArray> m_refreshTokens;
    int m_issued = 0;

    QList<Received> m_authorizeRequests;
    QList<Received> m_tokenRequests;
    QList<Received> m_revokeRequests;
};
