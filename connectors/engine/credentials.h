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

    bool isEmpty() const { return token.isEmpty(); }
    // Puts the credentials on a request in the form the service expects.
    void apply(const AuthSpec &auth, HttpRequest &request) const;
};
