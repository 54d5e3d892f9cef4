#pragma once

#include "manifest/connectormanifest.h"
#include "sourcestore.h"

#include <QJsonObject>

class CliOutput;
class CliSecrets;

// Signs a source in through the browser from the command line and stores its tokens.
namespace OAuthLogin {

// The browser is the system's (xdg-open), or the command in PRODUCT_HUB_BROWSER, which is
// given the sign-in URL as its one argument. The URL is also printed, for opening by hand.
bool run(const Source &source, const ConnectorManifest &manifest, CliSecrets &secrets,
         CliOutput &output, QString *error, QJsonObject *tokenAnswer = nullptr);

// Asks the service to revoke the source's tokens, where it has a revocation endpoint.
// Best effort: a service that cannot be reached does not keep a source from being removed.
void revoke(const Source &source, const ConnectorManifest &manifest, CliSecrets &secrets,
            CliOutput &output);

} // namespace OAuthLogin
