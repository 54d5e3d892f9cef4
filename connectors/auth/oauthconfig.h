#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

// How to talk to one service's OAuth2 authorization server (from its connector manifest).
struct OAuthConfig
{
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl revokeUrl; // optional: RFC 7009 revocation endpoint
    QString clientId;
    QByteArray clientSecret; // optional: desktop apps are public clients and rely on PKCE
    QStringList scopes;
    QString scopeSeparator = QStringLiteral(" "); // Linear uses ","
    // Service-specific authorize parameters, e.g. ("prompt", "consent") or ("actor", "user").
    QList<QPair<QString, QString>> extraAuthorizeParameters;
    // Send the client credentials as HTTP Basic (Notion) instead of in the form body.
    bool clientSecretInBasicAuth = false;
};

// What a token endpoint handed out. The tokens are secrets: they go to the keychain only.
struct OAuthTokens
{
    QByteArray accessToken;
    QByteArray refreshToken; // empty when the service issues none
    QDateTime expiresAt;     // UTC; invalid when the service does not say
    // The other, non-secret fields of the answer, e.g. token_type, scope, instance_url
    // (Salesforce), api_domain (Pipedrive), created_at (GitLab).
    QJsonObject extra;
};
