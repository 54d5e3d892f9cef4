#pragma once

#include "formencoding.h"
#include "oauthconfig.h"

#include <QCoreApplication>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// How a request to a token or revocation endpoint ended.
struct OAuthTokenResult
{
    enum class Status {
        Ok,
        Refused, // the server answered with an OAuth error (errorCode says which)
        Failed,  // network error, timeout, unreadable answer, missing endpoint
        Cancelled,
    };

    Status status = Status::Failed;
    OAuthTokens tokens;               // with Ok, for code exchange and refresh
    bool refreshTokenRotated = false; // refresh: the server issued a new refresh token
    QString errorCode;                // e.g. "invalid_grant"
    QString error;                    // for the user, in plain words

    bool ok() const { return status == Status::Ok; }
    // The grant is dead (expired, used or revoked): the user has to connect again.
    bool needsReauthorization() const { return errorCode == QLatin1String("invalid_grant"); }
};

// The back-channel calls of OAuth2: code exchange, refresh and revocation (RFC 6749, 7636,
// 7009). Requests are form-encoded POSTs with "Accept: application/json"; answers are read as
// JSON or, as GitHub sends by default, form-encoded. Nothing here logs a token or a code.
//
// Each call returns the reply in flight (owned by the network manager) so the caller can
// abort() it, which ends the call with Cancelled; done runs exactly once, never before the
// call returns. A call that sends nothing (non-https endpoint, no revocation URL) returns
// nullptr and answers Failed. done is not called if the network manager is destroyed first.
class OAuthTokenClient
{
    Q_DECLARE_TR_FUNCTIONS(OAuthTokenClient)
public:
    using Done = std::function<void(const OAuthTokenResult &result)>;

    static QNetworkReply *exchangeCode(const OAuthConfig &config, const QByteArray &code,
                                       const QUrl &redirectUri, const QByteArray &codeVerifier,
                                       QNetworkAccessManager *network, Done done);
    // Services that rotate refresh tokens answer with a new one and invalidate the old one:
    // result.tokens.refreshToken is then the new token, else the one passed in, so callers
    // can always store what they get back.
    static QNetworkReply *refresh(const OAuthConfig &config, const QByteArray &refreshToken,
                                  QNetworkAccessManager *network, Done done);

    // The client-credentials grant (RFC 6749, 4.4), for services where a client id and
    // secret stand for a user (Marketo). The parameters go in the form body, or in the URL's
    // query where the service documents them there.
    static QNetworkReply *clientCredentials(const OAuthConfig &config, bool parametersInQuery,
                                            QNetworkAccessManager *network, Done done);

    enum class TokenKind { AccessToken, RefreshToken };
    // RFC 7009 revocation, for disconnecting a source. Answers Failed without a network
    // request when the service has no revocation URL (check canRevoke() first).
    static QNetworkReply *revoke(const OAuthConfig &config, const QByteArray &token, TokenKind kind,
                                 QNetworkAccessManager *network, Done done);
    static bool canRevoke(const OAuthConfig &config) { return config.revokeUrl.isValid(); }

    // https, or http to the loopback interface (local test servers); codes and tokens never
    // travel in clear text over a network.
    static bool isSecureEndpoint(const QUrl &url);

    // Reads a token endpoint's answer (JSON or form-encoded).
    static OAuthTokenResult parseTokenResponse(int httpStatus, const QByteArray &contentType,
                                               const QByteArray &body);
    // An OAuth error code and the server's description, in plain words.
    static QString describeError(const QString &errorCode, const QString &description);

private:
    // Sends the form with the client's credentials; refused answers when nothing is sent.
    static QNetworkReply *post(const OAuthConfig &config, const QUrl &url, FormEncoding::Items form,
                               QNetworkAccessManager *network, const Done &refused,
                               std::function<void(QNetworkReply *reply)> handle,
                               bool formInQuery = false);
    static void answerLater(QNetworkAccessManager *network, Done done,
                            const OAuthTokenResult &result);
};
