#include "oauthlogin.h"

#include "auth/oauthflow.h"
#include "auth/oauthtokenclient.h"
#include "clioutput.h"
#include "clisecrets.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>

namespace OAuthLogin {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OAuthLogin", text);
}

void openBrowser(const QUrl &url, CliOutput &output)
{
    output.err() << tr("Opening the sign-in page in your browser. If it does not open, visit:")
                 << '\n'
                 << url.toString(QUrl::FullyEncoded) << Qt::endl;
    const QString custom = qEnvironmentVariable("PRODUCT_HUB_BROWSER");
    QStringList command =
        custom.isEmpty() ? QStringList{QStringLiteral("xdg-open")} : QProcess::splitCommand(custom);
    const QString program = command.takeFirst();
    command.append(url.toString(QUrl::FullyEncoded));
    if (!QProcess::startDetached(program, command))
        output.err() << tr("Could not start %1; open the address above by hand.").arg(program)
                     << Qt::endl;
}

} // namespace

OAuthConfig configFor(const Source &source, const ConnectorManifest &manifest)
{
    OAuthConfig config;
    config.authorizeUrl = manifest.auth.authorizeUrl;
    config.tokenUrl = manifest.auth.tokenUrl;
    config.revokeUrl = manifest.auth.revokeUrl;
    config.scopes = manifest.auth.scopes;
    config.clientId = source.settings.value(manifest.auth.clientIdSetting).toString();
    return config;
}

bool run(const Source &source, const ConnectorManifest &manifest, CliSecrets &secrets,
         CliOutput &output, QString *error, QJsonObject *tokenAnswer)
{
    OAuthConfig config = configFor(source, manifest);
    if (config.clientId.isEmpty()) {
        *error = tr("\"%1\" has no OAuth client id: add it with 'product-hub sources add ... --set "
                    "%2=ID'.")
                     .arg(source.name, manifest.auth.clientIdSetting);
        return false;
    }
    // A confidential client's secret, when the service requires one, is kept in the keychain.
    const SecretStore::Result clientSecret =
        secrets.read(SecretStore::key(source.id, QStringLiteral("client_secret")));
    if (clientSecret.status == SecretStore::Status::Ok)
        config.clientSecret = clientSecret.secret;
    else if (clientSecret.status != SecretStore::Status::NotFound) {
        *error = clientSecret.error;
        return false;
    }

    QNetworkAccessManager network;
    OAuthFlow flow(config, &network);
    flow.setBrowserOpener([&output](const QUrl &url) { openBrowser(url, output); });
    QEventLoop loop;
    OAuthTokens tokens;
    bool ok = false;
    QObject::connect(&flow, &OAuthFlow::finished, &loop, [&](const OAuthTokens &received) {
        tokens = received;
        ok = true;
        loop.quit();
    });
    QObject::connect(&flow, &OAuthFlow::failed, &loop, [&](const QString &message) {
        *error = message;
        loop.quit();
    });
    flow.start();
    if (flow.isRunning())
        loop.exec();
    if (!ok)
        return false;

    SecretStore::Result stored =
        secrets.write(SecretStore::key(source.id, QStringLiteral("token")), tokens.accessToken);
    if (stored.status == SecretStore::Status::Ok && !tokens.refreshToken.isEmpty())
        stored = secrets.write(SecretStore::key(source.id, QStringLiteral("refresh_token")),
                               tokens.refreshToken);
    if (stored.status != SecretStore::Status::Ok) {
        *error = stored.error;
        return false;
    }
    if (tokenAnswer)
        *tokenAnswer = tokens.extra;
    return true;
}

void revoke(const Source &source, const ConnectorManifest &manifest, CliSecrets &secrets,
            CliOutput &output)
{
    if (manifest.auth.type != AuthSpec::Type::OAuth2 || manifest.auth.revokeUrl.isEmpty())
        return;
    const SecretStore::Result refresh =
        secrets.read(SecretStore::key(source.id, QStringLiteral("refresh_token")));
    const bool isRefresh = refresh.status == SecretStore::Status::Ok;
    const SecretStore::Result token =
        isRefresh ? refresh : secrets.read(SecretStore::key(source.id, QStringLiteral("token")));
    if (token.status != SecretStore::Status::Ok)
        return;
    OAuthConfig config = configFor(source, manifest);
    const SecretStore::Result clientSecret =
        secrets.read(SecretStore::key(source.id, QStringLiteral("client_secret")));
    if (clientSecret.status == SecretStore::Status::Ok)
        config.clientSecret = clientSecret.secret;
    QNetworkAccessManager network;
    QEventLoop loop;
    OAuthTokenResult result;
    // Revoking the refresh token ends the whole grant at services that follow RFC 7009.
    if (OAuthTokenClient::revoke(config, token.secret,
                                 isRefresh ? OAuthTokenClient::TokenKind::RefreshToken
                                           : OAuthTokenClient::TokenKind::AccessToken,
                                 &network, [&](const OAuthTokenResult &r) {
                                     result = r;
                                     loop.quit();
                                 }))
        loop.exec();
    if (!result.ok())
        output.err() << tr("warning: %1 did not confirm that the tokens are revoked: %2")
                            .arg(manifest.title, result.error)
                     << Qt::endl;
}

} // namespace OAuthLogin
