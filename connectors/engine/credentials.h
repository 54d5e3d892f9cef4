#pragma once

#include "http/httptypes.h"
#include "manifest/connectormanifest.h"

// The secret a source authenticates with, held in memory only for the length of a sync.
struct Credentials
{
    QByteArray token; // a token or API key; for Basic auth "FIRST:SECOND"
    // OAuth2 only: to get a new access token when the service refuses the current one.
    QByteArray refreshToken;
    QByteArray clientSecret; // for confidential clients; empty with PKCE
    // ClientCredentials only: the access token the service handed out for the client id and
    // secret in token, and when it expires. Kept for the length of a sync.
    QByteArray accessToken;
    QDateTime accessTokenExpiresAt;

    bool isEmpty() const { return token.isEmpty(); }
    // ClientCredentials: no access token yet, or one that expires within a minute.
    bool needsAccessToken() const;
    // Puts the credentials on a request in the form the service expects.
    void apply(const AuthSpec &auth, HttpRequest &request) const;
};
