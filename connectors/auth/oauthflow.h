#pragma once

#include "formencoding.h"
#include "oauthconfig.h"
#include "oauthloopbackreceiver.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The OAuth2 authorization code flow with PKCE (S256) for a desktop app (RFC 8252): opens the
// service's sign-in page in the system browser, receives the redirect on
// http://127.0.0.1:<free port>/callback, checks `state` and exchanges the code for tokens.
//
// A started flow ends with exactly one of finished() or failed(): on success, on an error
// from the service, on a callback whose `state` does not match (no token request is made
// then), on timeout and on cancel(). The flow can be started again once it has ended.
//
// Written on the loopback receiver and OAuthTokenClient rather than on Qt 6.4's
// QOAuth2AuthorizationCodeFlow, which has no PKCE and does not report token endpoint errors.
class OAuthFlow : public QObject
{
    Q_OBJECT
public:
    using BrowserOpener = std::function<void(const QUrl &url)>;
    static constexpr int DefaultTimeoutMs = 5 * 60 * 1000;

    // network must outlive the flow.
    OAuthFlow(const OAuthConfig &config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OAuthFlow() override;

    // Opens the authorization URL; QDesktopServices::openUrl unless replaced.
    void setBrowserOpener(BrowserOpener opener);
    // For the whole flow, from start() to the tokens.
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }

    const OAuthConfig &config() const { return m_config; }
    bool isRunning() const { return m_running; }
    // The loopback redirect URI of the running flow.
    QUrl redirectUri() const { return m_redirectUri; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    // Also shown to the user, so they can open it by hand if no browser came up.
    void authorizationUrlReady(const QUrl &url);
    void finished(const OAuthTokens &tokens);
    void failed(const QString &error);

private:
    QString configurationProblem() const;
    QUrl authorizationUrl() const;
    OAuthLoopbackReceiver::Page handleCallback(const FormEncoding::Items &parameters);
    void exchangeCode(const QByteArray &code);
    // Runs action from the event loop unless the flow ended or restarted in the meantime.
    void later(std::function<void()> action);
    void succeed(const OAuthTokens &tokens);
    void fail(const QString &error);
    void end();

    OAuthConfig m_config;
    QNetworkAccessManager *m_network;
    BrowserOpener m_opener;
    int m_timeoutMs = DefaultTimeoutMs;
    QTimer m_timer;
    OAuthLoopbackReceiver *m_receiver = nullptr;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_state;
    QByteArray m_verifier;
    QUrl m_redirectUri;
    bool m_running = false;
    bool m_callbackAccepted = false;
    quint64 m_generation = 0; // tells answers of an ended run from those of the current one
};
